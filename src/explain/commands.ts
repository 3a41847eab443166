/**
 * The commands a diagnosis suggests, filled with the names found in the message. Those names
 * come from pasted, untrusted text and end up in a line the user may copy into a shell, so a
 * value goes into a command only when it parses as what it claims to be (a host name, an IP
 * address, an ARN, a distribution id); otherwise the command keeps a `<placeholder>`.
 */

import { parseReference } from '../names/hostname.js';
import type { Extracted } from './types.js';

/** The target a TLS command connects to: a validated host name or IP address. */
interface Target {
  readonly name: string;
  readonly isIp: boolean;
  readonly port: number;
}

function targetOf(e: Extracted): Target {
  const port = e.port ?? 443;
  for (const candidate of [e.host, e.ip]) {
    if (candidate === undefined) continue;
    const parsed = parseReference(candidate);
    if (parsed.ok) {
      return parsed.value.kind === 'ip'
        ? { name: parsed.value.text, isIp: true, port }
        : { name: parsed.value.name, isIp: false, port };
    }
  }
  return { name: '<host>', isIp: false, port };
}

/** The host (or IP) a command will use, `<host>` when none was found. */
export function targetName(e: Extracted): string {
  return targetOf(e).name;
}

/**
 * `openssl s_client` fetching the chain the server really sends (with SNI), piped into
 * `certgate verify` (path and name, Mozilla roots) or `certgate inspect` (dates, subjects).
 */
export function servedChain(e: Extracted, then: 'verify' | 'inspect', extra = ''): string {
  const t = targetOf(e);
  const connect = t.isIp && t.name.includes(':') ? `[${t.name}]:${t.port}` : `${t.name}:${t.port}`;
  // RFC 6066 §3: SNI carries host names only, never an IP literal.
  const sni = t.isIp ? '' : ` -servername ${t.name}`;
  const fetch = `openssl s_client -connect ${connect}${sni} -showcerts </dev/null 2>/dev/null`;
  if (then === 'inspect') return `${fetch} | certgate inspect -`;
  const reference = t.isIp ? `--ip ${t.name}` : `--host ${t.name}`;
  return `${fetch} | certgate verify - ${reference}${extra}`;
}

const SAFE_ARN = /^arn:aws[a-z-]{0,10}:acm:[a-z0-9-]{1,32}:\d{12}:certificate\/[0-9a-f-]{36}$/;
const SAFE_ID = /^E[0-9A-Z]{9,15}$/;

/** The certificate ARN, validated, or a placeholder. */
export function arnOf(e: Extracted): string {
  return e.certificateArn && SAFE_ARN.test(e.certificateArn) ? e.certificateArn : '<certificate-arn>';
}

/** The region an ACM command must use: the ARN's own, else us-east-1 (where CloudFront looks). */
function regionOf(e: Extracted): string {
  return e.region && /^[a-z]{2}(?:-[a-z]{1,12}){1,3}-\d$/.test(e.region) ? e.region : 'us-east-1';
}

/** The distribution id, validated, or a placeholder. */
export function distributionIdOf(e: Extracted): string {
  return e.distributionId && SAFE_ID.test(e.distributionId) ? e.distributionId : '<distribution-id>';
}

/** `aws acm describe-certificate` into `acm.json`: the evidence `certgate check --cert` reads. */
export function acmEvidence(e: Extracted): string {
  return `aws acm describe-certificate --region ${regionOf(e)} --certificate-arn ${arnOf(e)} > acm.json`;
}

/** The certificate and chain of an ACM certificate (imported ones), piped into certgate. */
export function acmChain(e: Extracted, then: 'verify' | 'inspect'): string {
  return (
    `aws acm get-certificate --region ${regionOf(e)} --certificate-arn ${arnOf(e)} ` +
    `--query '[Certificate,CertificateChain]' --output text | certgate ${then} -`
  );
}

/** The distribution config as the API sees it. */
export function distributionConfig(e: Extracted, file = 'dist.json'): string {
  return `aws cloudfront get-distribution-config --id ${distributionIdOf(e)} > ${file}`;
}

/**
 * `certgate check` on the input the wrapper suggests (a CloudFormation template, `cdk.out`, a
 * Terraform plan as JSON, or the distribution config), with the ACM certificate as evidence.
 */
export function gateCheck(e: Extracted, withEvidence = true): string {
  const cert = withEvidence ? ' --cert acm.json' : '';
  const evidence = withEvidence ? `${acmEvidence(e)} && ` : '';
  switch (e.wrapper) {
    case 'cloudformation':
      return `${evidence}certgate check template.yaml${cert}`;
    case 'cdk':
      return `${evidence}certgate check cdk.out${cert}`;
    case 'terraform':
      return `terraform show -json plan.out > plan.json && ${evidence}certgate check plan.json${cert}`;
    default:
      return `${distributionConfig(e)} && ${evidence}certgate check dist.json${cert}`;
  }
}
