/** The sinks of `--alert`, one factory per kind, chosen by the resolved target's kind. */

import type { RetryOptions } from '../http.js';
import type { AlertTarget } from '../secrets.js';
import type { Sink } from '../types.js';
import { createAlertmanagerSink } from './alertmanager.js';
import { createPagerDutySink } from './pagerduty.js';
import { createSlackSink } from './slack.js';
import { createWebhookSink } from './webhook.js';

export interface SinkOptions extends RetryOptions {
  /** Signs webhook bodies (`X-Certgate-Signature-256`); other kinds ignore it. */
  readonly hmacSecret?: string;
}

/** The sink of a target from {@link parseAlertTarget}; env, files and `--pagerduty-url` were read there. */
export function createSink(target: AlertTarget, options: SinkOptions = {}): Sink {
  const { hmacSecret, ...retry } = options;
  switch (target.kind) {
    case 'webhook':
      return createWebhookSink(target, hmacSecret === undefined ? retry : { ...retry, hmacSecret });
    case 'slack':
      return createSlackSink(target, retry);
    case 'alertmanager':
      return createAlertmanagerSink(target, retry);
    case 'pagerduty':
      return createPagerDutySink(target, retry);
  }
}
