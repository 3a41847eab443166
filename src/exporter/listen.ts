/**
 * `--serve [ADDR:]PORT`, parsed on its own (no server code): the CLI reads it at start-up, and
 * the exporter is loaded only when a command runs it.
 */

/** Where to listen: `PORT` (every interface, as exporters do) or `ADDR:PORT` / `[v6]:PORT`. */
export interface ListenAddress {
  readonly host?: string;
  readonly port: number;
}

/** Parses `9793`, `127.0.0.1:9793`, `[::1]:9793`, `:9793`; the reason when it is none. */
export function parseListenAddress(text: string): ListenAddress | string {
  const m = /^(?:(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]*)):)?(\d{1,5})$/.exec(text.trim());
  const port = m ? Number(m[3]) : Number.NaN;
  if (!m || port < 0 || port > 65535) return 'expected PORT or ADDR:PORT (9793, 127.0.0.1:9793, [::1]:9793)';
  const host = m[1] ?? (m[2] || undefined);
  return host === undefined ? { port } : { host, port };
}
