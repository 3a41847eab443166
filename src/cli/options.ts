/**
 * Options shared by several commands, with parsers that reject bad values up front with a
 * message saying what is accepted.
 */

import { InvalidArgumentError, Option } from 'commander';
import { FAIL_ON_VALUES, type FailOn } from '../report/exit-code.js';

export type OutputFormat = 'text' | 'json';

/** The options every reporting command takes. */
export interface ReportOptions {
  readonly format: OutputFormat;
  readonly failOn: FailOn;
}

/** `--at ISO8601`: a full date (and optional time) in ISO 8601. */
export function parseAt(value: string): Date {
  // Date.parse accepts many formats; require ISO 8601 so `--at 01/02/2026` is not read as either.
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    throw new InvalidArgumentError(
      'expected an ISO 8601 date or date-time, e.g. 2026-01-31 or 2026-01-31T12:00:00Z',
    );
  }
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError(`not a valid date: ${value}`);
  return date;
}

/** A non-negative whole number (days, counts). */
export function parseNonNegativeInt(value: string): number {
  if (!/^\d{1,6}$/.test(value)) throw new InvalidArgumentError('expected a whole number of days, e.g. 30');
  return Number(value);
}

export function formatOption(choices: readonly OutputFormat[] = ['text', 'json']): Option {
  return new Option('-f, --format <format>', 'output format').choices(choices).default('text');
}

export function failOnOption(): Option {
  return new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity')
    .choices(FAIL_ON_VALUES as string[])
    .default('error');
}

export function atOption(): Option {
  return new Option('--at <iso8601>', 'validation time instead of now (reproducible CI runs)').argParser(
    parseAt,
  );
}

export function warnDaysOption(): Option {
  return new Option('--warn-days <days>', 'warn when a certificate expires within this many days')
    .argParser(parseNonNegativeInt)
    .default(30);
}

/** Collects the values of a repeatable option into a list. */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A repeatable option taking a file (`--add-roots a.pem --add-roots b.pem`). */
export function repeatableFileOption(flags: string, description: string): Option {
  return new Option(flags, `${description} (repeatable)`).argParser(collect);
}

/** `--host NAME`: the DNS name to check; exclusive with `--ip`. */
export function hostOption(): Option {
  return new Option('--host <name>', 'check that the certificate covers this host name').conflicts('ip');
}

/** `--ip ADDR`: the IP address to check; exclusive with `--host`. */
export function ipOption(): Option {
  return new Option('--ip <addr>', 'check that the certificate covers this IP address').conflicts('host');
}

/** `--purpose server|client`: the extended key usage the leaf must allow. */
export function purposeOption(): Option {
  return new Option('--purpose <purpose>', 'what the leaf is for: TLS server or client authentication')
    .choices(['server', 'client'])
    .default('server');
}

/** `--policy webpki|rfc5280`: the validation policy. */
export function policyOption(): Option {
  return new Option('--policy <policy>', 'webpki (what browsers enforce) or rfc5280 (plain RFC 5280)')
    .choices(['webpki', 'rfc5280'])
    .default('webpki');
}
