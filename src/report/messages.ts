/**
 * Words for findings: code + args → one sentence saying what is wrong, and one saying how to fix
 * it. Rules never word their findings; every formatter (text, JSON, SARIF) words them here, so the
 * outputs agree.
 */

import { clientErrorsForFinding } from '../clients/client-errors-for-finding.js';
import type { FindingCode } from '../findings/catalog.js';
import type { Finding } from '../findings/finding.js';
import type { FindingArgs } from '../findings/types.js';
import { AWS_WORDINGS } from './messages-aws.js';
import { CF_WORDINGS } from './messages-cf.js';
import { DIFF_WORDINGS } from './messages-diff.js';
import { EXPIRY_WORDINGS } from './messages-expiry.js';
import { describeNameMismatch } from './messages-name.js';
import { PATH_WORDINGS } from './messages-path.js';
import { PROBE_WORDINGS } from './messages-probe.js';
import { PROFILE_WORDINGS } from './messages-profile.js';
import { clientClause, days, str } from './wording.js';

/** A finding in words. */
export interface FindingText {
  readonly message: string;
  readonly fix?: string;
}

type Wording = (args: FindingArgs) => FindingText;

const WORDINGS: Record<FindingCode, Wording> = {
  ...PATH_WORDINGS,
  ...CF_WORDINGS,
  ...DIFF_WORDINGS,
  ...EXPIRY_WORDINGS,
  ...PROFILE_WORDINGS,
  ...AWS_WORDINGS,
  ...PROBE_WORDINGS,
  NAME_MISMATCH: describeNameMismatch,
  CERT_EXPIRED: (a) => ({
    message: `certificate ${str(a.subject)} expired on ${str(a.notAfter)} (${days(a.daysAgo)} ago)`,
    fix: 'renew or reissue the certificate and deploy the new one with its chain',
  }),
  CERT_NOT_YET_VALID: (a) => ({
    message: `certificate ${str(a.subject)} is not valid until ${str(a.notBefore)} (${days(a.daysUntil)} from now)`,
    fix: 'wait until notBefore, or check the clock of the machine that issued it',
  }),
  CERT_EXPIRES_SOON: (a) => ({
    message: `certificate ${str(a.subject)} expires on ${str(a.notAfter)}, in ${days(a.daysLeft)} (warning window: ${days(a.warnDays)})`,
    fix: 'renew it now; an imported certificate never renews by itself',
  }),
  CERT_NO_SUBJECT_ALT_NAME: (a) => ({
    message: `certificate ${str(a.subject)} has no subjectAltName extension; browsers, Node, Go and curl ignore the subject CN${a.commonName ? ` (${str(a.commonName)})` : ''}, so no host name will match it`,
    fix: 'reissue the certificate with every host name listed as a DNS subjectAltName',
  }),
  CERT_WEAK_RSA_KEY: (a) => ({
    message: `certificate ${str(a.subject)} has a ${str(a.bits)}-bit RSA key; the web PKI requires at least 2048 bits`,
    fix: 'reissue with an RSA 2048+ or ECDSA P-256 key',
  }),
  CERT_WEAK_SIGNATURE_ALGORITHM: (a) => ({
    message: `certificate ${str(a.subject)} is signed with ${str(a.algorithm)}; clients reject SHA-1 and MD5 signatures`,
    fix: 'reissue the certificate from a CA that signs with SHA-256 or better',
  }),
  CERT_MALFORMED_EXTENSION: (a) => ({
    message: `certificate ${str(a.subject)} has a ${str(a.extension)} extension whose value does not decode (${str(a.reason)}${a.offset !== undefined ? `, at byte ${str(a.offset)}` : ''}); Chrome does not parse such a certificate and OpenSSL marks it invalid (verify error 41), so no client will accept it`,
    fix: 'have the CA reissue the certificate: the extension was encoded wrongly (RFC 5280 §4.2 gives each extension its ASN.1)',
  }),
  INPUT_NO_DISTRIBUTION: (a) => ({
    message: `${str(a.source)} has no CloudFront distribution or distribution tenant, so nothing in it was checked: it was read as ${str(a.kind)}${a.type !== undefined ? `; resource ${str(a.resource)} has type ${str(a.type)}: did you mean ${str(a.closeTo)}?` : ''}${a.types !== undefined ? `, with resources of type ${str(a.types)}` : ''}${a.nothingChecked ? '; no input of the run has one' : ''}`,
    fix: 'correct the resource type or the path to the input; give certificate evidence with --cert, not as an INPUT; pass --allow-empty where an input without distributions is expected',
  }),
  INPUT_PRIVATE_KEY_SKIPPED: (a) => ({
    message: `${str(a.source)} contains ${str(a.count)} private key block${Number(a.count) === 1 ? '' : 's'}; certgate skipped ${Number(a.count) === 1 ? 'it' : 'them'} and never prints key material`,
    fix: 'keep private keys out of files that are shared, committed or uploaded as CI artifacts',
  }),
  INPUT_UNRESOLVED_VALUE: (a) => ({
    message: `${str(a.field)} of ${str(a.distribution)} cannot be resolved before deploy (${str(a.reason)}); not checked: ${str(a.skipped) || 'the rules that read it'}`,
    fix: 'give the value with --parameter KEY=VALUE, or check the deployed distribution with aws cloudfront get-distribution-config output',
  }),
  INPUT_EVIDENCE_UNMATCHED: (a) => ({
    message: `certificate evidence ${str(a.key)} from ${str(a.source)} matches no distribution in the inputs`,
    fix: 'check the ARN or IAM certificate id; --cert ARN=FILE binds a PEM chain to the certificate a distribution references',
  }),
  INPUT_EXTRA_CA_CERTS_UNREADABLE: (a) => ({
    message: `NODE_EXTRA_CA_CERTS names ${str(a.file)}, which cannot be used (${str(a.reason)}); Node.js ignores it with a warning, and so does certgate: the chain was verified against the Mozilla roots alone`,
    fix: 'point NODE_EXTRA_CA_CERTS at a readable PEM file of your extra roots, or unset it',
  }),
  INPUT_NOT_EXAMINED: (a) => ({
    message: `${str(a.part) || 'part of the input'} in ${str(a.source)} was not examined: ${str(a.reason)}; the verdict does not cover it${a.skipped !== undefined ? ` (not checked: ${str(a.skipped)})` : ''}`,
    fix: 'bring the input within the limit (or check that part on its own); certgate never passes what it did not read',
  }),
  INPUT_TEMPLATE_INVALID: (a) =>
    a.parameter !== undefined
      ? {
          message: `parameter ${str(a.parameter)} of ${str(a.source) || 'the template'} breaks its own constraints: ${str(a.reason)}; CloudFormation refuses to create or update the stack with it, so the deploy fails before CloudFront sees it`,
          fix: `give ${str(a.parameter)} a value its constraints allow (--parameter ${str(a.parameter)}=VALUE here, the same in the deploy), or widen the constraints in the template`,
        }
      : {
          message: `resource ${str(a.resource)} breaks a CloudFormation rule: ${str(a.reason)}; CloudFormation refuses the template, so the deploy fails before CloudFront sees it${a.skipped !== undefined ? ` (not checked: ${str(a.skipped)})` : ''}`,
          fix: 'write the value as CloudFormation requires (Aliases is a list of strings; each function takes the arguments its reference page lists)',
        },
  INPUT_DUPLICATE_KEY: (a) => ({
    message: `key ${str(a.key)} is written more than once in ${str(a.mapping) || 'a mapping'} of ${str(a.source)}${a.more ? ` (and ${str(a.more)} more repeated keys)` : ''}; CloudFormation keeps the last value, and so does certgate`,
    fix: 'remove the earlier copy, or merge the two; cfn-lint reports these as E0000',
  }),
  INPUT_NESTED_STACK_NOT_READ: (a) => ({
    message: `nested stack ${str(a.stack)} of ${str(a.source)} was not read: ${str(a.reason)}; the distributions and certificates in it are not checked`,
    fix: 'give the child template as an input too (check it with the parameters the parent passes), or point TemplateURL at a local file as aws cloudformation package expects',
  }),
  INPUT_CONDITIONS_CAPPED: (a) => ({
    message: `${str(a.distribution)} depends on ${str(a.count)} conditions whose value is unknown; every combination of ${str(a.checked)} was checked, ${str(a.unchecked)} stay unresolved`,
    fix: 'give the parameters the conditions read with --parameter KEY=VALUE',
  }),
  INPUT_PARAMETERS_NEEDED: (a) => ({
    message: `${str(a.source)}: the verdict depends on ${a.count === 1 ? 'parameter' : 'parameters'} ${str(a.parameters)}, which ${a.count === 1 ? 'has' : 'have'} no value; give ${str(a.give)} to check fully`,
    fix: 'pass each with --parameter KEY=VALUE (pseudo parameters too: --parameter AWS::Region=us-east-1), or --region / --account',
  }),
  CONFIG_IGNORE_EXPIRED: (a) => ({
    message: `${str(a.entry)} at ${str(a.source)} (reason: ${str(a.reason)}) expired on ${str(a.expires)}; the findings it matched count again`,
    fix: 'fix what it ignored, or extend expires after review (a new date, with the reason still true)',
  }),
  CONFIG_IGNORE_INVALID: (a) => ({
    message: `certgate ignore in ${str(a.source)}${a.resource !== undefined ? ` on ${str(a.resource)}` : ''} is not used: ${str(a.problem)}`,
    fix: 'write it as {code: CODE, reason: why} in Metadata.certgate.ignore, or `# certgate:ignore CODE reason` in a .tf file; certgate rules lists the codes',
  }),
  INPUT_CHAIN_OUT_OF_ORDER: (a) => ({
    message: `${str(a.source)} lists the chain out of order (file order ${str(a.fileOrder)}); TLS servers must send the leaf first, then each issuer`,
    fix: 'reorder the file: leaf first, then the intermediate that signed it, and so on up to the root',
  }),
};

/**
 * The message and fix of a finding. For failures TLS clients report themselves (path
 * validation, name checks, validity), the message ends with what OpenSSL, Node.js, curl and
 * browsers say, so a pasted client error can be found in certgate's output.
 */
export function describeFinding(finding: Pick<Finding, 'code' | 'args'>): FindingText {
  const { message: said, fix } = WORDINGS[finding.code](finding.args);
  // a finding only some condition values lead to (src/check/variants.ts) says which
  const when = finding.args.when;
  const message = typeof when === 'string' && when !== '' ? `${said} (when ${when})` : said;
  const clause = clientClause(clientErrorsForFinding(finding));
  return { message: clause ? `${message}; ${clause}` : message, ...(fix ? { fix } : {}) };
}
