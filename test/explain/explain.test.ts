import { describe, expect, test } from 'vitest';
import { type ExplainMatch, explain, formatExplanationText, PATTERNS } from '../../src/explain/index.js';
import { CATALOG, docsPath, FINDING_CODES } from '../../src/findings/catalog.js';
import {
  CLOUDFRONT_VECTORS,
  CODE_VECTORS,
  type ExplainVector,
  FAMILY_VECTORS,
  TLS_VECTORS,
} from './vectors.js';

function only(input: string): ExplainMatch {
  const result = explain(input);
  expect(result.recognised, `not recognised: ${input.slice(0, 120)}`).toBe(true);
  expect(result.matches.map((m) => m.id)).toHaveLength(1);
  return result.matches[0]!;
}

function check(v: ExplainVector): void {
  const m = only(v.input);
  expect(m.id, v.name).toBe(v.id);
  if (v.extracted) expect(m.extracted, v.name).toMatchObject(v.extracted);
  if (v.client) expect(m.client, v.name).toBe(v.client);
  const first = m.causes[0]!;
  expect(first.rank).toBe(1);
  expect(first.cause, v.name).toContain(v.firstCause);
  if (v.command) expect(first.command, v.name).toContain(v.command);
  if (v.diagnosis) expect(m.diagnosis, v.name).toContain(v.diagnosis);
  expect(m.causes.map((c) => c.rank)).toEqual(m.causes.map((_, i) => i + 1));
}

describe('CloudFront errors', () => {
  test.each(CLOUDFRONT_VECTORS.map((v) => [v.name, v] as const))('%s', (_, v) => check(v));
});

describe('TLS client errors', () => {
  test.each(TLS_VECTORS.map((v) => [v.name, v] as const))('%s', (_, v) => check(v));
});

describe('more client families, and errors that are not about certificates', () => {
  test.each(FAMILY_VECTORS.map((v) => [v.name, v] as const))('%s', (_, v) => check(v));
});

describe('help links are not the failing host', () => {
  test.each([
    'curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html',
    'curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: http://curl.haxx.se/docs/sslcerts.html',
    'Error: self-signed certificate in certificate chain. For more details, see: https://help.example.com/tls',
  ])('%s', (input) => {
    const m = explain(input).matches[0]!;
    expect(m.extracted.host).toBeUndefined();
    expect(m.causes[0]!.command).toContain('<host>');
  });

  test('the host a client connected to still counts next to a help link', () => {
    const m = explain(
      '$ curl https://api.example.com/\ncurl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html',
    ).matches[0]!;
    expect(m.extracted.host).toBe('api.example.com');
  });
});

describe('a log with a generic failure and its reason', () => {
  test("Envoy's CERTIFICATE_VERIFY_FAILED comes after the reason its verifier logged", () => {
    const { matches } = explain(
      '[debug][connection] X509_verify_cert: certificate verification error at depth 1: certificate has expired\n[debug][connection] [C3] TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED',
    );
    expect(matches.map((m) => m.id)).toEqual([
      'openssl.certificate-has-expired',
      'boringssl.certificate-verify-failed',
    ]);
    expect(matches[0]!.extracted.depth).toBe(1);
    expect(matches[0]!.causes[0]!.id).toBe('intermediate-expired');
  });
});

describe('certgate finding codes', () => {
  test.each(CODE_VECTORS.map((v) => [v.name, v] as const))('%s', (_, v) => check(v));

  test('every catalog code is recognised and points at its docs page', () => {
    for (const code of FINDING_CODES) {
      const m = only(code);
      // CERT_NOT_YET_VALID is also Node's err.code for the same failure: either reading is right.
      if (m.id === 'certgate.finding-code') expect(m.extracted.findingCode).toBe(code);
      expect(m.docs, code).toContain(docsPath(code));
    }
  });
});

