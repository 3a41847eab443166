/**
 * `--alert KIND=VALUE`: where a sink's secret comes from, and how it is named without it. A
 * Slack or webhook URL carries its token in the path, a PagerDuty routing key is the token, so
 * the secret is read from the environment (`env:NAME`) or a file (`file:PATH`) or given as is,
 * and every message names the option by its source (`slack=env:SLACK_URL`), never by the value.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Sink } from './types.js';

export type SinkKind = Sink['kind'];

/** The kinds `--alert` takes, in the order usage lists them. */
export const SINK_KINDS: readonly SinkKind[] = ['webhook', 'slack', 'alertmanager', 'pagerduty'];

/** PagerDuty's Events API v2 endpoint; `--pagerduty-url` replaces it (tests, EU service region). */
export const DEFAULT_PAGERDUTY_URL = 'https://events.pagerduty.com/v2/enqueue';

interface TargetNames {
  /** How messages name it: `slack=env:SLACK_URL`, `alertmanager=http://127.0.0.1:9093`. */
  readonly label: string;
  /** The state file's key: `${kind}#` and 12 hex digits of a hash of the secret. */
  readonly key: string;
}

/** A sink that posts to a URL it was given (the URL is the secret for webhook and Slack). */
export interface UrlTarget extends TargetNames {
  readonly kind: 'webhook' | 'slack' | 'alertmanager';
  readonly url: string;
}

/** PagerDuty: the routing key is the secret, the URL is the Events API's (or `--pagerduty-url`). */
export interface PagerDutyTarget extends TargetNames {
  readonly kind: 'pagerduty';
  readonly url: string;
  readonly routingKey: string;
}

/** A resolved `--alert`: the secret read, checked, and named without it. */
export type AlertTarget = UrlTarget | PagerDutyTarget;

export interface ParseAlertOptions {
  /** Where `env:NAME` is looked up (the CLI passes `process.env`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--pagerduty-url`; {@link DEFAULT_PAGERDUTY_URL} when absent. */
  readonly pagerdutyUrl?: string;
  /** Reads `file:PATH` as UTF-8; `readFileSync` by default (tests replace it). */
  readonly readFile?: (path: string) => string;
}

/** A `--alert` or `--pagerduty-url` that cannot be used; the message is one line without the secret. */
export class AlertOptionError extends Error {
  /** The option: `--alert` or `--pagerduty-url`. */
  readonly option: string;
  /** The value as messages may show it (`slack=env:SLACK_URL`, `slack=(literal URL)`), or empty. */
  readonly shown: string;
  /** Why, lower case, no period. */
  readonly reason: string;

  constructor(option: string, shown: string, reason: string) {
    super(`${option}${shown ? ` ${shown}` : ''}: ${reason}`);
    this.name = 'AlertOptionError';
    this.option = option;
    this.shown = shown;
    this.reason = reason;
  }
}

/** The state file's key of a target: stable for one secret, and no way back to it. */
export function targetKey(kind: SinkKind, secret: string): string {
  return `${kind}#${createHash('sha256').update(`${kind}\0${secret}`).digest('hex').slice(0, 12)}`;
}

/** Why a URL cannot be posted to, or undefined when it can. */
function urlProblem(value: string): string | undefined {
  if (value === '') return 'the URL is empty';
  if (/\s/.test(value)) return 'the URL contains whitespace';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not an http:// or https:// URL';
  if (url.hostname === '') return 'the URL has no host';
  return undefined;
}

/** `scheme://host[:port]` of a URL: what a literal URL's label shows (no user, path or query). */
function origin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? `${url.protocol}//${url.host}` : undefined;
  } catch {
    return undefined;
  }
}

/** A routing key is 32 characters in practice; anything printable without spaces is let through. */
function routingKeyProblem(value: string): string | undefined {
  if (value === '') return 'the routing key is empty';
  if (value.length > 255) return 'the routing key is longer than 255 characters';
  if (!/^[\x21-\x7e]+$/.test(value)) return 'the routing key must be printable ASCII without spaces';
  return undefined;
}

