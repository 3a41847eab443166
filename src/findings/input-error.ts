/**
 * An input that could not be read: a missing or oversized file, JSON or YAML that does not
 * parse, a template section that is not what it claims. Every command reports these beside its
 * findings (the report's `errors`, exit 2), so a verdict that misses an input never looks whole.
 */

/** An input that could not be read, as results and reports list it: plain data. */
export interface UnreadableInput {
  readonly source: string;
  /** One line naming the source (and position): `plan.json:12:3: unexpected token`. */
  readonly message: string;
}

/** A line and column, 1-based, where a text input went wrong. */
export interface InputPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * InputError is what a reader throws for an input it cannot read: the source, the reason, and a
 * one-line `message` naming both (and the position, when known): `plan.json:12:3: unexpected
 * token`. Commands that go on with their other inputs keep it as an {@link UnreadableInput}.
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

  /** The error as results and reports list it. */
  toUnreadableInput(): UnreadableInput {
    return { source: this.source, message: this.message };
  }
}
