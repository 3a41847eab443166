/**
 * Reading the next input while the current one is parsed: reading a file is I/O on libuv's
 * threads and parsing it is work on the main thread, so a run of two large inputs (a
 * list-distributions file and the ACM JSON, 28 and 39 MB) overlaps the two instead of waiting
 * for each read in turn. One input ahead at most, so no more than two are held at once; standard
 * input is never read ahead (it is read where it is named).
 */
export class ReadAhead {
  private readonly started = new Map<string, Promise<Uint8Array>>();

  /** `read(path, what)`: how an input is read; `what` names it in errors ("a gate input"). */
  constructor(private readonly read: (path: string, what: string) => Promise<Uint8Array>) {}

  /** Starts reading `path` in the background; a failure is reported when the input is taken. */
  start(path: string | undefined, what: string): void {
    if (path === undefined || path === '-') return;
    const key = `${what}\0${path}`;
    if (this.started.has(key)) return;
    const bytes = this.read(path, what);
    bytes.catch(() => undefined); // not unhandled: take() hands the same promise on
    this.started.set(key, bytes);
  }

  /** The bytes of `path`: the read started ahead, or a new one. */
  take(path: string, what: string): Promise<Uint8Array> {
    const key = `${what}\0${path}`;
    const bytes = this.started.get(key);
    if (bytes === undefined) return this.read(path, what);
    this.started.delete(key);
    return bytes;
  }
}
