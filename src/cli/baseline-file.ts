/** Reading `--baseline FILE` and writing `--write-baseline FILE`; the format is src/config/baseline.ts. */

import { readFile } from 'node:fs/promises';
import { baselineEntries, formatBaseline, parseBaseline } from '../config/baseline.js';
import type { Result } from '../findings/finding.js';
import type { FingerprintRoot } from '../findings/fingerprint.js';
import type { BaselineRule } from '../findings/suppress.js';
import { UsageStop } from './read-inputs.js';
import { writeFileAtomic } from './report-output.js';

/** The fingerprints of baseline `file`. @throws UsageStop (exit 2) when it cannot be read or is not a baseline */
export async function readBaselineFile(file: string): Promise<BaselineRule> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageStop(
      `--baseline ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code})`}`,
    );
  }
  const parsed = parseBaseline(text);
  if ('problem' in parsed) throw new UsageStop(`--baseline ${file}: ${parsed.problem}`);
  return { file, fingerprints: parsed.fingerprints };
}

/** Writes the baseline of `results` to `file`; the number of entries, or the error's code when it cannot be written. */
export async function writeBaselineFile(
  file: string,
  results: readonly Result[],
  root: FingerprintRoot,
  toolVersion: string,
): Promise<{ entries: number } | { error: string }> {
  const entries = baselineEntries(results, root);
  try {
    await writeFileAtomic(file, formatBaseline(entries, toolVersion, new Date()));
    return { entries: entries.length };
  } catch (e) {
    return { error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}
