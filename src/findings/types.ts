/**
 * The words findings are made of: severity, where in the input, the args that fill a message,
 * and what the catalog says of a code. Nothing here knows a code, so the catalog tables can
 * import it without a cycle.
 */

/** How bad a finding is. Maps 1:1 to SARIF levels. */
export type Severity = 'error' | 'warning' | 'note';

/** Severities from most to least severe. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

/**
 * Where in the input a finding points: the source (file path, `-` for stdin, `host:port`), a
 * path inside it (JSON path segments), and for chains the index of the certificate (0 = leaf).
 * `line`/`column` are 1-based and filled by sources that know positions (JSON, YAML).
 */
export interface Locator {
  readonly source: string;
  readonly path?: readonly (string | number)[];
  readonly certIndex?: number;
  readonly line?: number;
  readonly column?: number;
  /**
   * The resource the finding is about, as its tool names it: a Terraform address
   * (`module.cdn.aws_cloudfront_distribution.this["a"]`), a CDK construct path
   * (`WebStack/Site/Distribution/Resource`). Set by sources generated from code.
   */
  readonly resource?: string;
  /** Where that resource is in the code the input was generated from (a `.tf` file, a CDK app's source), when known. */
  readonly origin?: CodeOrigin;
}

/** A place in source code: the file (as the user can open it) and the 1-based line and column. */
export interface CodeOrigin {
  readonly source: string;
  readonly line: number;
  readonly column?: number;
}

/** Arguments that fill a finding's message. Values are plain data so findings serialise to JSON. */
export type FindingArgs = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

/** What the catalog knows about a code. */
export interface CatalogEntry {
  /** A short title, sentence case, no trailing period. */
  readonly title: string;
  readonly severity: Severity;
}

/**
 * Why a finding does not count toward the verdict: a config `ignore:` entry, an inline ignore in
 * the template or `.tf` file, or a `--baseline` entry. It stays in the JSON and SARIF reports.
 */
export interface Suppression {
  /** `inline`: written beside the resource (SARIF `inSource`); `config` and `baseline`: outside it (`external`). */
  readonly kind: 'inline' | 'config' | 'baseline';
  /** The reason its author gave (for a baseline, which file). */
  readonly reason: string;
  /** Where the suppression is written: `.certgate.yaml:12`, `main.tf:40`, the baseline file. */
  readonly source: string;
}
