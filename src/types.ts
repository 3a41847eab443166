/**
 * The one type every layer shares, from the name parsers up: a value or an error, for
 * operations whose failure is data rather than an exception. It imports nothing, so it can sit
 * under every folder of `src/`.
 */

/** A value or an error, for operations whose failure is data rather than an exception. */
export type Outcome<T, E> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };
