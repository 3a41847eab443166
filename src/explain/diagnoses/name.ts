/**
 * The diagnosis of a name mismatch ("Hostname/IP does not match certificate's altnames", curl's
 * "no alternative certificate subject name", ERR_CERT_COMMON_NAME_INVALID, ...). When the message
 * lists the certificate's names, the host is matched against them with the names layer (RFC 6125
 * / RFC 9525, as clients do) and the near miss that applies comes first: a wildcard at the apex,
 * a wildcard one label short, a CN-only certificate, another site's certificate.
 */

import { parse } from 'tldts';
import { docsPath } from '../../findings/catalog.js';
import { type HostnameMatch, type MatchHint, matchHostname, parseReference } from '../../names/hostname.js';
import { parseIpAddress } from '../../names/ip-address.js';
import { isPublicSuffix } from '../../pki/public-suffix.js';
import { servedChain } from '../commands.js';
import type { Diagnosis, Extracted } from '../types.js';
import type { CauseText } from './cloudfront-causes.js';
import { TLS_CAUSES } from './tls-causes.js';
import { listNames } from './words.js';

/** Certificates platforms serve when no custom certificate matches the host, by SAN suffix. */
const PLATFORM_DEFAULTS: readonly (readonly [suffix: string, what: string])[] = [
  [
    'cloudfront.net',
    "CloudFront's default certificate: the request reached CloudFront, but the distribution DNS points at has no alias for this host with a certificate covering it",
  ],
  [
    'ingress.local',
    "the NGINX ingress controller's fake default certificate: no Ingress TLS section matches this host",
  ],
  ['traefik.default', "Traefik's default certificate: no router with TLS matches this host"],
  [
    'amazonaws.com',
    "an AWS endpoint's own certificate: the request reached the AWS service directly, not your custom domain",
  ],
  [
    'herokuapp.com',
    "Heroku's default certificate: the custom domain is not set up (or has no certificate) on the app",
  ],
  ['azurewebsites.net', "Azure App Service's default certificate: no TLS binding for this host"],
  ['github.io', "GitHub Pages' default certificate: the custom domain's certificate is not issued yet"],
  ['netlify.app', "Netlify's default certificate: the custom domain is not attached to the site"],
  ['vercel.app', "Vercel's default certificate: the custom domain is not attached to the project"],
];

const C = TLS_CAUSES;
const cause = {
  notListed: C['name-not-listed'],
  apex: C['wildcard-apex'],
  depth: C['wildcard-depth'],
  endpoint: C['wrong-endpoint'],
  cnOnly: C['cn-only'],
  ipSan: C['ip-san'],
  malformed: (e: Extracted, hint: Extract<MatchHint, { kind: 'MalformedSan' }>): CauseText => ({
    id: 'malformed-san',
    cause: `the SAN ${hint.presented} would cover the host if it were well formed: ${hint.error.reason}`,
    check:
      'reissue the certificate with the name written as a plain A-label DNS name, wildcard only as the whole leftmost label',
    command: servedChain(e, 'verify'),
    code: 'NAME_MISMATCH',
  }),
};

/** The parent a wildcard would need, when it is not a public suffix (`*.co.uk` is never issued). */
function wildcardFor(host: string): string | undefined {
  const dot = host.indexOf('.');
  const parent = dot === -1 ? '' : host.slice(dot + 1);
  if (!parent.includes('.') || isPublicSuffix(parent)) return undefined;
  return `*.${parent}`;
}

function platformOf(names: readonly string[], host: string): readonly [string, string] | undefined {
  for (const [suffix, what] of PLATFORM_DEFAULTS) {
    const under = (n: string) => n === suffix || n.endsWith(`.${suffix}`);
    const san = names.find((n) => under(n.toLowerCase()));
    if (san && !under(host)) return [san, what];
  }
  return undefined;
}

/** Whether any SAN shares the host's registrable domain (example.com for api.example.com). */
function sharesDomain(names: readonly string[], host: string): boolean {
  const domain = parse(host).domain;
  if (!domain) return true;
  return names.some((n) => {
    const base = n.toLowerCase().replace(/^\*\./, '');
    return base === domain || base.endsWith(`.${domain}`);
  });
}

type Verdict = [diagnosis: string, causes: CauseText[]];

/** A wildcard or malformed SAN that nearly covered the host. */
function nearMiss(e: Extracted, host: string, hint: MatchHint | undefined): Verdict | undefined {
  switch (hint?.kind) {
    case 'WildcardDoesNotCoverApex':
      return [
        `${host} is not covered: ${hint.wildcard} covers names one label below ${host}, never ${host} itself; add ${host} as a SAN next to the wildcard`,
        [cause.apex(e), cause.endpoint(e)],
      ];
    case 'WildcardCoversOneLabel': {
      const wider = wildcardFor(host);
      return [
        `${host} is not covered: ${hint.wildcard} stands for exactly one label and ${host} has ${hint.labels} in its place; add ${wider ?? host}${wider ? ` or ${host}` : ''}`,
        [cause.depth(e), cause.endpoint(e)],
      ];
    }
    case 'MalformedSan':
      return [
        `${host} is not covered: ${hint.presented} is malformed (${hint.error.reason})`,
        [cause.malformed(e, hint), cause.notListed(e)],
      ];
    default:
      return undefined;
  }
}

