/** Extension decoders (RFC 5280 §4.2, RFC 6962 §3.3): decoded values, and malformed values. */

import { describe, expect, test } from 'vitest';
import { decodeCertificate } from '../../src/x509/certificate.js';
import { createCertificate, ext, type RawExtension, testKey } from '../support/cert-factory.js';
import {
  bits,
  bool,
  concat,
  explicit,
  hex,
  ia5,
  implicit,
  int,
  octets,
  oid,
  seq,
  tlv,
  utf8,
} from '../support/der-writer.js';
import { encodeGeneralName, encodeName } from '../support/names.js';

const key = testKey('p256');
const LOG_A = new Uint8Array(32).fill(0xaa);
const LOG_B = new Uint8Array(32).fill(0xbb);

/** A certificate carrying only `extension` (no SKI/AKI), decoded; returns that extension. */
function decodeOne(extension: RawExtension) {
  const made = createCertificate({ key, subjectKeyId: false, extensions: [extension] });
  return decodeCertificate(made.der).extensions[0]!;
}

/** The error for a certificate carrying `value` under `oidText`, and whether its offset is inside the value. */
/**
 * The certificate still decodes, and the extension is kept as `malformed` with why and where:
 * a bad extension value is the verifier's finding, not unreadable input.
 */
function errorFor(oidText: string, value: Uint8Array): { reason: string; inside: boolean } {
  const der = createCertificate({ key, subjectKeyId: false, extensions: [{ oid: oidText, value }] }).der;
  const bad = decodeCertificate(der).extensions.find((e) => e.oid === oidText);
  if (bad?.kind !== 'malformed') return { reason: 'no error', inside: false };
  // an empty value sits just after its OCTET STRING header; otherwise find the value's bytes
  const at = value.length === 0 ? -1 : Buffer.from(der).indexOf(Buffer.from(value));
  const inside =
    bad.offset !== undefined && (at < 0 || (bad.offset >= at - 2 && bad.offset < at + value.length));
  return { reason: `${bad.name} extension: ${bad.reason}`, inside };
}

const ip = (spec: string) => encodeGeneralName(`ip:${spec}`).subarray(2);

