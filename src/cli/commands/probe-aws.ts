/**
 * `probe --from-aws`: the probe targets of the account's deployed distributions. Each alias is
 * dialled at its distribution's own domain (`d111111abcdef8.cloudfront.net`) with the alias as
 * SNI, so what CloudFront serves for it is proven whatever DNS points at today, and it must serve
 * the certificate the distribution has attached (unless `--expect` says otherwise).
 *
 * What the account could not give is said on stderr, one line each: a distribution that could not
 * be read is not probed, a certificate that could not be read leaves its aliases probed without
 * an expected certificate. When nothing at all could be read, the run stops with exit 3.
 */

import type { UnreadableInput } from '../../findings/input-error.js';
import { targetsFromDistributions } from '../../probe/from.js';
import type { ProbeResult, ProbeTarget } from '../../probe/types.js';
import { describeFinding } from '../../report/messages.js';
import type { CliIO } from '../io.js';

/** What `--from-aws` takes from the probe's options. */
export interface FromAwsOptions {
  readonly distributionId?: readonly string[];
  readonly profile?: string;
  readonly port: number;
  readonly wildcardLabel?: string;
  /** An explicit `--expect` is for every target; without it each alias expects its own certificate. */
  readonly expect?: string;
}

/** The account could not be read at all: one line, exit 3. */
export class AccountUnavailable extends Error {}

/** Whether the options ask for the account's distributions. */
export function wantsFromAws(opts: { fromAws?: boolean } & FromAwsOptions): boolean {
  return opts.fromAws === true || (opts.distributionId?.length ?? 0) > 0 || opts.profile !== undefined;
}

/** The targets of the account's distributions, the aliases skipped, and the ids the account does not have. */
export async function accountTargets(
  opts: FromAwsOptions,
  io: CliIO,
): Promise<{ targets: ProbeTarget[]; skipped: ProbeResult[]; errors: readonly UnreadableInput[] }> {
  const { fetchProbeInputs } = await import('../../aws/probe-source.js');
  const ids = opts.distributionId ?? [];
  const read = await fetchProbeInputs(ids.length > 0 ? { ids } : { all: true }, {
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
  });
  if (read.nothingRead) {
    const f = read.nothingRead;
    throw new AccountUnavailable(
      `--from-aws: nothing could be read from the account: ${f.operation} failed (${f.kind}): ${f.message}`,
    );
  }
  for (const { finding } of read.sourceFindings)
    io.stderr.write(`certgate: warning: --from-aws: ${describeFinding(finding).message}\n`);
  for (const u of read.unread)
    io.stderr.write(
      `certgate: warning: --from-aws: ${u.failure.operation} ${u.arn} failed (${u.failure.kind}, needs ${u.failure.iamAction}): ${u.failure.message}; the aliases of ${u.distributions.join(', ')} are probed without an expected certificate\n`,
    );
  const from = targetsFromDistributions(read.distributions, {
    port: opts.port,
    viaDistributionDomain: true,
    ...(opts.wildcardLabel !== undefined ? { wildcardLabel: opts.wildcardLabel } : {}),
    ...(opts.expect === undefined ? { evidence: read.evidence } : {}),
  });
  if (from.targets.length === 0 && from.skipped.length === 0 && read.errors.length === 0)
    io.stderr.write(
      'certgate: warning: --from-aws: the account has no distribution with an alias; nothing to probe from it\n',
    );
  return { targets: from.targets, skipped: from.skipped, errors: read.errors };
}
