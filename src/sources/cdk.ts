/**
 * A CDK cloud assembly (`cdk.out`): `manifest.json` lists the stacks; each
 * `aws:cloudformation:stack` artifact names its template and its environment
 * (`aws://ACCOUNT/REGION`), read as CloudFormation with distribution ids `StackName/LogicalId`.
 * Nested assemblies (CDK Stages) are followed.
 * https://github.com/aws/aws-cdk/tree/main/packages/aws-cdk-lib/cloud-assembly-schema
 */

import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, type UnreadableInput } from '../findings/input-error.js';
import type { CodeOrigin, Locator } from '../findings/types.js';
import { readTemplate, type TemplateOptions } from './cloudformation.js';
import { detectInput } from './detect.js';
import { displayName, type JsonPath, type SourceDocument, unreadableInput } from './document.js';
import { type Collected, isRecord, own, ownRecord, ownString } from './fields.js';
import { readNestedStacks } from './nested-load.js';
import { resourceLocator } from './tf-locator.js';

/** Nested assemblies are followed at most this deep (CDK Stages nest one or two); deeper ones are an error. */
const MAX_NESTING = 4;
const ENVIRONMENT = /^aws:\/\/([^/]+)\/(.+)$/;

/** How the assembly reader gets documents (so it shares the loader's size bounds and errors). */
type ReadDocument = (path: string) => Promise<SourceDocument>;

/** Settings the assembly's stacks are read with. */
interface AssemblyOptions {
  readonly parameters: Readonly<Record<string, string>>;
  /** `--region`, for stacks whose environment leaves the region open. */
  readonly region?: string;
  /** `--account`, for stacks whose environment leaves the account open. */
  readonly accountId?: string;
}

/** What one run through an assembly shares: where it may read, and the assemblies already read. */
interface Walk {
  /** The real path of the assembly folder the user named: nothing outside it is read. */
  readonly root: string;
  /** Real paths of the assemblies read so far: a manifest naming one again is a loop. */
  readonly seen: Set<string>;
  readonly readDocument: ReadDocument;
  readonly options: AssemblyOptions;
  readonly out: Collected;
  readonly errors: UnreadableInput[];
}

/**
 * Reads every stack of the assembly in `dir` into `out`. A stack whose template cannot be read
 * is reported in `errors` and the other stacks are still read. Every file the manifests name is
 * resolved to its real path first, and one that leads outside `dir` (`..`, an absolute path, a
 * symbolic link) is refused without being opened.
 *
 * @throws InputError when the manifest itself cannot be read or is not a CDK manifest
 */
export async function readCloudAssembly(
  dir: string,
  options: AssemblyOptions,
  readDocument: ReadDocument,
  out: Collected,
  errors: UnreadableInput[],
): Promise<void> {
  let root: string;
  try {
    root = await realpath(dir);
  } catch {
    throw unreadableInput(dir, 'cannot resolve the assembly folder');
  }
  await readAssembly(dir, root, { root, seen: new Set(), readDocument, options, out, errors }, 0);
}

