// Types for limbo-runner.mjs (plain ESM so the harness can load it without a build).

/** The fields of an x509-limbo testcase the runner reads (limbo-schema.json `Testcase`). */
export interface LimboTestcase {
  readonly id: string;
  readonly expected_result: 'SUCCESS' | 'FAILURE';
  readonly validation_kind: 'SERVER' | 'CLIENT';
  readonly trusted_certs: readonly string[];
  readonly untrusted_intermediates: readonly string[];
  readonly peer_certificate: string;
  readonly validation_time?: string | null;
  readonly extended_key_usage?: readonly string[];
  readonly key_usage?: readonly string[];
  readonly expected_peer_name?: { readonly kind: 'DNS' | 'IP' | 'RFC822'; readonly value: string } | null;
  readonly expected_peer_names?: readonly { readonly kind: string; readonly value: string }[];
  readonly max_chain_depth?: number | null;
  readonly crls?: readonly string[];
}

/** One entry of a LimboResult. */
export interface LimboCaseResult {
  readonly id: string;
  readonly actual_result: 'SUCCESS' | 'FAILURE' | 'SKIPPED';
  readonly context: string;
}

/** The engine functions the runner needs (from src/ in tests, dist/ in the harness). */
export interface LimboEngine {
  readonly verifyChain: typeof import('../src/pki/index.js').verifyChain;
  readonly readCertificates: typeof import('../src/x509/index.js').readCertificates;
  readonly readPemBlocks: typeof import('../src/x509/index.js').readPemBlocks;
  readonly parseIpAddress: typeof import('../src/names/index.js').parseIpAddress;
  readonly parseReferenceName: typeof import('../src/names/index.js').parseReferenceName;
}

/** The policies a run can use. */
export const POLICY_NAMES: readonly ['client', 'cabf', 'rfc5280'];

/** A case's user-initial settings, as the PKITS settings file spells them. */
export interface CaseSettings {
  readonly initial_policy_set?: readonly string[];
  readonly initial_explicit_policy?: boolean;
  readonly initial_policy_mapping_inhibit?: boolean;
  readonly initial_inhibit_any_policy?: boolean;
}

/** How a run validates: one policy for every case (default `client`), and per-case settings. */
export interface LimboRun {
  readonly policy?: 'client' | 'cabf' | 'rfc5280';
  readonly settings?: Readonly<Record<string, { readonly settings?: CaseSettings }>>;
}

/** The engine's policy settings for a case's settings. */
export function policySettingsFor(settings?: CaseSettings): import('../src/pki/index.js').PolicySettings;
/** Describes a PathError in one line. */
export function describeError(error: import('../src/pki/index.js').PathError): string;
/** Runs one testcase. */
export function runLimboCase(engine: LimboEngine, testcase: LimboTestcase, run?: LimboRun): LimboCaseResult;
/** Runs a whole limbo document into a LimboResult. */
export function runLimbo(
  engine: LimboEngine,
  limbo: { readonly testcases: readonly LimboTestcase[] },
  harness: string,
  run?: LimboRun,
): { version: 1; harness: string; results: LimboCaseResult[] };
