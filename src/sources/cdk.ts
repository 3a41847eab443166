/**
 * A CDK cloud assembly (`cdk.out`): `manifest.json` lists the stacks; each
 * `aws:cloudformation:stack` artifact names its template and its environment
 * (`aws://ACCOUNT/REGION`), read as CloudFormation with distribution ids `StackName/LogicalId`.
 * Nested assemblies (CDK Stages) are followed.
 * https://github.com/aws/aws-cdk/tree/main/packages/aws-cdk-lib/cloud-assembly-schema
 */

import { isAbsolute, join, relative } from 'node:path';
import { InputError, type UnreadableInput } from '../findings/input-error.js';
import { readTemplate } from './cloudformation.js';
import { detectInput } from './detect.js';
import { displayName, type SourceDocument, unreadableInput } from './document.js';
import { type Collected, ownRecord, ownString } from './fields.js';

/** Nested assemblies are followed at most this deep. */
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

/**
 * Reads every stack of the assembly in `dir` into `out`. A stack whose template cannot be read
 * is reported in `errors` and the other stacks are still read.
 *
 * @throws InputError when the manifest itself cannot be read or is not a CDK manifest
 */
export async function readCloudAssembly(
  dir: string,
  options: AssemblyOptions,
  readDocument: ReadDocument,
  out: Collected,
  errors: UnreadableInput[],
  depth = 0,
): Promise<void> {
  const manifestPath = join(dir, 'manifest.json');
  const manifest = await readDocument(manifestPath);
  if (detectInput(manifest.value) !== 'cdk-manifest') {
    throw unreadableInput(manifestPath, 'not a CDK cloud assembly manifest (no artifacts)');
  }
  const artifacts = ownRecord(manifest.value, 'artifacts') ?? {};
  for (const [artifactId, artifact] of Object.entries(artifacts)) {
    const type = ownString(artifact, 'type');
    const properties = ownRecord(artifact, 'properties');
    try {
      if (type === 'aws:cloudformation:stack') {
        await readStack(dir, artifactId, artifact, options, readDocument, out);
      } else if (type === 'cdk:cloud-assembly' && depth < MAX_NESTING) {
        const nested = inside(dir, ownString(properties, 'directoryName'), manifestPath, artifactId);
        await readCloudAssembly(nested, options, readDocument, out, errors, depth + 1);
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      errors.push(e.toUnreadableInput());
    }
  }
}

async function readStack(
  dir: string,
  artifactId: string,
  artifact: unknown,
  options: AssemblyOptions,
  readDocument: ReadDocument,
  out: Collected,
): Promise<void> {
  const properties = ownRecord(artifact, 'properties');
  const templatePath = inside(
    dir,
    ownString(properties, 'templateFile'),
    join(dir, 'manifest.json'),
    artifactId,
  );
  const doc = await readDocument(templatePath);
  if (detectInput(doc.value) !== 'cloudformation') {
    throw unreadableInput(doc.source, `template of stack ${artifactId} is not a CloudFormation template`);
  }
  const env = ENVIRONMENT.exec(ownString(artifact, 'environment') ?? '');
  const account = env?.[1] && env[1] !== 'unknown-account' ? env[1] : undefined;
  const region = env?.[2] && env[2] !== 'unknown-region' ? env[2] : options.region;
  const stackName = ownString(properties, 'stackName') ?? artifactId;
  readTemplate(
    doc,
    {
      format: 'cdk',
      parameters: options.parameters,
      stackName,
      idPrefix: stackName,
      ...(region !== undefined ? { region } : {}),
      ...(account !== undefined ? { accountId: account } : {}),
    },
    out,
  );
}

/** A file named by the manifest, which must stay inside the assembly folder. */
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
