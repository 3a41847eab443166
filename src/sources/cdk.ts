/**
 * A CDK cloud assembly (`cdk.out`): `manifest.json` lists the stacks; each
 * `aws:cloudformation:stack` artifact names its template and its environment
 * (`aws://ACCOUNT/REGION`), read as CloudFormation with distribution ids `StackName/LogicalId`.
 * Nested assemblies (CDK Stages) are followed.
 * https://github.com/aws/aws-cdk/tree/main/packages/aws-cdk-lib/cloud-assembly-schema
 */

import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { InputError, type UnreadableInput } from '../findings/input-error.js';
import { readTemplate } from './cloudformation.js';
import { detectInput } from './detect.js';
import { displayName, type SourceDocument, unreadableInput } from './document.js';
import { type Collected, ownRecord, ownString } from './fields.js';

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
  const account = env?.[1] && env[1] !== 'unknown-account' ? env[1] : undefined;
  const region = env?.[2] && env[2] !== 'unknown-region' ? env[2] : walk.options.region;
  const stackName = ownString(properties, 'stackName') ?? artifactId;
  readTemplate(
    doc,
    {
      format: 'cdk',
      parameters: walk.options.parameters,
      stackName,
      idPrefix: stackName,
      ...(region !== undefined ? { region } : {}),
      ...(account !== undefined ? { accountId: account } : {}),
    },
    walk.out,
  );
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
