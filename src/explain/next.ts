/**
 * What to paste or run next, when the paste does not settle the cause: no evidence rule spoke
 * and the error itself is one several causes print. Each family says which missing fact tells
 * its causes apart, and the command that shows it.
 */

import { arnOf, targetName } from './commands.js';
import type { ExplainMatch } from './types.js';

/** The hint for a match, by the family of its first cause; undefined when the paste is enough. */
export function nextStep(m: ExplainMatch): string | undefined {
  if (m.causes.some((c) => c.evidence !== undefined)) return undefined;
  const e = m.extracted;
  const host = targetName(e);
  const first = m.causes[0]?.id;
  if (m.causes.length < 2 || first === undefined) return undefined;
  switch (first) {
    case 'missing-intermediate':
      if (e.servedCertificates !== undefined) return undefined;
      return `the paste does not show the chain the server sends or the client's setup: paste the output of 'openssl s_client -connect ${host}:${e.port ?? 443} -servername ${host} -showcerts </dev/null', say which program (and OS, container or proxy) printed the error, and whether a browser on the same machine opens the site`;
    case 'name-not-listed':
    case 'wrong-endpoint':
      if (e.dnsNames !== undefined && e.dnsNames.length > 0) return undefined;
      return `the paste does not list the certificate's names: 'certgate probe ${host}' shows the certificate served for the name (and 'dig +short ${host}' where DNS leads)`;
    case 'no-sni':
    case 'protocol-mismatch':
      return `the paste does not say what the server accepts: 'certgate probe ${host}' and 'openssl s_client -connect ${host}:${e.port ?? 443} -servername ${host} -tls1_2' show whether a certificate comes back for the name and which versions work; say which client and version failed`;
    case 'leaf-expired':
      if (e.notAfter !== undefined || e.depth !== undefined) return undefined;
      return `the paste does not say which certificate is out of date: 'certgate probe ${host}' prints the dates of every certificate served; compare with 'date -u' on the client`;
    case 'CF-02':
    case 'CF-03':
      if (e.certificateArn !== undefined) return undefined;
      return `the paste does not name the certificate: paste the distribution's ViewerCertificate and the output of 'aws acm describe-certificate --region us-east-1 --certificate-arn ${arnOf(e)}' (or run 'certgate check' on the template with --aws)`;
    default:
      return undefined;
  }
}
