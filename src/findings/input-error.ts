/**
 * An input that could not be read: a missing or oversized file, JSON or YAML that does not
 * parse, a template section that is not what it claims. Every command reports these beside its
 * findings (the report's `errors`, exit 2), so a verdict that misses an input never looks whole.
 */

/** A line and column, 1-based, where a text input went wrong. */
export interface InputPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * InputError names an input that could not be read, and why. `message` is one line that names
 * the source (and the position, when known): `plan.json:12:3: unexpected token`.
 */
export class InputError extends Error {
  /** The input as users name it: a path, `<stdin>`, a `cdk.out` manifest. */
  readonly source: string;
  /** Lower-case reason without trailing period. */
  readonly reason: string;
  readonly position?: InputPosition;

  constructor(source: string, reason: string, position?: InputPosition) {
    super(position ? `${source}:${position.line}:${position.column}: ${reason}` : `${source}: ${reason}`);
    this.name = 'InputError';
    this.source = source;
    this.reason = reason;
    if (position) this.position = position;
  }

  /** The report's JSON form (`errors[]`): the source and the one-line message. */
  toJSON(): { source: string; message: string } {
    return { source: this.source, message: this.message };
  }
}
