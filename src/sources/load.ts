/**
 * The gate's input loader: every INPUT and `--cert` value → distributions, certificate evidence
 * and source findings. Formats are told apart by content. An input that cannot be read becomes a
 * InputError (one line, naming the file and position) and the other inputs are still read.
 */

import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CertificateEvidence } from '../cloudfront/model.js';
import { isUnresolved } from '../cloudfront/model.js';
import { createFinding } from '../findings/finding.js';
import { InputError, type UnreadableInput } from '../findings/input-error.js';
import { X509DecodeError } from '../x509/errors.js';
import { readCertificates } from '../x509/read.js';
import { readAcmOutput } from './acm.js';
import { readCloudFrontOutput } from './aws-cli.js';
import { readTenantOutput } from './aws-cli-tenants.js';
import { readCloudAssembly } from './cdk.js';
import { type CertArgument, parseCertArgument } from './cert-args.js';
import { readTemplate, type TemplateOptions } from './cloudformation.js';
import { detectInput, EVIDENCE_KINDS, type InputKind, UNKNOWN_INPUT } from './detect.js';
import { displayName, type SourceDocument, unreadableInput } from './document.js';
import { describeEmptyInput, type EmptyInput } from './empty-input.js';
import { type Collected, collected } from './fields.js';
import { MAX_GATE_INPUT_BYTES, readInput } from './input-file.js';
import { readNestedStacks } from './nested-load.js';
import { parseSourceText } from './parse.js';
import { chainEvidence, readIamServerCertificate } from './pem-evidence.js';
import { ReadAhead } from './read-ahead.js';
import { readTerraformPlan } from './terraform.js';
import type { GateInputs, LoadOptions } from './types.js';

/** What `loadGateInputs` returns: everything read, and what could not be. */
export interface LoadResult {
  readonly inputs: GateInputs;
  readonly errors: UnreadableInput[];
  /** The inputs that were read and gave no distribution or tenant, with what they were read as. */
  readonly empty: EmptyInput[];
}

type Stdin = AsyncIterable<Uint8Array>;

/**
 * Reads the gate's inputs: distribution configs (`files`: AWS CLI JSON, CloudFormation JSON/YAML,
 * Terraform plan JSON, CDK `cdk.out` folders; `-` is standard input) and certificate evidence
 * (`options.certs`). Never throws for bad input: each unreadable input is one InputError.
 *
 * @example
 * ```ts
 * const { inputs, errors } = await loadGateInputs(['template.yaml'], { certs: ['acm.json'], parameters: {}, region: 'us-east-1' });
 * ```
 */
export async function loadGateInputs(
  files: readonly string[],
  options: LoadOptions,
  stdin: Stdin = process.stdin,
): Promise<LoadResult> {
  const out = collected();
  const errors: UnreadableInput[] = [];
  const empty: EmptyInput[] = [];
  const described = new Set<string>();
  const ahead = new ReadAhead((path, what) => readInput(path, stdin, MAX_GATE_INPUT_BYTES, what));
  ahead.start(files[0], GATE_INPUT);
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    // the next input (or the first certificate file) is read while this one is parsed
    if (i + 1 < files.length) ahead.start(files[i + 1], GATE_INPUT);
    else startCertificate(ahead, options.certs[0]);
    const before = out.distributions.length;
    try {
      const read = await loadInput(file, options, stdin, out, errors, ahead);
      // an input that gave nothing to check is said so, from the documents just read
      if (out.distributions.length === before && !described.has(file)) {
        const e = describeEmptyInput(file, read.docs, read.assembly);
        if (e) empty.push(e);
      }
    } catch (e) {
      errors.push(toInputError(file, e).toUnreadableInput());
    }
    described.add(file);
  }
  if (files.length === 0) startCertificate(ahead, options.certs[0]);
  await loadCertificates(options.certs, out, errors, ahead);
  out.findings.push(...unmatchedEvidence(out));
  return {
    inputs: {
      distributions: out.distributions,
      evidence: out.evidence,
      sourceFindings: out.findings,
      ...(out.ignores.length > 0 ? { ignores: out.ignores } : {}),
    },
    errors,
    empty,
  };
}

const GATE_INPUT = 'a gate input';
const CERTIFICATE_INPUT = 'a certificate input';

/** Reads and parses one file (or stdin) as JSON or YAML; through `ahead` when it may have been read already. */
async function readDocument(path: string, stdin: Stdin, ahead?: ReadAhead): Promise<SourceDocument> {
  const bytes = ahead
    ? await ahead.take(path, GATE_INPUT)
    : await readInput(path, stdin, MAX_GATE_INPUT_BYTES, GATE_INPUT);
  return parseSourceText(path, bytes);
}