describe('InvalidViewerCertificate follows the rulebook order', () => {
  test('the bare code lists placement, state, chain, dates, trust, format, then coverage', () => {
    const rules = only('InvalidViewerCertificate').causes.map((c) => c.rule);
    expect(rules).toEqual([
      'CF-02',
      'CF-03',
      'CF-01',
      'CF-04',
      'CF-06',
      'CF-05',
      'CF-07',
      'CF-08',
      'CF-11',
      'CF-09',
      'CF-10',
      'CF-13',
    ]);
  });

  test('a rule names a finding code only when the catalog has it', () => {
    for (const m of [...CLOUDFRONT_VECTORS.map((v) => only(v.input))]) {
      for (const c of m.causes) if (c.code !== undefined) expect(Object.hasOwn(CATALOG, c.code)).toBe(true);
    }
    expect(only('InvalidViewerCertificate').causes.find((c) => c.rule === 'CF-09')?.code).toBe(
      'CF_ALIAS_NOT_COVERED',
    );
  });
});

describe('several errors in one text', () => {
  test('a CloudFormation event log: each error, in order, repeats merged', () => {
    const log = [
      'Resource handler returned message: "Invalid request provided: AWS::CloudFront::Distribution: One or more of the CNAMEs you provided are already associated with a different resource. (Service: CloudFront, Status Code: 409, Request ID: 11111111-2222-3333-4444-555555555555)"',
      'Resource handler returned message: "Invalid request provided: AWS::CloudFront::Distribution: The certificate that is attached to your distribution doesn\'t cover the alternate domain name (CNAME) that you\'re trying to add. (Service: CloudFront, Status Code: 400, Request ID: 66666666-7777-8888-9999-000000000000)"',
      'Resource handler returned message: "Invalid request provided: AWS::CloudFront::Distribution: One or more of the CNAMEs you provided are already associated with a different resource. (Service: CloudFront, Status Code: 409, Request ID: 11111111-2222-3333-4444-555555555555)"',
    ].join('\n');
    const { matches } = explain(log);
    expect(matches.map((m) => [m.id, m.line, m.occurrences])).toEqual([
      ['cloudfront.cname-already-exists', 1, 2],
      ['cloudfront.ivc.alias-not-covered', 2, 1],
    ]);
  });

  test('one message spelled three ways on its line (name, hex, text) is seen once; on two lines, twice', () => {
    const line =
      'curl: (35) schannel: next InitializeSecurityContext failed: CRYPT_E_REVOKED (0x80092010) - The certificate is revoked.';
    expect(explain(line).matches.map((m) => [m.id, m.occurrences])).toEqual([['windows.revoked', 1]]);
    expect(explain(`${line}\n${line}`).matches.map((m) => [m.id, m.occurrences])).toEqual([
      ['windows.revoked', 2],
    ]);
  });

  test('a bare code joins the message next to it instead of being a second error', () => {
    const text =
      "Error: Hostname/IP does not match certificate's altnames: Host: api.example.com. is not in the cert's altnames: DNS:www.example.com\n  code: 'ERR_TLS_CERT_ALTNAME_INVALID'\n\nError: certificate has expired\n  code: 'CERT_HAS_EXPIRED'";
    const { matches } = explain(text);
    expect(matches.map((m) => [m.id, m.extracted.clientCode])).toEqual([
      ['node.altnames', 'ERR_TLS_CERT_ALTNAME_INVALID'],
      ['openssl.certificate-has-expired', 'CERT_HAS_EXPIRED'],
    ]);
  });
});

describe('what is not recognised', () => {
  test.each([
    ['empty', ''],
    ['prose', 'the deploy failed, please help'],
    ['a lower-case code', 'invalidviewercertificate'],
    ['a code inside a word', 'XInvalidViewerCertificateX'],
  ])('%s', (_, input) => {
    expect(explain(input)).toEqual({ recognised: false, matches: [], truncated: false, omitted: 0 });
  });
});

