/**
 * certgate as a library: the same work as the command line, as typed functions. Everything here
 * is a re-export; each symbol carries its own TSDoc where it is defined.
 *
 * - X.509: `readCertificates` (PEM, DER, PKCS#7) and `decodeCertificate` → a frozen `Certificate`.
 * - Names: `matchHostname` (RFC 6125 / RFC 9525 web-PKI matching), `buildSanIndex` (CloudFront
 *   alias coverage), `parseReferenceName`, `parseIpAddress`.
 * - Inspect: `inspectCertificates` → one `Result` per certificate with its findings.
 * - Verify: `verify` → RFC 5280 path validation and the RFC 6125 name check of a chain, with
 *   findings, the steps of the verification flow, and what TLS clients say for each failure.
 * - Explain: `explain` → each CloudFront or TLS client error in a pasted text, with the likely
 *   causes in order, the check that tells them apart and the command that runs it.
 * - Probe: `probe` → TLS handshakes with SNI to many endpoints at once; the served chain as sent,
 *   protocol, cipher, ALPN, OCSP stapling, verified with `verify`, compared with `--expect`,
 *   checked against a CloudFront security policy; the network behind the `Prober` interface.
 * - Check: `check` → CloudFront's predicted verdict per distribution, in decision order.
 * - Expiry: `expiry` → every certificate of files and folders, dated by the chain clients build,
 *   judged against lifetime-aware thresholds; `formatExpiryPrometheus` for the textfile collector.
 * - Findings: `createFinding`, the `CATALOG` of codes, `InputError` for unreadable input.
 * - Reports: `buildReport`, `formatJson`, `formatText`, `formatSarif`, `formatJunit`,
 *   `formatCheckText`, `computeExitCode`, `describeFinding`.
 *
 * The exports are grouped as the code is layered, from the ground up.
 *
 * @packageDocumentation
 */

// biome-ignore-all assist/source/organizeImports: the exports are grouped as the code is layered, not by path

/** Findings, locators, results and outcomes. */
export type { Outcome } from './types.js';
export type { CodeOrigin, FindingArgs, Locator, Severity, Suppression } from './findings/types.js';
export { type CatalogEntry, SEVERITIES } from './findings/types.js';
/** The finding-code catalog, and how to make a finding. */
export { CATALOG, docsPath, FINDING_CODES, type FindingCode } from './findings/catalog.js';
export type { Finding, Result, Subject, Verdict } from './findings/finding.js';
export { createFinding } from './findings/finding.js';
/** An input that could not be read: the error readers throw, and the entry results list. */
export { InputError, type InputPosition, type UnreadableInput } from './findings/input-error.js';
export { shortLabel } from './findings/labels.js';
/** The finding code of each PathError kind. */
export { ERROR_CODES, errorKindOf } from './findings/path-codes.js';
/** A team's policy on findings: severity overrides, ignores, a baseline; suppressed findings stay, marked. */
export {
  applyPolicy,
  type BaselineRule,
  type FindingPolicy,
  type IgnoreRule,
  type PolicyOutcome,
  type SubjectIgnore,
} from './findings/suppress.js';

/** DNS names, IP addresses, hostname matching and CloudFront alias coverage. */
export * from './names/index.js';
/** Decoding certificates and chains into the frozen certificate model. */
export * from './x509/index.js';
/** Putting one file's certificates in leaf-first order. */
export { type OrderedCertificates, orderLeafFirst } from './x509/chain-order.js';
/** How path validation fails (the engine's error union) and the policy and purpose names. */
export type { PathError, PathErrorKind } from './pki/errors.js';
export type { PolicyName, Purpose } from './pki/types.js';
/** What OpenSSL, Node.js, curl, browsers, Java and Go print for each verification failure. */
export {
  CLIENT_ERRORS,
  type ClientErrorKey,
  type ClientErrors,
  type ClientErrorVars,
  type NodeError,
  type OpensslError,
  renderClientErrors,
} from './clients/client-errors.js';
export { clientErrorKeyFor, clientErrorsForFinding } from './clients/client-errors-for-finding.js';
/** The CloudFront model every source produces and every gate rule reads. */
export type * from './cloudfront/model.js';
export { isUnresolved } from './cloudfront/model.js';

/** Reading gate inputs: every distribution and piece of certificate evidence. */
export { type LoadResult, loadGateInputs } from './sources/load.js';
export type { GateInputs, LoadOptions } from './sources/types.js';
/** The shape every rule has: id, code, severity, check. */
export type { Rule, RuleOutput, RuleReporter, RuleSpec } from './rules/rule.js';
/** The certificate rules `inspect` runs, and how to run them on one certificate. */
export {
  CERT_RULES,
  type CertificateUnderCheck,
  type CertRole,
  type CertRule,
  type CertRuleContext,
  checkCertificate,
} from './rules/cert/index.js';
/** Words for findings. */
export { describeFinding, type FindingText } from './report/messages.js';
/** The report contract and its formatters. */
export {
  buildReport,
  type Report,
  type ReportFinding,
  type ReportResult,
  toReportFinding,
} from './report/report.js';
export { formatLocation, formatText, type TextOptions } from './report/text.js';
export { formatJson } from './report/json.js';
/** SARIF 2.1.0 for GitHub code scanning: rules, results with file, line and column. */
export { artifactUri, formatSarif, SARIF_SCHEMA, type SarifOptions, toSarif } from './report/sarif.js';
/** JUnit XML for CI test reports: one test case per result, a failure per failing result. */
export { formatJunit, type JunitOptions } from './report/junit.js';
export { type Colors, createColors, shouldColor } from './report/colors.js';
/** The exit code every command shares (0 pass, 1 findings, 2 bad input, 3 operational). */
export {
  computeExitCode,
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_OPERATIONAL,
  EXIT_USAGE,
  FAIL_ON_VALUES,
  type FailOn,
  type RunOutcome,
} from './report/exit-code.js';

