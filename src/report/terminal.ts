/**
 * The terminal boundary. Text output quotes what certificates, servers, templates and pasted
 * messages contain, and any of those can carry control characters: ESC sequences that clear the
 * screen or move the cursor, CR that overwrites a line, OSC that retitles the window or plants a
 * link, BEL, NUL, C1 controls (0x9b is a one-byte CSI on some terminals) and bidi overrides that
 * reorder what is shown. None of them may reach a terminal as is.
 *
 * Two layers, both used by every text view:
 * - `forTerminal(value)` on each quoted value: every such character is shown escaped (`\x1b`,
 *   `\u202e`), so a CN holding `\nPASS` stays on its own line and reads as what it is; long values
 *   are cut with the count of what was left out;
 * - `terminalSafe(text)` on the whole text before it is written: anything a view forgot to quote
 *   is escaped too, except newlines and tabs, and the SGR colour sequences (`ESC [ ... m`) that
 *   the views add themselves, which cannot move the cursor or erase anything.
 * JSON, SARIF and JUnit escape by their own grammar and do not come through here.
 */

/** C0 and C1 controls, DEL, and the Unicode bidi and line-breaking format characters. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Our own SGR colour sequences (picocolors: CSI, digits and semicolons, `m`), or one unsafe
 * character other than LF and TAB, which the views use for layout. */
const SGR_OR_UNSAFE =
  /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text views quote at most this many characters of one value: enough for any real host name
 * (253), subject or message, small enough that a 2 MB alias cannot flood a CI log.
 */
export const MAX_QUOTED_CHARS = 1024;

/** The escape of each unsafe character, built once: a hostile value can hold millions of them. */
const ESCAPES = new Map<string, string>();

function escapeChar(ch: string): string {
  let shown = ESCAPES.get(ch);
  if (shown === undefined) {
    const code = ch.charCodeAt(0);
    shown =
      code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    ESCAPES.set(ch, shown);
  }
  return shown;
}

/**
 * A value from the input, safe to print: control and bidi characters escaped, and cut after
 * `max` characters with the number left out (`… (2400000 more characters)`).
 */
export function forTerminal(value: string, max = MAX_QUOTED_CHARS): string {
  const cut = value.length > max ? value.slice(0, max) : value;
  const escaped = cut.replace(UNSAFE, escapeChar);
  return cut === value ? escaped : `${escaped}… (${value.length - max} more characters)`;
}

/**
 * Whole text output, safe to write: our own SGR colour sequences, newlines and tabs pass; every
 * other control or bidi character is escaped. A safety net under `forTerminal`, not instead of it.
 */
export function terminalSafe(text: string): string {
  return text.replace(SGR_OR_UNSAFE, (match) => (match.length > 1 ? match : escapeChar(match)));
}
