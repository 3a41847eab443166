/**
 * Chains that tell the three policies apart, made by the test CA: each is a private-PKI chain
 * that breaks one issuance rule, or one a TLS client refuses. `test/pki/policies.test.ts` holds
 * the verdict of each policy; `test/conformance/openssl.test.ts` holds the client policy against
 * the machine's real `openssl verify` on the same chains.
 */

import { ext, type IssuedCertificate } from '../support/cert-factory.js';
import { ca, leaf } from './fixtures.js';

export const root = ca('CN=Policy Root', undefined);
const inter = ca('CN=Policy Intermediate', root);
/** An intermediate whose basicConstraints is not marked critical. */
const softInter = ca('CN=Soft Intermediate', root, {
  ca: undefined,
  keyUsage: ['keyCertSign', 'cRLSign'],
  extensions: [{ ...ext.basicConstraints(true), critical: false }],
});

/** One chain: leaf first, its intermediates, the anchors, and the host it is checked for. */
export interface PolicyChain {
  readonly name: string;
  readonly leaf: IssuedCertificate;
  readonly intermediates: readonly IssuedCertificate[];
  readonly anchors: readonly IssuedCertificate[];
  readonly host?: string;
}

const HOST = 'www.example.com';
const via = (name: string, l: IssuedCertificate, i: IssuedCertificate = inter): PolicyChain => ({
  name,
  leaf: l,
  intermediates: [i],
  anchors: [root],
  host: HOST,
});

export const POLICY_CHAINS = {
  cnOutsideSans: via(
    'subject CN outside the SANs (private PKI)',
    leaf(inter, [`dns:${HOST}`], { subject: 'CN=My Web Server' }),
  ),
  noEku: via('leaf without extKeyUsage', leaf(inter, [`dns:${HOST}`], { eku: undefined })),
  softBasicConstraints: via(
    'intermediate with a non-critical basicConstraints',
    leaf(softInter, [`dns:${HOST}`]),
    softInter,
  ),
  serialZero: via('serial number zero', leaf(inter, [`dns:${HOST}`], { serial: 0 })),
  conforming: via('a conforming chain', leaf(inter, [`dns:${HOST}`])),
  caLeaf: {
    name: 'CA certificate as the leaf with only keyCertSign',
    leaf: inter,
    intermediates: [],
    anchors: [root],
  },
  noTlsKeyUsage: via(
    'a leaf key usage with no TLS use',
    leaf(inter, [`dns:${HOST}`], { keyUsage: ['cRLSign'] }),
  ),
  criticalSki: via(
    'a critical subjectKeyIdentifier',
    leaf(inter, [`dns:${HOST}`], {
      subjectKeyId: false,
      extensions: [{ oid: '2.5.29.14', critical: true, value: new Uint8Array([0x04, 0x02, 0x01, 0x02]) }],
    }),
  ),
  cnOnly: via('CN-only leaf checked for its CN', leaf(inter, [], { subject: `CN=${HOST}` })),
} satisfies Record<string, PolicyChain>;
