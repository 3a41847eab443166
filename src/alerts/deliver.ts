/**
 * One run's alerts: plan each sink's events from the results and the state file, send every sink
 * at once (one failing never holds up or loses another's), and write the state: a sink that took
 * its batch moves on, one that failed keeps its old state so the next run sends the same again.
 */

import type { ExpiryResult } from '../expiry/types.js';
import { planAlerts } from './engine.js';
import { type AlertState, EMPTY_STATE, readAlertState, type SentAlert, writeAlertState } from './state.js';
import type { Sink } from './types.js';

export interface AlertRunOptions {
  readonly sinks: readonly Sink[];
  /** `--state FILE`; without it nothing is remembered: every firing alert is sent, none resolved. */
  readonly statePath?: string;
  /** `--repeat`: a firing alert is sent again after this long (ms). */
  readonly repeatMs: number;
  readonly at: Date;
  readonly version: string;
  /** Per request attempt, ms. */
  readonly timeoutMs: number;
  /** The AWS account could not be read at all: its certificates are out of reach, not gone. */
  readonly awsUnavailable?: boolean;
}

/** What became of one sink. */
export interface SinkOutcome {
  readonly label: string;
  readonly firing: number;
  readonly resolved: number;
  /** Why the sink did not take the batch (one line, no secret). */
  readonly error?: string;
}

/**
 * Sends the run's alerts and updates the state file.
 *
 * @throws AlertStateError when the state file exists but cannot be read as one (before sending)
 */
export async function deliverAlerts(
  results: readonly ExpiryResult[],
  options: AlertRunOptions,
): Promise<SinkOutcome[]> {
  const state: AlertState = options.statePath === undefined ? EMPTY_STATE : readAlertState(options.statePath);
  const plans = planAlerts(
    results,
    state,
    options.sinks.map((s) => s.key),
    { at: options.at, repeatMs: options.repeatMs, awsUnavailable: options.awsUnavailable === true },
  );
  const at = options.at.toISOString();
  const refreshUntil = new Date(options.at.getTime() + 2 * options.repeatMs).toISOString();
  const settled = await Promise.allSettled(
    options.sinks.map(async (sink) => {
      const plan = plans.get(sink.key)!;
      if (plan.events.length > 0 || (sink.kind === 'alertmanager' && plan.active.length > 0))
        await sink.send(
          { at, events: plan.events, active: plan.active, refreshUntil, version: options.version },
          { timeoutMs: options.timeoutMs },
        );
    }),
  );
  const nextSinks: Record<string, { alerts: Record<string, SentAlert> }> = {};
  const outcomes: SinkOutcome[] = options.sinks.map((sink, i) => {
    const plan = plans.get(sink.key)!;
    const result = settled[i]!;
    const ok = result.status === 'fulfilled';
    nextSinks[sink.key] = { alerts: ok ? plan.next : plan.previous };
    const firing = plan.events.filter((e) => e.state === 'firing').length;
    return {
      label: sink.label,
      firing,
      resolved: plan.events.length - firing,
      ...(ok
        ? {}
        : { error: result.reason instanceof Error ? result.reason.message : String(result.reason) }),
    };
  });
  // sinks no longer on the command line are dropped: the state holds only what is configured
  if (options.statePath !== undefined) writeAlertState(options.statePath, { version: 1, sinks: nextSinks });
  return outcomes;
}
