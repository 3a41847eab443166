/**
 * `--state FILE`: what each sink was sent, so an alert fires once per certificate and rule,
 * repeats only after `--repeat`, and can be resolved later. JSON, versioned, holding no secret
 * (sinks are keyed by a hash of their target). Written atomically: a temporary file in the same
 * folder, flushed to disk, then renamed over the old one, so a crash mid-write leaves the old
 * state or the new one, never half of either.
 */

import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { AlertCertificate, AlertName, AlertSeverity } from './types.js';

/** One alert as a sink was last sent it. */
export interface SentAlert {
  readonly alertname: AlertName;
  readonly severity: AlertSeverity;
  /** The certificate's fingerprint (lower-case hex). */
  readonly fingerprint: string;
  readonly summary: string;
  /** When it first fired, and when it was last sent (ISO 8601). */
  readonly startsAt: string;
  readonly lastSentAt: string;
  /** The certificate as last seen: what a resolution says it was. */
  readonly certificate: AlertCertificate;
}

export interface AlertState {
  readonly version: 1;
  readonly sinks: Readonly<Record<string, { readonly alerts: Readonly<Record<string, SentAlert>> }>>;
}

export const EMPTY_STATE: AlertState = { version: 1, sinks: {} };

/** A state file that cannot be used: one line naming it. */
export class AlertStateError extends Error {}

/** Reads the state file; the empty state when it does not exist yet. */
export function readAlertState(path: string): AlertState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_STATE;
    throw new AlertStateError(
      `--state ${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new AlertStateError(
      `--state ${path}: not a certgate state file (${e instanceof Error ? e.message : String(e)}); move it away to start afresh`,
    );
  }
  if (!isState(value))
    throw new AlertStateError(
      `--state ${path}: not a certgate state file (version 1 expected); move it away to start afresh`,
    );
  return value;
}

function isState(v: unknown): v is AlertState {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as { version?: unknown; sinks?: unknown };
  if (s.version !== 1 || typeof s.sinks !== 'object' || s.sinks === null) return false;
  for (const sink of Object.values(s.sinks as Record<string, unknown>)) {
    const alerts = (sink as { alerts?: unknown } | null)?.alerts;
    if (typeof alerts !== 'object' || alerts === null) return false;
    for (const a of Object.values(alerts as Record<string, unknown>)) {
      const r = a as Partial<SentAlert> | null;
      if (
        typeof r?.alertname !== 'string' ||
        typeof r.fingerprint !== 'string' ||
        typeof r.startsAt !== 'string' ||
        typeof r.lastSentAt !== 'string' ||
        typeof r.certificate !== 'object' ||
        r.certificate === null ||
        !Array.isArray(r.certificate.places)
      )
        return false;
    }
  }
  return true;
}

/** Writes the state atomically (temporary file, fsync, rename). */
export function writeAlertState(path: string, state: AlertState): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
