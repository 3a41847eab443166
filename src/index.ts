/**
 * certgate as a library: the same work as the command line, as typed functions. Everything here
 * is a re-export; each symbol carries its own TSDoc where it is defined.
 *
 * - X.509: `readCertificates` (PEM, DER, PKCS#7) and `decodeCertificate` → a frozen `Certificate`.
 * - Names: `matchHostname` (RFC 6125 / RFC 9525 web-PKI matching), `buildSanIndex` (CloudFront
 *   alias coverage), `parseReferenceName`, `parseIpAddress`.
 * - Inspect: `inspectCertificates` → one `Result` per certificate with its findings.
 * - Reports: `buildReport`, `formatJson`, `formatText`, `computeExitCode`, `describeFinding`.
 *
 * @packageDocumentation
 */

/** Decode, order leaf first and check every certificate of one input. */
export { type InspectOptions, inspectCertificates } from './inspect/inspect.js';
/** Putting one file's certificates in leaf-first order. */
export { type OrderedCertificates, orderLeafFirst } from './inspect/order.js';
/** DNS names, IP addresses, hostname matching and CloudFront alias coverage. */
export * from './names/index.js';
/** The finding-code catalog. */
export {
  CATALOG,
  type CatalogEntry,
  createFinding,
  docsPath,
  FINDING_CODES,
  type FindingCode,
} from './report/catalog.js';
export { type CertificateView, viewCertificate } from './report/certificate-view.js';
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
export { formatJson } from './report/json.js';
/** Words for findings. */
export { describeFinding, type FindingText } from './report/messages.js';
/** The report contract and its formatters. */
export {
  buildReport,
  type InputError,
  type Report,
  type ReportFinding,
  type ReportResult,
  toReportFinding,
} from './report/report.js';
export { formatText, type TextOptions } from './report/text.js';
/** The certificate rules `inspect` runs, and how to run them on one certificate. */
export {
  CERT_RULES,
  type CertRole,
  type CertRule,
  type CertRuleContext,
  checkCertificate,
} from './rules/cert/index.js';
/** Findings, locators, results and outcomes. */
export type { Finding, FindingArgs, Locator, Outcome, Result, Severity, Subject, Verdict } from './types.js';
export { SEVERITIES } from './types.js';
/** Decoding certificates and chains into the frozen certificate model. */
export * from './x509/index.js';