/** No near miss: another site's certificate, or a name simply not listed. */
function notListed(e: Extracted, host: string, names: readonly string[], listed: string): Verdict {
  if (names.length > 0 && !sharesDomain(names, host)) {
    return [
      `${host} is not covered: the certificate has ${listed}, none of them under ${parse(host).domain}: it is another site's certificate, so the connection reached another server`,
      [cause.endpoint(e), cause.notListed(e)],
    ];
  }
  const wildcard = wildcardFor(host);
  const covering = wildcard
    ? `; ${host} itself or a wildcard ${wildcard} would cover it`
    : `; add ${host} as a SAN`;
  return [
    `${host} is not covered: the certificate has ${listed || 'no names for it'}${covering}`,
    [cause.notListed(e), cause.endpoint(e)],
  ];
}

/** The one-line verdict and the causes, most specific first, from the names in the message. */
function analyse(e: Extracted, host: string, isIp: boolean, match: HostnameMatch): Verdict {
  const names = e.dnsNames ?? [];
  const listed = listNames([...names, ...(e.ipAddresses ?? [])]);
  if (match.matched) {
    return [
      `by the names in the message, ${match.by} covers ${host}: the client checked another name or certificate than the one listed (a proxy, a redirect to another host, or no SNI sent)`,
      [cause.endpoint(e), cause.notListed(e)],
    ];
  }
  if (isIp) {
    return [
      `${host} is an IP address and the certificate has no IP Address SAN for it${listed ? `; it has ${listed}` : ''}`,
      [cause.ipSan(e), cause.endpoint(e)],
    ];
  }
  const hint = match.hint;
  if (hint?.kind === 'NoSubjectAltName' || (names.length === 0 && e.commonName)) {
    const cn = e.commonName ?? (hint?.kind === 'NoSubjectAltName' ? hint.commonNames.join(', ') : '');
    return [
      `the certificate has no DNS subjectAltName${cn ? `, only the CN ${cn}` : ''}, and it does not match ${host}`,
      [cause.cnOnly(e), cause.endpoint(e), cause.notListed(e)],
    ];
  }
  const platform = platformOf(names, host);
  if (platform) {
    return [
      `${host} is not covered: the certificate served is ${platform[1]} (${platform[0]})`,
      [cause.endpoint(e), cause.notListed(e)],
    ];
  }
  return nearMiss(e, host, hint) ?? notListed(e, host, names, listed);
}

/** Diagnoses a name mismatch from whatever the message told. */
export function diagnoseNameMismatch(e: Extracted): Diagnosis {
  const meaning =
    "The server's certificate is not for the name the client connected to. Clients compare the host name with the certificate's subjectAltName DNS entries only (an IP address with its IP Address entries); a wildcard *.example.com stands for exactly one label.";
  const docs = [docsPath('NAME_MISMATCH')];
  const target = e.host ?? e.ip;
  const reference = target ? parseReference(target.replace(/\.$/, '')) : undefined;
  const known = e.dnsNames !== undefined || e.ipAddresses !== undefined || e.commonName !== undefined;
  if (!reference?.ok || !known) {
    // Java's "No subject alternative names present", Go's legacy-CN error: no SAN at all.
    const noSans = e.dnsNames?.length === 0 && e.ipAddresses?.length === 0;
    return {
      meaning,
      ...(noSans ? { diagnosis: 'the certificate has no subjectAltName at all' } : {}),
      causes: noSans
        ? [cause.cnOnly(e), cause.endpoint(e), cause.notListed(e)]
        : [cause.notListed(e), cause.apex(e), cause.depth(e), cause.endpoint(e), cause.cnOnly(e)],
      docs,
    };
  }
  const ipAddresses = (e.ipAddresses ?? []).flatMap((text) => {
    const ip = parseIpAddress(text);
    return ip.ok ? [ip.value.bytes] : [];
  });
  const match = matchHostname(
    { dnsNames: e.dnsNames ?? [], ipAddresses, commonNames: e.commonName ? [e.commonName] : [] },
    reference.value,
  );
  const isIp = reference.value.kind === 'ip';
  const host = reference.value.kind === 'ip' ? reference.value.text : reference.value.name;
  const [diagnosis, causes] = analyse(e, host, isIp, match);
  return { meaning, diagnosis, causes, docs };
}
