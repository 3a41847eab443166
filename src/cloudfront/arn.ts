/**
 * ACM certificate ARNs: `arn:<partition>:acm:<region>:<account>:certificate/<id>` (BOTO-ACM;
 * cfn-lint E1159 checks the same shape). The region and account are what CF-02 and CF-03 read.
 */

/** The parts of an ACM certificate ARN. */
interface AcmArn {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  readonly certificateId: string;
}

const ACM_ARN = /^arn:([a-z-]+):acm:([a-z0-9-]*):(\d{12}):certificate\/([\w-]+)$/;

/** Parses an ACM certificate ARN; undefined when the text is not one. */
export function parseAcmArn(text: string): AcmArn | undefined {
  const m = ACM_ARN.exec(text.trim());
  if (!m) return undefined;
  return { partition: m[1]!, region: m[2]!, accountId: m[3]!, certificateId: m[4]! };
}

const ACM_ARN_START = /^arn:([a-z-]+):acm:([a-z0-9-]*):/;

/**
 * The partition and region of an ACM ARN known only in part (assembled at deploy time), from the
 * text it certainly starts with: undefined unless the region is there whole, up to its `:`.
 */
export function acmArnRegionOf(start: string): { partition: string; region: string } | undefined {
  const m = ACM_ARN_START.exec(start.trimStart());
  return m ? { partition: m[1]!, region: m[2]! } : undefined;
}