/** Starts reading a `--cert FILE` ahead; an `ARN=FILE` binding is a small chain, read when met. */
function startCertificate(ahead: ReadAhead, raw: string | undefined): void {
  if (raw !== undefined && !raw.includes('=')) ahead.start(raw, CERTIFICATE_INPUT);
}

async function isDirectory(path: string): Promise<boolean> {
  return path !== '-' && (await stat(path).catch(() => undefined))?.isDirectory() === true;
}

/** Reads one INPUT into `out`; gives the documents it read (the file, or an assembly's templates). */
async function loadInput(
  file: string,
  options: LoadOptions,
  stdin: Stdin,
  out: Collected,
  errors: UnreadableInput[],
  ahead: ReadAhead,
): Promise<{ docs: SourceDocument[]; assembly: boolean }> {
  const assembly = {
    parameters: options.parameters,
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.accountId !== undefined ? { accountId: options.accountId } : {}),
  };
  if (await isDirectory(file)) {
    if (!(await stat(join(file, 'manifest.json')).catch(() => undefined))) {
      throw unreadableInput(
        file,
        'is a directory without manifest.json (expected a CDK cloud assembly such as cdk.out)',
      );
    }
    return { docs: await readAssemblyKeepingDocs(file, assembly, stdin, out, errors), assembly: true };
  }
  const doc = await readDocument(file, stdin, ahead);
  const kind = detectInput(doc.value);
  if (kind === undefined) throw unreadableInput(file, UNKNOWN_INPUT);
  if (kind !== 'cloudformation') refuseDuplicateYamlKeys(doc);
  if (kind === 'cdk-manifest') {
    if (file === '-')
      throw unreadableInput(file, 'a CDK manifest must be read from its cdk.out folder, not standard input');
    return {
      docs: await readAssemblyKeepingDocs(dirname(file), assembly, stdin, out, errors),
      assembly: true,
    };
  }
  readDistributions(doc, kind, options, out);
  if (kind === 'cloudformation') {
    await readNestedStacks(doc, templateOptions(options), {
      read: (p) => readDocument(p, stdin),
      out,
      errors,
      unreadable: (f, e) => toInputError(f, e).toUnreadableInput(),
      seen: new Set(file === '-' ? [] : [resolve(file)]),
    });
  }
  return { docs: [doc], assembly: false };
}

/** Reads a CDK assembly, keeping the documents it reads (what an empty one is described from). */
async function readAssemblyKeepingDocs(
  dir: string,
  assembly: Parameters<typeof readCloudAssembly>[1],
  stdin: Stdin,
  out: Collected,
  errors: UnreadableInput[],
): Promise<SourceDocument[]> {
  const docs: SourceDocument[] = [];
  const read = async (p: string) => {
    const doc = await readDocument(p, stdin);
    docs.push(doc);
    return doc;
  };
  await readCloudAssembly(dir, assembly, read, out, errors);
  return docs;
}

/** How a template given on the command line is read. */
function templateOptions(options: LoadOptions): TemplateOptions {
  return {
    format: 'cloudformation',
    parameters: options.parameters,
    ...(options.region ? { region: options.region } : {}),
    ...(options.accountId ? { accountId: options.accountId } : {}),
  };
}

/**
 * A repeated YAML key outside a template stays unreadable: only CloudFormation defines what a
 * repeat means (the last wins, and the template reader warns of it).
 */
function refuseDuplicateYamlKeys(doc: SourceDocument): void {
  if (doc.syntax !== 'yaml') return;
  const dup = doc.duplicateKeys?.().first[0];
  if (dup) throw unreadableInput(doc.source, 'duplicate mapping key', dup);
}

function readDistributions(doc: SourceDocument, kind: InputKind, options: LoadOptions, out: Collected): void {
  switch (kind) {
    case 'cloudformation':
      readTemplate(doc, templateOptions(options), out);
      return;
    case 'terraform':
      readTerraformPlan(doc, out, options.tfDir !== undefined ? { tfDir: options.tfDir } : {});
      return;
    case 'acm-describe':
    case 'acm-describe-array':
    case 'acm-list':
      readAcmOutput(doc, kind, out);
      return;
    case 'iam-server-certificate':
      readIamServerCertificate(doc, out);
      return;
    case 'cloudfront-tenant':
    case 'cloudfront-tenant-list':
    case 'cloudfront-tenant-request':
      readTenantOutput(doc, kind, out);
      return;
    default:
      readCloudFrontOutput(doc, kind, out);
  }
}

/** A chain given as a bare `--cert FILE`, bound once all distributions are known. */
interface PendingChain {
  readonly file: string;
  readonly chain: ReturnType<typeof readCertificates>;
}

