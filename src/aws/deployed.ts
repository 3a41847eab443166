/**
 * `check --distribution-id ID... --aws` and `--all-distributions`: deployed distributions read
 * straight from the account, as the subjects of the run. Each is read from get-distribution output
 * (or, for all of them, list-distributions output) by the same reader as the AWS CLI files.
 */

import type { Distribution } from '../cloudfront/model.js';
import type { Finding } from '../findings/finding.js';
import type { UnreadableInput } from '../findings/input-error.js';
import { readCloudFrontOutput } from '../sources/aws-cli.js';
import { unreadableInput } from '../sources/document.js';
import { collected } from '../sources/fields.js';
import { parseJsonDocument } from '../sources/json-document.js';
import { getDistribution, listDistributions } from './cloudfront.js';
import { accountDistributions } from './documents.js';
import { type FailedCall, failureFindings } from './failure-findings.js';
import { mapLimit } from './pool.js';
import { AwsSession } from './session.js';
import type { AwsFailure, AwsOptions } from './types.js';

/** Which deployed distributions to check. */
export type DeployedSelection = { readonly ids: readonly string[] } | { readonly all: true };

/** The distributions read, the ids the account does not have (exit 2), and failed calls. */
export interface DeployedInputs {
  readonly distributions: readonly Distribution[];
  readonly errors: readonly UnreadableInput[];
  readonly sourceFindings: readonly { readonly distributionId?: string; readonly finding: Finding }[];
  /** Set when no distribution could be read at all because every call failed (exit 3). */
  readonly nothingRead?: AwsFailure;
}

const getSource = (id: string) => `aws cloudfront get-distribution (${id})`;

/** Reads the selected distributions from the account. Never throws for an AWS failure. */
export async function fetchDeployed(
  selection: DeployedSelection,
  options: AwsOptions = {},
): Promise<DeployedInputs> {
  const session = await AwsSession.open(options);
  try {
    return await readDeployed(session, selection);
  } finally {
    session.close();
  }
}

/** Reads the selected distributions through an open session (`probe --from-aws` shares it). */
export function readDeployed(session: AwsSession, selection: DeployedSelection): Promise<DeployedInputs> {
  return 'all' in selection ? all(session) : byIds(session, selection.ids);
}

async function all(session: AwsSession): Promise<DeployedInputs> {
  const listed = await listDistributions(session);
  if (listed.ok) return { distributions: accountDistributions(listed.value), errors: [], sourceFindings: [] };
  const failed = [
    { failure: listed.failure, unchecked: 'the distributions of the account (--all-distributions)' },
  ];
  return {
    distributions: [],
    errors: [],
    sourceFindings: failureFindings(failed),
    nothingRead: listed.failure,
  };
}

async function byIds(session: AwsSession, ids: readonly string[]): Promise<DeployedInputs> {
  const out = collected();
  const errors: UnreadableInput[] = [];
  const failed: FailedCall[] = [];
  await mapLimit([...new Set(ids)], 4, async (id) => {
    const got = await getDistribution(session, id);
    if (got.ok) {
      readCloudFrontOutput(
        parseJsonDocument(getSource(id), JSON.stringify(got.value)),
        'cloudfront-distribution',
        out,
      );
    } else if (got.failure.kind === 'not-found') {
      // a distribution named on the command line that the account does not have is a bad input
      errors.push(
        unreadableInput(
          getSource(id),
          `no such distribution in the account (${got.failure.message})`,
        ).toUnreadableInput(),
      );
    } else {
      failed.push({ failure: got.failure, unchecked: `distribution ${id}` });
    }
  });
  const first = failed[0]?.failure;
  return {
    distributions: out.distributions,
    errors,
    sourceFindings: [...out.findings, ...failureFindings(failed)],
    ...(out.distributions.length === 0 && errors.length === 0 && first ? { nothingRead: first } : {}),
  };
}