function literalLabel(kind: SinkKind, value: string): string {
  if (kind === 'pagerduty') return 'pagerduty=(routing key)';
  // a Slack URL is all secret; webhook and Alertmanager URLs show their origin only
  if (kind === 'slack') return 'slack=(literal URL)';
  const shown = urlProblem(value) === undefined ? origin(value) : undefined;
  return `${kind}=${shown ?? '(literal URL)'}`;
}

function fileProblem(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'the file cannot be read (permission denied)';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return `the file cannot be read (${typeof code === 'string' ? code : 'error'})`;
}

const readUtf8 = (path: string): string => readFileSync(path, 'utf8');

/**
 * Resolves one `--alert` value: `KIND=env:NAME`, `KIND=file:PATH` (trailing whitespace and
 * newline trimmed) or `KIND=VALUE` given as is. Throws {@link AlertOptionError} for an unknown
 * kind, a missing variable or file, an empty value, a URL that is not http(s), a bad routing key.
 */
export function parseAlertTarget(value: string, options: ParseAlertOptions): AlertTarget {
  const eq = value.indexOf('=');
  const kindText = eq < 0 ? '' : value.slice(0, eq);
  if (eq < 0 || !(SINK_KINDS as readonly string[]).includes(kindText)) {
    // the text before `=` may be a pasted secret: show it only when it looks like a kind
    const named = /^[A-Za-z][A-Za-z0-9_-]{0,30}$/.test(kindText) ? ` "${kindText}"` : '';
    const reason =
      eq < 0 || named === ''
        ? `expected KIND=VALUE, KIND one of ${SINK_KINDS.join(', ')}`
        : `unknown sink${named}: expected one of ${SINK_KINDS.join(', ')}`;
    throw new AlertOptionError('--alert', '', reason);
  }
  const kind = kindText as SinkKind;
  const source = value.slice(eq + 1);

  let secret: string;
  let label: string;
  if (source.startsWith('env:')) {
    const name = source.slice(4);
    const validName = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
    label = `${kind}=env:${validName ? name : '?'}`;
    if (!validName) throw new AlertOptionError('--alert', label, 'expected env:NAME, NAME a variable name');
    const found = options.env[name];
    if (found === undefined) throw new AlertOptionError('--alert', label, 'the variable is not set');
    if (found === '') throw new AlertOptionError('--alert', label, 'the variable is empty');
    secret = found;
  } else if (source.startsWith('file:')) {
    const path = source.slice(5);
    label = `${kind}=file:${path}`;
    if (path === '') throw new AlertOptionError('--alert', `${kind}=file:`, 'expected file:PATH');
    let text: string;
    try {
      text = (options.readFile ?? readUtf8)(path);
    } catch (err) {
      throw new AlertOptionError('--alert', label, fileProblem(err));
    }
    secret = text.trimEnd();
    if (secret === '') throw new AlertOptionError('--alert', label, 'the file is empty');
  } else {
    label = literalLabel(kind, source);
    if (source === '') {
      throw new AlertOptionError('--alert', label, kind === 'pagerduty' ? 'no routing key' : 'no URL');
    }
    secret = source;
  }

  const key = targetKey(kind, secret);
  if (kind === 'pagerduty') {
    const problem = routingKeyProblem(secret);
    if (problem) throw new AlertOptionError('--alert', label, problem);
    const url = options.pagerdutyUrl ?? DEFAULT_PAGERDUTY_URL;
    const urlError = urlProblem(url);
    if (urlError) throw new AlertOptionError('--pagerduty-url', origin(url) ?? '', urlError);
    return { kind, url, routingKey: secret, label, key };
  }
  const problem = urlProblem(secret);
  if (problem) throw new AlertOptionError('--alert', label, problem);
  return { kind, url: secret, label, key };
}