async function loadCertificates(
  certs: readonly string[],
  out: Collected,
  errors: UnreadableInput[],
  ahead: ReadAhead,
) {
  const pending: PendingChain[] = [];
  const exists = async (p: string) => (await stat(p).catch(() => undefined)) !== undefined;
  for (let i = 0; i < certs.length; i++) {
    const raw = certs[i]!;
    startCertificate(ahead, certs[i + 1]);
    let arg: CertArgument | undefined;
    try {
      arg = await parseCertArgument(raw, exists);
      const bytes = await ahead.take(arg.file, CERTIFICATE_INPUT);
      if (looksLikeJson(bytes)) {
        if (arg.key !== undefined) {
          throw unreadableInput(
            arg.file,
            `--cert ${arg.key}=FILE expects a PEM/DER chain; pass ACM or IAM JSON as --cert FILE`,
          );
        }
        loadEvidenceDocument(await parseSourceText(arg.file, bytes), out);
        continue;
      }
      const chain = readCertificates(bytes, { source: arg.file });
      noteSkippedKeys(arg.file, chain.privateKeysSkipped, out);
      if (arg.key === undefined) pending.push({ file: arg.file, chain });
      else
        out.evidence.push(
          chainEvidence(arg.key, chain.certificates, arg.file, { source: arg.file, certIndex: 0 }),
        );
    } catch (e) {
      errors.push(toInputError(arg?.file ?? raw, e).toUnreadableInput());
    }
  }
  if (pending.length > 0) bindBareChains(pending, out, errors);
}

function loadEvidenceDocument(doc: SourceDocument, out: Collected): void {
  const kind = detectInput(doc.value);
  if (kind === undefined || !EVIDENCE_KINDS.has(kind)) {
    throw unreadableInput(
      doc.source,
      'not certificate evidence (expected aws acm describe-certificate or list-certificates JSON, aws iam get-server-certificate JSON, or a PEM/DER chain)',
    );
  }
  readDistributions(doc, kind, { certs: [], parameters: {} }, out);
}

function looksLikeJson(bytes: Uint8Array): boolean {
  for (const b of bytes.subarray(0, 4096)) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0xef || b === 0xbb || b === 0xbf)
      continue;
    return b === 0x7b || b === 0x5b; // { [
  }
  return false;
}

function noteSkippedKeys(file: string, count: number, out: Collected): void {
  if (count === 0) return;
  const finding = createFinding(
    'INPUT_PRIVATE_KEY_SKIPPED',
    { source: file },
    { source: displayName(file), count },
  );
  out.findings.push({ finding });
}

/** The ARNs and IAM ids the distributions name (resolved values only). */
function certificateReferences(out: Collected): Set<string> {
  const refs = new Set<string>();
  for (const d of out.distributions) {
    for (const f of [d.viewerCertificate?.acmCertificateArn, d.viewerCertificate?.iamCertificateId]) {
      if (f && !isUnresolved(f.value) && f.value !== '') refs.add(f.value);
    }
  }
  return refs;
}

/** A bare chain file is bound to the one certificate the distributions name, or refused. */
function bindBareChains(pending: readonly PendingChain[], out: Collected, errors: UnreadableInput[]): void {
  const refs = [...certificateReferences(out)];
  for (const { file, chain } of pending) {
    if (refs.length === 1) {
      out.evidence.push(chainEvidence(refs[0]!, chain.certificates, file, { source: file, certIndex: 0 }));
      continue;
    }
    const why =
      refs.length === 0
        ? 'no distribution names a certificate'
        : `the distributions name ${refs.length} certificates`;
    errors.push(
      unreadableInput(
        file,
        `bind the chain to a certificate with --cert ARN=FILE (${why})`,
      ).toUnreadableInput(),
    );
  }
}

/** INPUT_EVIDENCE_UNMATCHED for evidence given on its own (not a template's resource) that no distribution names. */
function unmatchedEvidence(out: Collected): Collected['findings'] {
  const refs = certificateReferences(out);
  for (const d of out.distributions) if (d.certificateResource) refs.add(d.certificateResource);
  return out.evidence
    .filter(
      (e: CertificateEvidence) => e.kind !== 'cfn-resource' && e.kind !== 'tf-resource' && !refs.has(e.key),
    )
    .map((e) => ({
      finding: createFinding('INPUT_EVIDENCE_UNMATCHED', e.location, {
        key: e.key,
        source: displayName(e.source),
      }),
    }));
}

/** Any failure while reading one input → one InputError line naming it. */
function toInputError(file: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  if (e instanceof X509DecodeError) return unreadableInput(file, e.message);
  if (e instanceof RangeError && /call stack/i.test(e.message))
    return unreadableInput(file, 'input nests too deeply');
  const detail = e instanceof Error ? e.message : String(e);
  return unreadableInput(file, `internal error while reading the input (please report it): ${detail}`);
}