async function readAssembly(dir: string, realDir: string, walk: Walk, depth: number): Promise<void> {
  walk.seen.add(realDir);
  const manifestPath = join(dir, 'manifest.json');
  await staysInside(walk, manifestPath, manifestPath, 'is');
  const manifest = await readReached(walk, manifestPath);
  if (detectInput(manifest.value) !== 'cdk-manifest') {
    throw unreadableInput(manifestPath, 'not a CDK cloud assembly manifest (no artifacts)');
  }
  const artifacts = ownRecord(manifest.value, 'artifacts') ?? {};
  for (const [artifactId, artifact] of Object.entries(artifacts)) {
    const type = ownString(artifact, 'type');
    const properties = ownRecord(artifact, 'properties');
    try {
      if (type === 'aws:cloudformation:stack') {
        await readStack(dir, artifactId, artifact, walk);
      } else if (type === 'cdk:cloud-assembly') {
        if (depth >= MAX_NESTING) {
          throw unreadableInput(
            manifestPath,
            `artifact ${artifactId} is an assembly nested deeper than ${MAX_NESTING} levels (the nesting limit); not read`,
          );
        }
        const file = ownString(properties, 'directoryName');
        const nested = inside(dir, file, manifestPath, artifactId);
        const real = await staysInside(walk, nested, manifestPath, named(artifactId, file));
        if (walk.seen.has(real)) {
          throw unreadableInput(
            manifestPath,
            `${named(artifactId, file)} an assembly already read (a loop); not read again`,
          );
        }
        await readAssembly(nested, real, walk, depth + 1);
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      walk.errors.push(e.toUnreadableInput());
    }
  }
}

async function readStack(dir: string, artifactId: string, artifact: unknown, walk: Walk): Promise<void> {
  const properties = ownRecord(artifact, 'properties');
  const manifestPath = join(dir, 'manifest.json');
  const file = ownString(properties, 'templateFile');
  const templatePath = inside(dir, file, manifestPath, artifactId);
  await staysInside(walk, templatePath, manifestPath, named(artifactId, file));
  const doc = await readReached(walk, templatePath);
  if (detectInput(doc.value) !== 'cloudformation') {
    throw unreadableInput(doc.source, `template of stack ${artifactId} is not a CloudFormation template`);
  }
  const env = ENVIRONMENT.exec(ownString(artifact, 'environment') ?? '');
  const account = env?.[1] && env[1] !== 'unknown-account' ? env[1] : walk.options.accountId;
  const region = env?.[2] && env[2] !== 'unknown-region' ? env[2] : walk.options.region;
  const stackName = ownString(properties, 'stackName') ?? artifactId;
  const constructs = constructIndex(doc.value, await stackMetadata(dir, artifact, walk));
  const options: TemplateOptions = {
    format: 'cdk',
    parameters: walk.options.parameters,
    stackName,
    idPrefix: stackName,
    ...(region !== undefined ? { region } : {}),
    ...(account !== undefined ? { accountId: account } : {}),
  };
  readTemplate(withConstructs(doc, constructs), options, walk.out);
  // NestedStack templates (aws:asset:path) are files of the same assembly, and must stay in it
  await readNestedStacks(doc, options, {
    read: async (path) => {
      await staysInside(walk, path, manifestPath, `nested stack template ${path}`);
      return readReached(walk, path);
    },
    out: walk.out,
    errors: walk.errors,
    unreadable: (path, e) =>
      (e instanceof InputError ? e : unreadableInput(path, String(e))).toUnreadableInput(),
    seen: new Set([templatePath]),
  });
}

/**
 * The stack's construct metadata: inline in the artifact (`metadata`), and in the side file that
 * current aws-cdk-lib writes instead (`additionalMetadataFile`, `Stack.metadata.json`). It only
 * adds source locations to findings, so a side file that cannot be read (or leads outside the
 * assembly, which is refused without opening it) leaves them out, never the verdict.
 */
async function stackMetadata(dir: string, artifact: unknown, walk: Walk): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  const inline = ownRecord(artifact, 'metadata');
  if (inline) found.push(inline);
  const file = ownString(artifact, 'additionalMetadataFile');
  if (file === undefined) return found;
  const manifestPath = join(dir, 'manifest.json');
  try {
    const path = inside(dir, file, manifestPath, 'metadata');
    await staysInside(walk, path, manifestPath, named('metadata', file));
    const doc = await readReached(walk, path);
    if (isRecord(doc.value)) found.push(doc.value);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
  }
  return found;
}

/** What the assembly says of one resource: its construct path and where the app created it. */
interface ConstructInfo {
  readonly path: string;
  readonly origin?: CodeOrigin;
}