describe('untrusted input', () => {
  const hostile: [string, string][] = [
    ['one long word', 'a'.repeat(1_000_000)],
    ['repeated Host: prefixes', 'Host: a'.repeat(20_000)],
    [
      'altnames without end',
      `Host: a.example.com. is not in the cert's altnames: ${'DNS:x, '.repeat(20_000)}`,
    ],
    ['Go list without ", not"', 'x509: certificate is valid for a'.repeat(5_000)],
    ['certificate without a verb', 'certificate '.repeat(20_000)],
    ['MalformedXML without the end', `Value '${'x'.repeat(60)}' at '${'a.'.repeat(30_000)}`],
    [
      'many distinct errors',
      Array.from(
        { length: 3000 },
        (_, i) => `Host: h${i}.example.com. is not in the cert's altnames: DNS:x`,
      ).join('\n'),
    ],
    ['nested quotes and codes', `${'CNAMEAlreadyExists "\\"'.repeat(5000)}`],
    ['s_client chain blocks without an end', 'Certificate chain\n 0 s:CN = a\n'.repeat(5000)],
    ['OkHttp without subjectAltNames', 'Hostname a.example.com not verified: '.repeat(3000)],
    [
      'HttpClient list without its bracket',
      `Certificate for <a.example.com> doesn't match any of the subject alternative names: [${'x, '.repeat(20_000)}`,
    ],
    [
      'pip certificate without its brace end',
      `Certificate did not match expected hostname: a.example.com. Certificate: {${"('DNS', 'x'), ".repeat(5000)}`,
    ],
    [
      'fifty errors, each with every kind of evidence around it',
      Array.from(
        { length: 60 },
        (_, i) =>
          `FROM alpine\ncURL error 60: SSL certificate problem: unable to get local issuer certificate h${i}\nbehind a corporate proxy, built with OpenSSL, https://https://x, Python 2.7.8, time="2014-01-01T00:00:00Z"`,
      ).join('\n'),
    ],
    ['evidence words without an error', 'built with OpenSSL against '.repeat(3000)],
  ];
  test.each(hostile)('%s: finishes fast and bounded', (_, input) => {
    const started = performance.now();
    const result = explain(input);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(result.matches.length).toBeLessThanOrEqual(50);
    expect(result.truncated).toBe(input.length > 64 * 1024);
  });

  test('matches beyond the cap are counted', () => {
    const input = Array.from(
      { length: 80 },
      (_, i) => `Host: h${i}.example.com. is not in the cert's altnames: DNS:x`,
    ).join('\n');
    const result = explain(input);
    expect(result.matches).toHaveLength(50);
    expect(result.omitted).toBe(30);
  });

  test('a name that is not a host never reaches a command', () => {
    const m = only("Host: $(id);touch$IFS$9x. is not in the cert's altnames: DNS:www.example.com");
    for (const c of m.causes) expect(c.command ?? '').not.toMatch(/\$\(|;touch/);
    expect(m.causes[0]!.command).toContain('--host <host>');
  });
});

describe('patterns', () => {
  test('ids are unique', () => {
    const ids = PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('every regex is global (scanned for every occurrence)', () => {
    for (const p of PATTERNS) expect(p.regex.flags, p.id).toContain('g');
  });
});

describe('formatExplanationText', () => {
  test('one block per error with the diagnosis and the numbered causes', () => {
    const text = formatExplanationText(
      explain(
        "Host: api.example.com. is not in the cert's altnames: DNS:www.example.com, DNS:*.static.example.com",
      ),
    );
    expect(text).toContain(
      "Node.js: Hostname/IP does not match certificate's altnames (host not in the SANs)",
    );
    expect(text).toContain(
      'Found: host api.example.com; certificate names www.example.com, *.static.example.com',
    );
    expect(text).toContain(
      'Diagnosis: api.example.com is not covered: the certificate has www.example.com and *.static.example.com; api.example.com itself or a wildcard *.example.com would cover it',
    );
    expect(text).toMatch(
      / {2}1\. the name is not in the certificate's subjectAltNames[^\n]*\(NAME_MISMATCH\)\n {5}check: /,
    );
    expect(text).toContain(
      '     run:   openssl s_client -connect api.example.com:443 -servername api.example.com -showcerts </dev/null 2>/dev/null | certgate verify - --host api.example.com',
    );
    expect(text).toContain('Docs: docs/rules/NAME_MISMATCH.md');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^1 error recognised\./);
  });

  test('nothing recognised: nothing printed', () => {
    expect(formatExplanationText(explain('hello'))).toBe('');
  });
});

// pastes seen in public threads, in the forms they travel in (helper review of 82 real pastes)
describe('pastes as they travel: HTML-escaped, quoted, without a reason', () => {
  test('HTML entities are decoded before the patterns read the text', () => {
    // aws-samples/aws-refarch-drupal#7, copied from a web page
    const m = explain(
      'The certificate that is attached to your distribution doesn&#39;t cover the alternate domain name (CNAME) that you&#x27;re trying to add. Error Code: InvalidViewerCertificate',
    ).matches[0]!;
    expect(m.id).toBe('cloudfront.ivc.alias-not-covered');
    const node = explain(
      'Hostname/IP does not match certificate&#39;s altnames: Host: api.example.com. is not in the cert&apos;s altnames: DNS:www.example.com',
    ).matches[0]!;
    expect(node.extracted).toMatchObject({ host: 'api.example.com', dnsNames: ['www.example.com'] });
  });

  test('an entity that is no character stays as written', () => {
    expect(explain('x509: certificate is valid for a&#0;b.example.com, not c.example.com').recognised).toBe(
      true,
    );
  });

  test("Python's CERTIFICATE_VERIFY_FAILED without a reason (before 3.7): an untrusted issuer", () => {
    // pypa/pip#3883
    const m = only(
      'Could not fetch URL https://pypi.python.org/simple/pip/: There was a problem confirming the ssl certificate: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:645) - skipping',
    );
    expect(m.id).toBe('python.certificate-verify-failed');
    expect(m.causes.map((c) => c.id)).toContain('client-trust-store');
  });

  test('with a reason, the reason speaks, not the bare form', () => {
    const ids = explain(
      '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1123)',
    ).matches.map((m) => m.id);
    expect(ids).not.toContain('python.certificate-verify-failed');
  });

  test('Go: a trusted issuer of the same name whose signature fails is a stale copy', () => {
    // distribution/distribution#2458
    const m = only(
      'Error response from daemon: Get https://registry.example.com:5000/v2/: x509: certificate signed by unknown authority (possibly because of "crypto/rsa: verification error" while trying to verify candidate authority certificate "registry.example.com")',
    );
    expect(m.extracted).toMatchObject({
      issuer: 'registry.example.com',
      issuerRejected: 'crypto/rsa: verification error',
    });
    expect(m.causes[0]!.id).toBe('stale-trusted-copy');
    // without the parenthesis, the usual order
    expect(only('x509: certificate signed by unknown authority').causes[0]!.id).not.toBe(
      'stale-trusted-copy',
    );
  });

  test('CertificateSource in double quotes, as CloudFront prints it', () => {
    // dlapiduz/certbot-s3front#12
    const m = explain(
      'An error occurred (InvalidViewerCertificate) when calling the UpdateDistribution operation: Cannot specify IAMCertificateId and a CertificateSource not equal to "iam"',
    ).matches[0]!;
    expect(m.id).toBe('cloudfront.ivc.legacy-certificate-source');
  });
});

// ansible-collections/community.aws#1424: IllegalUpdate about custom error responses
test('an IllegalUpdate about something else is not explained as a certificate change in progress', () => {
  const m = explain(
    'An error occurred (IllegalUpdate) when calling the UpdateDistribution operation: The specified list of custom error responses does not exist or is not valid.',
  ).matches[0]!;
  expect(m.id).toBe('cloudfront.code.IllegalUpdate');
  expect(m.meaning).toContain('the message after the code names what');
  expect(m.meaning).not.toContain('nothing is wrong with the certificate');
});

// phamleduy04/texas-dps-scheduler#131: the error object as console.log prints it, no message line
test("Node's error object alone: the reason's copy gives the host and the certificate's names", () => {
  const m = only(
    "  code: 'ERR_TLS_CERT_ALTNAME_INVALID',\n  reason: \"Host: publicapi.example.com. is not in the cert's altnames: DNS:*.app.azurewebsites.us, DNS:*.scm.app.azurewebsites.us\",\n",
  );
  expect(m.id).toBe('node.ERR_TLS_CERT_ALTNAME_INVALID');
  expect(m.extracted).toMatchObject({
    host: 'publicapi.example.com',
    dnsNames: ['*.app.azurewebsites.us', '*.scm.app.azurewebsites.us'],
  });
  expect(m.diagnosis).toContain("another site's certificate");
});

// kelseyhightower/intro-to-kubernetes-workshop#13: the message pasted inside backticks
test('quotes around a pasted message are not part of the host or IP it names', () => {
  const m = only(
    "`error: couldn't read version from server: Get https://146.148.119.50:6443/api: x509: certificate is valid for 10.240.0.2, 10.200.100.1, not 146.148.119.50`",
  );
  expect(m.extracted).toMatchObject({ ip: '146.148.119.50' });
  expect(m.causes[0]!.id).toBe('ip-san');
});

// davibennun/laravel-push-notification#54: error 20 at depth 1, fixed by adding the Entrust root
test('OpenSSL error 20 above the leaf: the root is what is missing, not the intermediate', () => {
  const m = explain(
    'depth=1 C = US, O = "Entrust, Inc.", CN = Entrust Certification Authority - L1C\nverify error:num=20:unable to get local issuer certificate',
  ).matches[0]!;
  expect(m.causes[0]!.id).toBe('client-trust-store');
  expect(m.causes.map((c) => c.id)).toContain('missing-intermediate');
  const leaf = explain(
    'depth=0 CN = www.example.com\nverify error:num=20:unable to get local issuer certificate',
  ).matches[0]!;
  expect(leaf.causes[0]!.id).toBe('missing-intermediate');
});

// aws/aws-cli#6326: the CA bundle setting names a file that does not exist
test('the AWS CLI cannot open its CA bundle: a setting, not a certificate', () => {
  const m = only(
    'SSL validation failed for https://sts.us-east-1.amazonaws.com/ [Errno 2] No such file or directory',
  );
  expect(m.id).toBe('python.botocore-ca-bundle-missing');
  expect(m.causes[0]!.command).toContain('AWS_CA_BUNDLE');
});

// openssl/openssl#13154: the server sent a second certificate, but not the leaf's issuer
test("s_client's chain: a link that does not hold is the wrong intermediate, and its issuer is the one missing", () => {
  const chain = (second: string) =>
    `depth=0 CN = www.example.es\nverify error:num=20:unable to get local issuer certificate\n---\nCertificate chain\n 0 s:CN = www.example.es\n   i:C = BE, O = GlobalSign nv-sa, CN = GlobalSign RSA OV SSL CA 2018\n 1 s:${second}\n   i:C = ES, O = FNMT-RCM, OU = AC RAIZ FNMT-RCM\n---\n`;
  const wrong = explain(chain('C = ES, O = FNMT-RCM, OU = AC Componentes Informaticos')).matches[0]!;
  expect(wrong.extracted).toMatchObject({
    issuer: 'C = BE, O = GlobalSign nv-sa, CN = GlobalSign RSA OV SSL CA 2018',
    chainBreak: { index: 0 },
  });
  expect(wrong.diagnosis).toContain('serves the wrong intermediate');
  const right = explain(chain('C = BE, O = GlobalSign nv-sa, CN = GlobalSign RSA OV SSL CA 2018'))
    .matches[0]!;
  expect(right.extracted.chainBreak).toBeUndefined();
  expect(right.diagnosis ?? '').not.toContain('wrong intermediate');
});
