/**
 * Slack incoming webhooks: one message per batch (Slack takes about one a second per webhook),
 * Block Kit with a header and a section per alert. Everything that comes from a certificate is
 * escaped, so a name like `<!channel>` shows as text instead of paging the channel.
 */

import { postJson, type RetryOptions } from '../http.js';
import type { UrlTarget } from '../secrets.js';
import type { AlertBatch, AlertEvent, AlertWhy, SendOptions, Sink } from '../types.js';

/** Sections per message: Slack refuses more than 50 blocks; the header and the "more" line fit beside. */
export const SLACK_MAX_SECTIONS = 45;
const SECTION_MAX = 3000;
const FALLBACK_MAX = 500;
const PLACES_SHOWN = 5;

interface TextObject {
  readonly type: 'plain_text' | 'mrkdwn';
  readonly text: string;
  readonly emoji?: boolean;
}

export type SlackBlock =
  | { readonly type: 'header'; readonly text: TextObject }
  | { readonly type: 'section'; readonly text: TextObject }
  | { readonly type: 'context'; readonly elements: readonly TextObject[] };

export interface SlackMessage {
  /** The notification and fallback text (mrkdwn, escaped). */
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

/** Slack's three control characters in text: `&`, `<`, `>` (a `<!channel>` or `<url|link>` stays text). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts escaped text to `max` characters without splitting an `&amp;`-style entity. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/&[a-z]*$/, '')}…`;
}

const WHY: Record<AlertWhy, string> = {
  new: '',
  repeat: 'still firing',
  escalated: 'escalated',
  renewed: 'certificate renewed',
  removed: 'certificate removed',
  recovered: 'recovered',
};

/**
 * A resolved-by-escalation alert says nothing a reader needs when the higher alert of the same
 * certificate fires in the same message.
 */
function shown(batch: AlertBatch): AlertEvent[] {
  const firing = new Set(
    batch.events.filter((e) => e.state === 'firing').map((e) => e.certificate.fingerprint),
  );
  return batch.events.filter(
    (e) => !(e.state === 'resolved' && e.why === 'escalated' && firing.has(e.certificate.fingerprint)),
  );
}

function section(event: AlertEvent): SlackBlock {
  const c = event.certificate;
  const why = WHY[event.why];
  const head =
    event.state === 'firing'
      ? `${event.severity === 'critical' ? ':rotating_light:' : ':warning:'} *FIRING* ${event.alertname} (${event.severity})`
      : `:white_check_mark: *RESOLVED* ${event.alertname}`;
  const places =
    c.places.slice(0, PLACES_SHOWN).join(', ') +
    (c.places.length > PLACES_SHOWN ? ` and ${c.places.length - PLACES_SHOWN} more` : '');
  const lines = [
    `${head}${why ? ` (${why})` : ''}`,
    escapeSlack(event.summary),
    `*Places:* ${escapeSlack(places || '(none)')}`,
    `*Renewal:* ${escapeSlack(c.renewal.reason ? `${c.renewal.status}: ${c.renewal.reason}` : c.renewal.status)}`,
    `*Not after:* ${escapeSlack(c.notAfter)}${c.chainNotAfter !== c.notAfter ? ` (chain ${escapeSlack(c.chainNotAfter)})` : ''}`,
  ];
  return { type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n'), SECTION_MAX) } };
}

/** The message of a batch; undefined when there is nothing to say. */
export function slackMessage(batch: AlertBatch): SlackMessage | undefined {
  const events = shown(batch);
  if (events.length === 0) return undefined;
  const firing = events.filter((e) => e.state === 'firing').length;
  const resolved = events.length - firing;
  const counts = [firing ? `${firing} firing` : '', resolved ? `${resolved} resolved` : '']
    .filter(Boolean)
    .join(', ');
  const title = `certgate: ${counts}`;
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title, emoji: true } },
    ...events.slice(0, SLACK_MAX_SECTIONS).map(section),
  ];
  if (events.length > SLACK_MAX_SECTIONS) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `and ${events.length - SLACK_MAX_SECTIONS} more` }],
    });
  }
  const first = events[0]!;
  const text = clip(
    `${title}: ${escapeSlack(first.summary)}${events.length > 1 ? ` and ${events.length - 1} more` : ''}`,
    FALLBACK_MAX,
  );
  return { text, blocks };
}

export function createSlackSink(target: UrlTarget, options: RetryOptions = {}): Sink {
  return {
    kind: 'slack',
    key: target.key,
    label: target.label,
    async send(batch: AlertBatch, sendOptions: SendOptions): Promise<void> {
      const message = slackMessage(batch);
      if (!message) return;
      await postJson(target.url, JSON.stringify(message), {
        ...options,
        ...sendOptions,
        label: target.label,
        userAgent: `certgate/${batch.version}`,
      });
    },
  };
}