/**
 * Logical id → construct path (the template's `aws:cdk:path`, else the metadata key of its
 * `aws:cdk:logicalId` entry) and the app's source line: the first frame outside libraries of the
 * `trace` of its `aws:cdk:logicalId` entry (stack traces enabled: `cdk synth --debug`,
 * `CDK_DEBUG=true`), else of the `aws:cdk:creationStack` of the construct or its nearest parent
 * (current aws-cdk-lib).
 */
function constructIndex(
  template: unknown,
  metadata: readonly Record<string, unknown>[],
): Map<string, ConstructInfo> {
  const byLogicalId = new Map<string, { path: string; trace?: unknown }>();
  const creationStacks = new Map<string, unknown>();
  let entries = 0;
  for (const m of metadata) {
    for (const [path, list] of Object.entries(m)) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        if (++entries > MAX_METADATA_ENTRIES) break;
        const type = ownString(entry, 'type');
        const data = own(entry, 'data');
        if (type === 'aws:cdk:logicalId' && typeof data === 'string' && !byLogicalId.has(data)) {
          byLogicalId.set(data, { path: path.replace(/^\//, ''), trace: own(entry, 'trace') });
        } else if (type === 'aws:cdk:creationStack' && !creationStacks.has(path.replace(/^\//, ''))) {
          creationStacks.set(path.replace(/^\//, ''), data);
        }
      }
    }
  }
  const constructs = new Map<string, ConstructInfo>();
  const resources = ownRecord(template, 'Resources') ?? {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    const recorded = byLogicalId.get(logicalId);
    const path = ownString(ownRecord(resource, 'Metadata'), 'aws:cdk:path') ?? recorded?.path;
    if (path === undefined) continue;
    let origin = appFrame(recorded?.trace);
    // the creation stack of the construct, else of the construct that made it (`Site/Distribution` for `…/Resource`)
    let p = recorded?.path ?? path;
    for (let up = 0; origin === undefined && p !== '' && up < MAX_PARENTS; up++) {
      origin = appFrame(creationStacks.get(p));
      p = p.slice(0, Math.max(0, p.lastIndexOf('/')));
    }
    constructs.set(logicalId, origin ? { path, origin } : { path });
  }
  return constructs;
}

/** Construct levels looked up for a creation stack (the resource, its L2 construct, a few more). */
const MAX_PARENTS = 8;
/** Metadata entries read per stack: real stacks have a few per resource. */
const MAX_METADATA_ENTRIES = 100_000;
/** Frames looked at per trace, and the longest frame read. */
const MAX_FRAMES = 64;
const MAX_FRAME_LENGTH = 4096;
/** Library and runtime code: the app's line is the first frame outside these. */
const LIBRARY = /[\\/]node_modules[\\/]|^node:|^internal[\\/]|^<anonymous>$|^native$/;

/** The first frame of a stack trace (an array of V8 frame strings) in the app's own code. */
function appFrame(trace: unknown): CodeOrigin | undefined {
  if (!Array.isArray(trace)) return undefined;
  for (const frame of trace.slice(0, MAX_FRAMES)) {
    if (typeof frame !== 'string' || frame.length > MAX_FRAME_LENGTH) continue;
    const place = framePlace(frame);
    if (!place) continue;
    const file = place.file.startsWith('file://') ? decodeFileUrl(place.file) : place.file;
    if (file === '' || LIBRARY.test(file)) continue;
    return { source: shownPath(file), line: place.line, column: place.column };
  }
  return undefined;
}

/**
 * An app file as a person runs certgate on it: relative to the working folder when the synth ran
 * under it (`lib/site-stack.ts:41:25`, what an editor and a CI annotation open), else as recorded
 * (the assembly was made elsewhere, a CI runner or another checkout).
 */
function shownPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(process.cwd(), file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/**
 * The place a V8 frame names: `at fn (FILE:LINE:COL)` or `at FILE:LINE:COL` (with or without
 * the `at`), read from the end without backtracking; undefined for anything else.
 */
function framePlace(frame: string): { file: string; line: number; column: number } | undefined {
  let text = frame.trimEnd();
  const inParens = text.endsWith(')');
  if (inParens) text = text.slice(0, -1);
  const c = text.lastIndexOf(':');
  const l = text.lastIndexOf(':', c - 1);
  if (l <= 0) return undefined;
  const line = text.slice(l + 1, c);
  const column = text.slice(c + 1);
  if (!/^\d{1,9}$/.test(line) || !/^\d{1,9}$/.test(column)) return undefined;
  const start = inParens
    ? text.lastIndexOf('(', l) + 1
    : Math.max(text.lastIndexOf(' ', l), text.lastIndexOf('\t', l)) + 1;
  if (inParens && start === 0) return undefined;
  return { file: text.slice(start, l), line: Number(line), column: Number(column) };
}

function decodeFileUrl(url: string): string {
  try {
    return fileURLToPath(url);
  } catch {
    return url.slice('file://'.length);
  }
}

/** The template as its readers see it, with every resource's Locators naming its construct and app line. */
function withConstructs(doc: SourceDocument, constructs: ReadonlyMap<string, ConstructInfo>): SourceDocument {
  if (constructs.size === 0) return doc;
  const wrapped: SourceDocument = Object.create(doc);
  Object.defineProperty(wrapped, 'locator', {
    value: (path: JsonPath): Locator => {
      const base = doc.locator(path);
      const info =
        path[0] === 'Resources' && typeof path[1] === 'string' ? constructs.get(path[1]) : undefined;
      if (!info) return base;
      return resourceLocator(base, info.path, info.origin ? () => info.origin : undefined);
    },
  });
  return wrapped;
}

/** How a manifest entry is named in errors: `artifact Web names Web.template.json, which is`. */
const named = (artifactId: string, file: string | undefined) =>
  `artifact ${artifactId} names ${displayName(file ?? '')}, which is`;

/** A file named by the manifest, which must stay inside the assembly folder (as written). */
function inside(dir: string, file: string | undefined, manifest: string, artifactId: string): string {
  if (file === undefined) throw unreadableInput(manifest, `artifact ${artifactId} names no file`);
  const path = join(dir, file);
  const rel = relative(dir, path);
  if (isAbsolute(file) || rel.startsWith('..') || isAbsolute(rel)) {
    throw unreadableInput(
      manifest,
      `artifact ${artifactId} names ${displayName(file)}, outside the assembly folder`,
    );
  }
  return path;
}

/**
 * The real path of `path`, which must be inside the assembly folder once every symbolic link is
 * followed: the check on the path as written cannot see a link. A path that does not resolve
 * (a missing file) is returned as is; reading it then says why.
 *
 * @throws InputError from `source` naming the entry (`what`) when the real path leaves the folder
 */
async function staysInside(walk: Walk, path: string, source: string, what: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return path;
  }
  if (real !== walk.root && !real.startsWith(walk.root.endsWith(sep) ? walk.root : walk.root + sep)) {
    throw unreadableInput(source, `${what} a symbolic link that leads outside the assembly folder; not read`);
  }
  return real;
}

/** Reasons that say nothing of a file's content (sizes, permissions, kinds of data): kept as they are. */
const CONTENT_FREE =
  /^(no such file|permission denied|is a directory|a part of the path|too many symbolic|path is too long|cannot read \(|larger than |empty input|holds |nesting deeper than )/;

/**
 * Reads a file the manifests name. Its parse errors give the file and the position, never a
 * token of it: the user named the assembly, not this file, and a hard link can make it any file
 * on the machine.
 */
async function readReached(walk: Walk, path: string): Promise<SourceDocument> {
  try {
    return await walk.readDocument(path);
  } catch (e) {
    if (!(e instanceof InputError) || CONTENT_FREE.test(e.reason)) throw e;
    throw new InputError(e.source, 'does not parse as JSON or YAML (its content is not quoted)', e.position);
  }
}
