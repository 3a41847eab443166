/**
 * Colour for text output: only on a TTY, never when NO_COLOR is set (https://no-color.org),
 * forced with FORCE_COLOR. Decided once per stream by the CLI and passed down; formatters never
 * look at the environment themselves.
 */

import pc from 'picocolors';

/** The colour functions a formatter uses; identity functions when colour is off. */
export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Environment variables, as `process.env` holds them. Written out rather than `NodeJS.ProcessEnv`
 * so the published types compile without @types/node.
 */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Whether to colour output written to a stream with the given TTY flag, under `env`. */
export function shouldColor(isTTY: boolean | undefined, env: Environment = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return isTTY === true;
}

/** Colour functions, enabled or not. */
export function createColors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}
