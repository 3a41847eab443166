/**
 * `certgate expiry ... --serve [ADDR:]PORT`: the exporter. Runs until SIGINT or SIGTERM, one
 * line on stderr per scan (how many certificates, which sources fail and why); exit 0 when
 * stopped, 2 when the address cannot be bound or the interval is too short for AWS.
 */

import { expiryRun } from '../../expiry/expiry.js';
import type { ExpiryOptions, ExpiryResult } from '../../expiry/types.js';
import type { ListenAddress } from '../../exporter/listen.js';
import { startExporter } from '../../exporter/serve.js';
import { AWS_SOURCE, endpointSource, SourceMap } from '../../exporter/sources.js';
import { ExporterState } from '../../exporter/state.js';
import type { ProbeTarget } from '../../probe/types.js';
import { EXIT_OK, EXIT_USAGE } from '../../report/exit-code.js';
import { type CliIO, errorLine } from '../io.js';

/**
 * The shortest interval with --aws. ACM allows 10 DescribeCertificate and GetCertificate calls a
 * second per region (8 ListCertificates): a region at its default quota of 2,500 certificates
 * takes over 8 minutes to read, so scans closer than this would run back to back and throttle.
 */
export const MIN_AWS_INTERVAL_MS = 10 * 60_000;
/** The shortest interval at all: a scan a few seconds apart only loads the endpoints. */
const MIN_INTERVAL_MS = 10_000;

export interface ServeSettings {
  readonly listen: ListenAddress;
  readonly intervalMs: number;
  readonly aws: boolean;
  readonly paths: readonly string[];
  readonly targets: readonly ProbeTarget[];
  /** `--at`: every scan judges at this moment (for tests and what-ifs); default each scan's time. */
  readonly at: Date | undefined;
  readonly scanOptions: (at: Date) => ExpiryOptions;
  /** `--alert`: sends each scan's alerts (never throws: failures are said on stderr). */
  readonly alert?: (
    results: ExpiryResult[],
    run: { readonly at: Date; readonly awsUnavailable: boolean },
  ) => Promise<unknown>;
}

/** Runs the exporter until a signal stops it; the exit code. */
export async function serveExpiry(settings: ServeSettings, io: CliIO): Promise<number> {
  const min = settings.aws ? MIN_AWS_INTERVAL_MS : MIN_INTERVAL_MS;
  if (settings.intervalMs < min) {
    io.stderr.write(
      errorLine(
        settings.aws
          ? `--interval: at least 10m with --aws (ACM allows 10 DescribeCertificate calls a second per region; a region of 2,500 certificates takes over 8 minutes to read)`
          : '--interval: at least 10s',
      ),
    );
    return EXIT_USAGE;
  }
  const map = new SourceMap(settings.paths);
  const declared = [
    ...settings.paths,
    ...settings.targets.map((t) => endpointSource(`${t.host}:${t.port}`)),
    ...(settings.aws ? [AWS_SOURCE] : []),
  ];
  const state = new ExporterState(map, declared);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const where = (host: string | undefined, port: number) =>
    host === undefined ? `port ${port}` : host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  let running: Awaited<ReturnType<typeof startExporter>>;
  try {
    running = await startExporter({
      listen: settings.listen,
      intervalMs: settings.intervalMs,
      state,
      signal: stop.signal,
      scan: async (signal) => {
        const started = Date.now();
        const at = settings.at ?? new Date();
        const options = settings.scanOptions(at);
        const run = await expiryRun({ ...options, probe: { ...options.probe, signal } });
        await settings.alert?.(run.results, {
          at: new Date(),
          awsUnavailable: run.awsUnavailable !== undefined,
        });
        const finishedAt = Date.now();
        return {
          results: run.results,
          ...(run.awsUnavailable ? { awsUnavailable: run.awsUnavailable } : {}),
          at,
          finishedAt,
          durationMs: finishedAt - started,
        };
      },
      onScan: (s) => {
        const failing = s.failing.length
          ? `; ${s.failing.length} source${s.failing.length === 1 ? '' : 's'} failing (last values kept): ${s.failing
              .slice(0, 3)
              .map((f) => f.why)
              .join('; ')}${s.failing.length > 3 ? '; ...' : ''}`
          : '';
        io.stderr.write(
          `certgate: scan ${s.scan}: ${s.certificates} certificate${s.certificates === 1 ? '' : 's'}${failing}\n`,
        );
      },
      onScanError: (e) =>
        io.stderr.write(errorLine(`scan failed: ${e instanceof Error ? e.message : String(e)}`)),
    });
  } catch (e) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE' ? 'the address is in use' : code === 'EACCES' ? 'permission denied' : String(e);
    io.stderr.write(errorLine(`--serve ${where(settings.listen.host, settings.listen.port)}: ${why}`));
    return EXIT_USAGE;
  }
  const { address, port } = running.address;
  io.stderr.write(
    `certgate: serving /metrics on ${where(address, port)}, scanning every ${humanInterval(settings.intervalMs)} (stop with Ctrl-C)\n`,
  );
  await running.stopped;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  io.stderr.write('certgate: stopped\n');
  return EXIT_OK;
}

function humanInterval(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${ms / 1000}s`;
}
