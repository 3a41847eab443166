/**
 * `certgate explain [TEXT...]`: recognise a CloudFront or TLS error (an error code, a pasted
 * message, a whole log on standard input) and print its diagnosis path. Exit 0 when something
 * was recognised, 2 when nothing was (the kinds of messages it knows go to stderr) or on bad usage.
 */

import { explain } from '../../explain/explain.js';
import { MAX_EXPLAIN_INPUT } from '../../explain/input.js';
import { PATTERNS } from '../../explain/patterns/index.js';
import { formatExplanationText, KNOWN_MESSAGES } from '../../explain/text.js';
import { createColors, shouldColor } from '../../report/colors.js';
import { EXIT_OK, EXIT_USAGE } from '../../report/exit-code.js';
import { type CliIO, errorLine } from '../io.js';
import type { OutputFormat } from '../options.js';
import { readStdinPrefix, reportStop, UsageStop } from '../read-inputs.js';
import { packageVersion } from '../version.js';

interface ExplainCliOptions {
  readonly format: OutputFormat;
  readonly list?: boolean;
}

/** The text to explain: the arguments joined, or standard input for none or `-`. */
async function textOf(words: readonly string[], io: CliIO): Promise<string> {
  if (words.length > 1 && words.includes('-')) {
    throw new UsageStop("'-' reads the text from standard input; give it alone");
  }
  if (words.length > 0 && words[0] !== '-') return words.join(' ');
  if (words.length === 0 && (io.stdin as { isTTY?: boolean }).isTTY === true) {
    throw new UsageStop(
      "give the error as an argument (quoted) or on standard input, e.g. certgate explain 'InvalidViewerCertificate'",
    );
  }
  // Four bytes per character at most in UTF-8: enough bytes for MAX_EXPLAIN_INPUT characters.
  return readStdinPrefix(io.stdin, MAX_EXPLAIN_INPUT * 4, 'an error message');
}

/** `--list`: every pattern, by id. */
function writeList(opts: ExplainCliOptions, io: CliIO): number {
  if (opts.format === 'json') {
    const patterns = PATTERNS.map((p) => ({
      id: p.id,
      title: p.title,
      source: p.source,
      ...(p.client ? { client: p.client } : {}),
    }));
    io.stdout.write(
      `${JSON.stringify({ tool: 'certgate', version: packageVersion(), command: 'explain', patterns }, null, 2)}\n`,
    );
    return EXIT_OK;
  }
  const width = Math.max(...PATTERNS.map((p) => p.id.length));
  io.stdout.write(`${KNOWN_MESSAGES.join('\n')}\n\nPatterns:\n`);
  for (const p of PATTERNS) io.stdout.write(`  ${p.id.padEnd(width)}  ${p.title}\n`);
  return EXIT_OK;
}

/** Runs `explain` and returns the exit code. */
export async function runExplain(
  words: readonly string[],
  opts: ExplainCliOptions,
  io: CliIO,
): Promise<number> {
  if (opts.list) return writeList(opts, io);
  let text: string;
  try {
    text = await textOf(words, io);
  } catch (err) {
    return reportStop(err, io);
  }
  if (text.trim() === '') {
    io.stderr.write(errorLine('no text to explain: give an error code or message'));
    return EXIT_USAGE;
  }
  const explanation = explain(text);
  if (opts.format === 'json') {
    const report = { tool: 'certgate', version: packageVersion(), command: 'explain', ...explanation };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else if (explanation.recognised) {
    const colors = createColors(shouldColor(io.stdout.isTTY, io.env));
    io.stdout.write(formatExplanationText(explanation, { colors }));
  }
  if (!explanation.recognised) {
    // a log cut at the limit may hold its error further down: say so, or the user cannot tell
    const cut = explanation.truncated
      ? ` (only the first ${MAX_EXPLAIN_INPUT / 1024} KiB of the input were read)`
      : '';
    io.stderr.write(
      errorLine(`not recognised: no CloudFront, TLS client or certgate error found in the text${cut}`),
    );
    io.stderr.write(
      `certgate explain knows these messages:\n${KNOWN_MESSAGES.map((l) => `  ${l}`).join('\n')}\n`,
    );
    io.stderr.write(
      "Paste the whole error line (or the log on standard input); 'certgate explain --list' lists every pattern.\n",
    );
    return EXIT_USAGE;
  }
  return EXIT_OK;
}
