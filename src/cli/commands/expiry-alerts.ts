/**
 * `--alert`, `--state`, `--repeat` of `certgate expiry`: the sinks resolved before the scan (a
 * missing variable is a usage error, not a lost alert an hour later), and after it one stderr
 * line per sink saying what was sent, or why it was not (never the secret).
 */

import { deliverAlerts } from '../../alerts/deliver.js';
import { AlertOptionError, parseAlertTarget } from '../../alerts/secrets.js';
import { createSink } from '../../alerts/sinks/index.js';
import { AlertStateError, readAlertState } from '../../alerts/state.js';
import type { Sink } from '../../alerts/types.js';
import type { ExpiryResult } from '../../expiry/types.js';
import { type CliIO, errorLine } from '../io.js';
import { packageVersion } from '../version.js';

export interface AlertFlags {
  readonly alert?: readonly string[];
  readonly state?: string;
  readonly repeat: number;
  readonly pagerdutyUrl?: string;
  readonly webhookSecretEnv?: string;
}

/** Per attempt: a sink that takes longer is retried, then reported. */
const SINK_TIMEOUT_MS = 10_000;

/** The sinks of `--alert`, or the line saying why they cannot be used (exit 2). */
export function prepareSinks(flags: AlertFlags, io: CliIO): { sinks: Sink[] } | { error: string } {
  if (!flags.alert?.length) {
    if (flags.state !== undefined) return { error: '--state: only with --alert' };
    return { sinks: [] };
  }
  let hmacSecret: string | undefined;
  if (flags.webhookSecretEnv !== undefined) {
    hmacSecret = io.env[flags.webhookSecretEnv];
    if (!hmacSecret)
      return { error: `--webhook-secret-env ${flags.webhookSecretEnv}: the variable is not set` };
  }
  try {
    const sinks = flags.alert.map((value) =>
      createSink(
        parseAlertTarget(value, {
          env: io.env,
          ...(flags.pagerdutyUrl !== undefined ? { pagerdutyUrl: flags.pagerdutyUrl } : {}),
        }),
        hmacSecret !== undefined ? { hmacSecret } : {},
      ),
    );
    const keys = new Set(sinks.map((s) => s.key));
    if (keys.size < sinks.length) return { error: '--alert: the same sink is given twice' };
    // a state file that cannot be used stops the run before anything is sent
    if (flags.state !== undefined) readAlertState(flags.state);
    return { sinks };
  } catch (e) {
    if (e instanceof AlertOptionError || e instanceof AlertStateError) return { error: e.message };
    throw e;
  }
}

/** Sends the run's alerts; how many sinks failed (each said on stderr). */
export async function sendAlerts(
  results: readonly ExpiryResult[],
  sinks: readonly Sink[],
  flags: AlertFlags,
  run: { readonly at: Date; readonly awsUnavailable: boolean },
  io: CliIO,
): Promise<number> {
  if (sinks.length === 0) return 0;
  let outcomes: Awaited<ReturnType<typeof deliverAlerts>>;
  try {
    outcomes = await deliverAlerts(results, {
      sinks,
      ...(flags.state !== undefined ? { statePath: flags.state } : {}),
      repeatMs: flags.repeat,
      at: run.at,
      version: packageVersion(),
      timeoutMs: SINK_TIMEOUT_MS,
      awsUnavailable: run.awsUnavailable,
    });
  } catch (e) {
    io.stderr.write(errorLine(e instanceof Error ? e.message : String(e)));
    return sinks.length;
  }
  let failed = 0;
  for (const o of outcomes) {
    if (o.error !== undefined) {
      failed++;
      io.stderr.write(errorLine(`--alert ${o.error}; it is sent again on the next run`));
    } else if (o.firing + o.resolved > 0)
      io.stderr.write(`certgate: --alert ${o.label}: ${o.firing} firing, ${o.resolved} resolved\n`);
  }
  return failed;
}