/** Decode, order leaf first and check every certificate of one input; its JSON view. */
export { type InspectOptions, inspectCertificates } from './inspect/inspect.js';
export { type CertificateView, viewCertificate } from './inspect/view.js';
/** Verify a chain: path validation, name check, findings and steps. */
export {
  type CertificateInput,
  type CertificateInputs,
  type CertificateOrigin,
  type VerifyOptions,
  type VerifyResult,
  verify,
} from './verify/verify.js';
/** The usage error `verify` throws for a bad host, ip or empty chain. */
export { VerifyUsageError, type VerifyUsageOption } from './verify/errors.js';
/** The verification flow as steps. */
export {
  deriveSteps,
  failedStep,
  STEP_OF_KIND,
  type StepInput,
  type VerifyStep,
  type VerifyStepName,
  type VerifyStepStatus,
} from './verify/steps.js';
/** Trust anchors: Node's bundled Mozilla roots, replaced or extended. */
export {
  type AnchorOrigin,
  describeTrustStore,
  mozillaRoots,
  resolveTrustAnchors,
  type TrustAnchors,
} from './verify/trust-anchors.js';
/** The JSON details and the text flow of `certgate verify`. */
export {
  type VerifyDetails,
  type VerifyPathEntry,
  type VerifyViewOptions,
  viewVerifyResult,
} from './verify/view.js';
export { formatVerifyText, renderFlow } from './verify/text.js';
/** Explain a CloudFront or TLS error message: likely causes in order, checks and commands. */
export {
  type Cause,
  type CauseEvidence,
  type ExplainClient,
  type ExplainMatch,
  type ExplainSource,
  type ExplainTextOptions,
  type ExplainWrapper,
  type Explanation,
  type Extracted,
  explain,
  formatExplanationText,
  KNOWN_MESSAGES,
  MAX_EXPLAIN_INPUT,
} from './explain/index.js';

/** The CloudFront gate: read inputs, run every rule, one result per distribution. */
export { type CheckOptions, type CheckPolicy, check } from './check/check.js';
/** Live mode (`check({ aws })`): how the session is set up, and an AWS call that failed (a value, never a throw). */
export type { AwsFailure, AwsFailureKind, AwsOptions } from './aws/types.js';
/** `.certgate.yaml` checked against its schema (`readConfig`), its ignores as rules, and baseline files. */
export { type CertgateConfig, type ConfigIgnore, ignoreRules, readConfig } from './config/config.js';
export { ConfigError } from './config/parse.js';
export { type BaselineEntry, baselineEntries, formatBaseline, parseBaseline } from './config/baseline.js';
export { runGate } from './check/run-gate.js';
export type { GateOptions, GateResult } from './check/types.js';
/** A team's pins for its distributions (`profiles:` in .certgate.yaml), as `check` and `runGate` take them. */
export type { AliasCertificate, CertificateSource, Profile, ProfilePin } from './rules/profile/profile.js';
/** The text of `certgate check`: per distribution, findings with `file:line:column`. */
export { type CheckTextOptions, formatCheckText } from './check/text.js';
/** Two environments compared: distributions paired, viewer-certificate and alias settings diffed. */
export { type DiffOptions, type DiffResult, diffEnvironments, type PairDetails } from './diff/diff.js';
export { formatDiffText } from './diff/text.js';
/** Expiry tracking: every certificate of files and folders, dated by its chain, against lifetime-aware thresholds. */
export { expiry } from './expiry/expiry.js';
export type { ExpiryDetails, ExpiryOptions, ExpiryPlace, ExpiryResult, FilePlace } from './expiry/types.js';
export {
  type Level,
  parseThreshold,
  type Standing,
  standingOf,
  type Threshold,
  type Thresholds,
} from './expiry/thresholds.js';
export { formatExpiryText } from './expiry/text.js';
export { formatExpiryPrometheus } from './expiry/prometheus.js';
/** Probe live endpoints: handshakes with SNI, the served chain verified, failures as findings. */
export {
  DEFAULT_CONCURRENCY,
  DEFAULT_TIMEOUT_MS,
  MAX_ADAPTIVE_CONCURRENCY,
  endpointText,
  type HandshakeFailure,
  type HandshakeFailureKind,
  type HandshakeOutcome,
  type HandshakeRequest,
  type HandshakeSuccess,
  isUnanswered,
  nodeProber,
  type PolicyProbe,
  type ProbeDetails,
  type ProbeExpectation,
  type ProbeOptions,
  type ProbeResult,
  type Prober,
  type ProbeTarget,
  type ProbeTimings,
  ProbeUsageError,
  type ProbeUsageOption,
  parseResolve,
  parseTarget,
  parseTargetsText,
  probe,
  probeExitCode,
  type ResolvedAddress,
  type ResolveEntry,
  type ServedCertificate,
  type TlsVersion,
} from './probe/index.js';
export { type FromOptions, targetsFromDistributions } from './probe/from.js';
export { formatProbeText, type ProbeTextOptions } from './probe/text.js';