describe('decoded extensions', () => {
  // biome-ignore format: table rows stay one line each
  test.each([
    // subjectAltName / issuerAltName (RFC 5280 §4.2.1.6, §4.2.1.7)
    {
      name: 'subjectAltName with every GeneralName type',
      input: ext.subjectAltName(['dns:example.com', 'ip:192.0.2.1', 'ip:2001:db8::1', 'email:a@example.com', 'uri:https://example.com/', 'rid:1.2.3']),
      want: {
        kind: 'subjectAltName',
        names: [
          { type: 'dNSName', value: 'example.com' },
          { type: 'iPAddress', bytes: ip('192.0.2.1'), value: '192.0.2.1' },
          { type: 'iPAddress', bytes: ip('2001:db8::1'), value: '2001:db8::1' },
          { type: 'rfc822Name', value: 'a@example.com' },
          { type: 'uniformResourceIdentifier', value: 'https://example.com/' },
          { type: 'registeredID', value: '1.2.3' },
        ],
      },
    },
    { name: 'issuerAltName', input: { oid: '2.5.29.18', value: seq(encodeGeneralName('email:ca@example.com')) }, want: { kind: 'issuerAltName', names: [{ type: 'rfc822Name', value: 'ca@example.com' }] } },
    // basicConstraints (RFC 5280 §4.2.1.9)
    { name: 'basicConstraints CA pathLen 0', input: ext.basicConstraints(true, 0), want: { kind: 'basicConstraints', critical: true, ca: true, pathLenConstraint: 0 } },
    { name: 'basicConstraints end entity (empty)', input: ext.basicConstraints(false), want: { kind: 'basicConstraints', ca: false } },
    { name: 'basicConstraints explicit FALSE (NOTE: lenient)', input: { oid: '2.5.29.19', value: seq(bool(false)) }, want: { kind: 'basicConstraints', ca: false } },
    // keyUsage (RFC 5280 §4.2.1.3)
    { name: 'keyUsage', input: ext.keyUsage(['digitalSignature', 'keyEncipherment']), want: { kind: 'keyUsage', usages: ['digitalSignature', 'keyEncipherment'] } },
    { name: 'keyUsage all nine bits', input: ext.keyUsage(['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly']), want: { kind: 'keyUsage', usages: ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'] } },
    { name: 'keyUsage all zero is empty (the verifier judges)', input: { oid: '2.5.29.15', value: bits(hex('00')) }, want: { kind: 'keyUsage', usages: [] } },
    // extKeyUsage (RFC 5280 §4.2.1.12)
    { name: 'extKeyUsage', input: ext.extKeyUsage(['serverAuth', 'clientAuth', '1.2.3.4']), want: { kind: 'extKeyUsage', purposes: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2', '1.2.3.4'] } },
    // nameConstraints (RFC 5280 §4.2.1.10)
    {
      name: 'nameConstraints with IP masks',
      input: ext.nameConstraints({ permitted: ['dns:example.com', 'ip:10.0.0.0/8', 'ip:2001:db8::/32'], excluded: ['ip:10.0.0.0/255.0.255.0', 'dn:O=Evil'] }),
      want: {
        kind: 'nameConstraints',
        permittedSubtrees: [
          { base: { type: 'dNSName', value: 'example.com' }, minimum: 0 },
          { base: { type: 'iPAddress', bytes: ip('10.0.0.0/8'), value: '10.0.0.0/8' }, minimum: 0 },
          { base: { type: 'iPAddress', bytes: ip('2001:db8::/32'), value: '2001:db8::/32' }, minimum: 0 },
        ],
      },
    },
    {
      name: 'nameConstraints minimum and maximum kept',
      input: { oid: '2.5.29.30', value: seq(implicit(0, [seq(encodeGeneralName('dns:a.example'), implicit(0, hex('01')), implicit(1, hex('02')))], true)) },
      want: { kind: 'nameConstraints', permittedSubtrees: [{ base: { type: 'dNSName', value: 'a.example' }, minimum: 1, maximum: 2 }] },
    },
    // key identifiers (RFC 5280 §4.2.1.1, §4.2.1.2)
    { name: 'subjectKeyIdentifier', input: ext.subjectKeyIdentifier(hex('0102')), want: { kind: 'subjectKeyIdentifier', keyIdentifier: hex('0102') } },
    {
      name: 'authorityKeyIdentifier with issuer and serial',
      input: { oid: '2.5.29.35', value: seq(implicit(0, hex('0a0b')), implicit(1, [encodeGeneralName('dn:CN=root')], true), implicit(2, hex('00ff'))) },
      want: { kind: 'authorityKeyIdentifier', keyIdentifier: hex('0a0b'), authorityCertSerialNumber: '00ff' },
    },
    // policies (RFC 5280 §4.2.1.4, §4.2.1.5, §4.2.1.11, §4.2.1.14)
    {
      name: 'certificatePolicies with CPS',
      input: ext.certificatePolicies(['2.5.29.32.0', { oid: '2.23.140.1.2.1', cps: 'https://example.com/cps' }]),
      want: {
        kind: 'certificatePolicies',
        policies: [
          { policyIdentifier: '2.5.29.32.0', qualifiers: [] },
          { policyIdentifier: '2.23.140.1.2.1', qualifiers: [{ oid: '1.3.6.1.5.5.7.2.1', cps: 'https://example.com/cps', raw: seq(oid('1.3.6.1.5.5.7.2.1'), ia5('https://example.com/cps')) }] },
        ],
      },
    },
    { name: 'policyMappings', input: ext.policyMappings([['1.2.3', '2.4.5']]), want: { kind: 'policyMappings', mappings: [{ issuerDomainPolicy: '1.2.3', subjectDomainPolicy: '2.4.5' }] } },
    { name: 'policyConstraints', input: ext.policyConstraints({ requireExplicitPolicy: 0, inhibitPolicyMapping: 2 }), want: { kind: 'policyConstraints', requireExplicitPolicy: 0, inhibitPolicyMapping: 2 } },
    { name: 'policyConstraints empty', input: { oid: '2.5.29.36', value: seq() }, want: { kind: 'policyConstraints' } },
    { name: 'inhibitAnyPolicy', input: ext.inhibitAnyPolicy(1), want: { kind: 'inhibitAnyPolicy', skipCerts: 1 } },
    // access and CRLs (RFC 5280 §4.2.2.1, §4.2.1.13)
    {
      name: 'authorityInfoAccess',
      input: ext.authorityInfoAccess({ ocsp: ['http://ocsp.example'], caIssuers: ['http://ca.example/ca.crt'] }),
      want: {
        kind: 'authorityInfoAccess',
        accessDescriptions: [
          { method: '1.3.6.1.5.5.7.48.1', location: { type: 'uniformResourceIdentifier', value: 'http://ocsp.example' } },
          { method: '1.3.6.1.5.5.7.48.2', location: { type: 'uniformResourceIdentifier', value: 'http://ca.example/ca.crt' } },
        ],
      },
    },
    { name: 'cRLDistributionPoints fullName', input: ext.cRLDistributionPoints(['http://crl.example/a.crl']), want: { kind: 'cRLDistributionPoints', distributionPoints: [{ fullName: [{ type: 'uniformResourceIdentifier', value: 'http://crl.example/a.crl' }] }] } },
    {
      name: 'cRLDistributionPoints relative name, reasons, cRLIssuer',
      input: { oid: '2.5.29.31', value: seq(seq(explicit(0, implicit(1, [seq(oid('2.5.4.3'), utf8('crl1'))], true)), tlv(0x81, hex('05 60')), implicit(2, [encodeGeneralName('uri:http://i.example')], true))) },
      want: {
        kind: 'cRLDistributionPoints',
        distributionPoints: [
          {
            nameRelativeToCRLIssuer: [{ oid: '2.5.4.3', shortName: 'CN', value: 'crl1', stringType: 'utf8String' }],
            reasons: ['keyCompromise', 'cACompromise'],
            cRLIssuer: [{ type: 'uniformResourceIdentifier', value: 'http://i.example' }],
          },
        ],
      },
    },
    // Certificate Transparency (RFC 6962 §3.3)
    { name: 'SCT list', input: ext.sctList([LOG_A, LOG_B]), want: { kind: 'signedCertificateTimestampList', count: 2, logIds: [Buffer.from(LOG_A).toString('base64'), Buffer.from(LOG_B).toString('base64')] } },
    // unknown extensions keep OID, criticality and bytes
    { name: 'unknown critical extension', input: { oid: '1.2.3.4.5', critical: true, value: hex('0500') }, want: { kind: 'unknown', oid: '1.2.3.4.5', critical: true, value: hex('0500') } },
    { name: 'CT poison is unknown', input: { oid: '1.3.6.1.4.1.11129.2.4.3', critical: true, value: hex('0500') }, want: { kind: 'unknown', critical: true } },
    { name: 'unknown extension value need not be DER', input: { oid: '1.2.3.4.6', value: hex('ff ff') }, want: { kind: 'unknown', value: hex('ff ff') } },
  ])('$name', ({ input, want }) => {
    const got = decodeOne(input);
    expect(got).toMatchObject(want);
    expect(got.oid).toBe(input.oid);
    expect(got.critical).toBe(input.critical ?? false);
    expect(Object.isFrozen(got)).toBe(true);
  });

  test('directoryName in a SAN and authorityCertIssuer decode as names', () => {
    const got = decodeOne(ext.subjectAltName(['dn:CN=x,O=y']));
    expect(
      got.kind === 'subjectAltName' && got.names[0]?.type === 'directoryName' && got.names[0].value.text,
    ).toBe('CN=x,O=y');
    const der = encodeName('CN=x,O=y');
    expect(
      got.kind === 'subjectAltName' && got.names[0]?.type === 'directoryName' && got.names[0].value.der,
    ).toEqual(der);
  });
});

const sct = (body: Uint8Array) => concat([Uint8Array.of(body.length >> 8, body.length & 0xff), body]);
const sctList = (...items: Uint8Array[]) => {
  const list = concat(items);
  return octets(concat([Uint8Array.of(list.length >> 8, list.length & 0xff), list]));
};
const V1_SCT = concat([hex('00'), LOG_A, new Uint8Array(8), hex('0000 0403 0002 aabb')]);

describe('malformed extensions are kept as malformed, with the reason and the offset inside the extension', () => {
  // biome-ignore format: table rows stay one line each
  test.each([
    // subjectAltName
    { name: 'empty SAN', oid: '2.5.29.17', value: seq(), wantError: 'subjectAltName extension: empty subjectAltName' },
    { name: 'SAN not a SEQUENCE', oid: '2.5.29.17', value: ia5('example.com'), wantError: 'subjectAltName extension: expected subjectAltName (tag 0x30), found tag 0x16' },
    { name: 'data after the SAN', oid: '2.5.29.17', value: concat([seq(encodeGeneralName('dns:a')), hex('00')]), wantError: 'subjectAltName extension: unexpected data after the end of extnValue' },
    { name: 'empty extnValue', oid: '2.5.29.17', value: new Uint8Array(0), wantError: 'subjectAltName extension: empty extnValue' },
    // basicConstraints
    { name: 'negative pathLen', oid: '2.5.29.19', value: seq(bool(true), int(-1)), wantError: 'basicConstraints extension: pathLenConstraint must not be negative' },
    { name: 'cA as 0x01', oid: '2.5.29.19', value: seq(hex('01 01 01')), wantError: 'basicConstraints extension: BOOLEAN must be 0x00 or 0xff' },
    { name: 'extra basicConstraints field', oid: '2.5.29.19', value: seq(bool(true), int(1), int(2)), wantError: 'basicConstraints extension: unexpected data after the end of basicConstraints' },
    // keyUsage and extKeyUsage
    { name: 'keyUsage unused bits set', oid: '2.5.29.15', value: bits(hex('81'), 7), wantError: 'keyUsage extension: BIT STRING unused bits are not zero' },
    { name: 'keyUsage as OCTET STRING', oid: '2.5.29.15', value: octets(hex('80')), wantError: 'keyUsage extension: expected keyUsage (tag 0x03), found tag 0x04' },
    { name: 'empty extKeyUsage', oid: '2.5.29.37', value: seq(), wantError: 'extKeyUsage extension: empty extKeyUsage' },
    { name: 'extKeyUsage with a string', oid: '2.5.29.37', value: seq(utf8('serverAuth')), wantError: 'extKeyUsage extension: expected KeyPurposeId (tag 0x06), found tag 0x0c' },
    // nameConstraints
    { name: 'empty permittedSubtrees', oid: '2.5.29.30', value: seq(implicit(0, [], true)), wantError: 'nameConstraints extension: empty permittedSubtrees' },
    { name: 'constraint IP without mask', oid: '2.5.29.30', value: seq(implicit(0, [seq(tlv(0x87, hex('0a000000')))], true)), wantError: 'nameConstraints extension: iPAddress of 4 bytes (expected 8 or 32)' },
    { name: 'subtrees in wrong order', oid: '2.5.29.30', value: seq(implicit(1, [seq(encodeGeneralName('dns:a'))], true), implicit(0, [seq(encodeGeneralName('dns:b'))], true)), wantError: 'nameConstraints extension: unexpected data after the end of nameConstraints' },
    // key identifiers
    { name: 'AKI keyIdentifier as OCTET STRING', oid: '2.5.29.35', value: seq(octets(hex('01'))), wantError: 'authorityKeyIdentifier extension: unexpected data after the end of authorityKeyIdentifier' },
    { name: 'SKI as INTEGER', oid: '2.5.29.14', value: int(5), wantError: 'subjectKeyIdentifier extension: expected subjectKeyIdentifier (tag 0x04), found tag 0x02' },
    // policies
    { name: 'empty certificatePolicies', oid: '2.5.29.32', value: seq(), wantError: 'certificatePolicies extension: empty certificatePolicies' },
    { name: 'CPS as UTF8String', oid: '2.5.29.32', value: seq(seq(oid('2.5.29.32.0'), seq(seq(oid('1.3.6.1.5.5.7.2.1'), utf8('https://x'))))), wantError: 'certificatePolicies extension: CPS qualifier must be an IA5String' },
    { name: 'empty policyQualifiers', oid: '2.5.29.32', value: seq(seq(oid('2.5.29.32.0'), seq())), wantError: 'certificatePolicies extension: empty policyQualifiers' },
    { name: 'empty policyMappings', oid: '2.5.29.33', value: seq(), wantError: 'policyMappings extension: empty policyMappings' },
    { name: 'negative inhibitAnyPolicy', oid: '2.5.29.54', value: int(-1), wantError: 'inhibitAnyPolicy extension: inhibitAnyPolicy SkipCerts must not be negative' },
    { name: 'policyConstraints as INTEGER tags', oid: '2.5.29.36', value: seq(int(1)), wantError: 'policyConstraints extension: unexpected data after the end of policyConstraints' },
    // access and CRLs
    { name: 'empty authorityInfoAccess', oid: '1.3.6.1.5.5.7.1.1', value: seq(), wantError: 'authorityInfoAccess extension: empty authorityInfoAccess' },
    { name: 'AIA location not a GeneralName', oid: '1.3.6.1.5.5.7.1.1', value: seq(seq(oid('1.3.6.1.5.5.7.48.1'), ia5('http://x'))), wantError: 'authorityInfoAccess extension: unknown GeneralName choice (tag 0x16)' },
    { name: 'empty cRLDistributionPoints', oid: '2.5.29.31', value: seq(), wantError: 'cRLDistributionPoints extension: empty cRLDistributionPoints' },
    { name: 'distributionPoint [2]', oid: '2.5.29.31', value: seq(seq(explicit(0, implicit(2, [], true)))), wantError: 'cRLDistributionPoints extension: distributionPoint must be fullName [0] or nameRelativeToCRLIssuer [1]' },
    // SCT list (RFC 6962 §3.3)
    { name: 'SCT list not an OCTET STRING', oid: '1.3.6.1.4.1.11129.2.4.2', value: seq(), wantError: 'signedCertificateTimestampList extension: expected SignedCertificateTimestampList (tag 0x04), found tag 0x30' },
    { name: 'SCT list length mismatch', oid: '1.3.6.1.4.1.11129.2.4.2', value: octets(hex('0005 0001 00')), wantError: 'signedCertificateTimestampList extension: SCT list length does not match its contents' },
    { name: 'SCT list missing length', oid: '1.3.6.1.4.1.11129.2.4.2', value: octets(hex('00')), wantError: 'signedCertificateTimestampList extension: truncated SCT list: missing list length' },
    { name: 'empty SCT list', oid: '1.3.6.1.4.1.11129.2.4.2', value: sctList(), wantError: 'signedCertificateTimestampList extension: empty SCT list' },
    { name: 'SCT too short for a log id', oid: '1.3.6.1.4.1.11129.2.4.2', value: sctList(sct(hex('00 01 02'))), wantError: 'signedCertificateTimestampList extension: SCT of 3 bytes is too short for a version and log id' },
    { name: 'SCT runs past the list', oid: '1.3.6.1.4.1.11129.2.4.2', value: sctList(hex('0100 00')), wantError: 'signedCertificateTimestampList extension: SCT runs past the end of the list' },
    { name: 'v1 SCT truncated signature', oid: '1.3.6.1.4.1.11129.2.4.2', value: sctList(sct(V1_SCT.subarray(0, V1_SCT.length - 1))), wantError: 'signedCertificateTimestampList extension: truncated SCT' },
    { name: 'v1 SCT with trailing bytes', oid: '1.3.6.1.4.1.11129.2.4.2', value: sctList(sct(concat([V1_SCT, hex('00')]))), wantError: 'signedCertificateTimestampList extension: unexpected data after the end of an SCT' },
    { name: 'v1 SCT cut in the timestamp', oid: '1.3.6.1.4.1.11129.2.4.2', value: sctList(sct(V1_SCT.subarray(0, 40))), wantError: 'signedCertificateTimestampList extension: truncated SCT' },
  ])('$name', ({ oid: oidText, value, wantError }) => {
    const { reason, inside } = errorFor(oidText, value);
    expect(reason).toBe(wantError);
    expect(inside).toBe(true);
  });
});
