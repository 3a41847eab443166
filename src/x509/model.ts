/**
 * The decoded certificate model. Everything here is plain, frozen data produced by
 * `decodeCertificate`; nothing in it performs I/O or verification.
 *
 * Field names keep RFC 5280's spelling (`notAfter`, `subjectAltName`, `pathLenConstraint`).
 */

/** An ASN.1 string type RFC 5280 §4.1.2.4 allows in a DirectoryString (plus IA5 for emailAddress/DC). */
export type DirectoryStringType =
  | 'utf8String'
  | 'printableString'
  | 'teletexString'
  | 'universalString'
  | 'bmpString'
  | 'ia5String'
  | 'numericString'
  | 'visibleString';

/** One AttributeTypeAndValue of a distinguished name. */
export interface NameAttribute {
  /** Dotted OID of the attribute type, e.g. `2.5.4.3`. */
  readonly oid: string;
  /** Short name when the type is well known (`CN`, `O`, `OU`, `C`, `DC`, ...), otherwise the OID. */
  readonly shortName: string;
  /** The decoded text, or a `#hex` rendering of the DER when the value is not a string type. */
  readonly value: string;
  /** The ASN.1 string type the value was encoded with, or `other` for non-string values. */
  readonly stringType: DirectoryStringType | 'other';
}

/** A distinguished name: RDNs in encoded order (most significant first, as in the DER). */
export interface DistinguishedName {
  readonly rdns: readonly (readonly NameAttribute[])[];
  /** The exact DER of the Name. */
  readonly der: Uint8Array;
  /**
   * The name's comparison key (RFC 5280 §7.1, RFC 4518): two names are the same name when their
   * keys are equal, whatever their case, insignificant spaces or string types. Chaining an
   * issuer to a subject compares these.
   */
  readonly key: string;
  /** RFC 4514 string form (least significant RDN first), e.g. `CN=example.com,O=Example,C=US`. */
  readonly text: string;
}

/** A GeneralName (RFC 5280 §4.2.1.6). Types certgate does not interpret are kept raw. */
export type GeneralName =
  | { readonly type: 'dNSName'; readonly value: string }
  | { readonly type: 'rfc822Name'; readonly value: string }
  | { readonly type: 'uniformResourceIdentifier'; readonly value: string }
  /**
   * In a subjectAltName `bytes` is 4 or 16 bytes; in a name constraint it is 8 or 32 bytes
   * (address then mask). `value` is the text form (`192.0.2.1`, `2001:db8::1`, `10.0.0.0/8`).
   */
  | { readonly type: 'iPAddress'; readonly bytes: Uint8Array; readonly value: string }
  | { readonly type: 'directoryName'; readonly value: DistinguishedName }
  | { readonly type: 'registeredID'; readonly value: string }
  | {
      readonly type: 'otherName' | 'x400Address' | 'ediPartyName';
      /** For otherName, the type-id OID. */
      readonly typeId?: string;
      /** DER of the whole GeneralName element. */
      readonly raw: Uint8Array;
    };

/** An AlgorithmIdentifier: OID, a friendly name where known, and the raw parameters. */
export interface AlgorithmIdentifier {
  readonly oid: string;
  /** e.g. `sha256WithRSAEncryption`, `ecdsa-with-SHA256`, `Ed25519`, `rsassa-pss`; else the OID. */
  readonly name: string;
  /** DER of the parameters element, if present (NULL included). */
  readonly parameters?: Uint8Array;
}

/** The subject public key, summarised, plus its SubjectPublicKeyInfo DER for `node:crypto`. */
export type PublicKeyInfo = {
  readonly algorithm: AlgorithmIdentifier;
  /** DER of the whole SubjectPublicKeyInfo; pass to `crypto.createPublicKey({ format: 'der', type: 'spki' })`. */
  readonly spki: Uint8Array;
} & (
  | { readonly type: 'rsa' | 'rsa-pss'; readonly modulusBits: number; readonly exponent: number }
  | {
      readonly type: 'ec';
      /** `P-256`, `P-384`, `P-521` or `secp256k1` when known; otherwise the curve OID. */
      readonly curve: string;
      readonly curveOid: string;
      readonly keyBits: number;
    }
  | { readonly type: 'ed25519' | 'ed448' }
  /**
   * DSA (RFC 3279 §2.3.2). Without Dss-Parms the key inherits its issuer's parameters
   * (RFC 5280 §6.1.4 (e)-(f)), and `pBits` is unknown.
   */
  | { readonly type: 'dsa'; readonly pBits?: number }
  | { readonly type: 'unknown' }
);

/** Key usage bit names, RFC 5280 §4.2.1.3 order. */
export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

export interface GeneralSubtree {
  readonly base: GeneralName;
  /** RFC 5280 says minimum MUST be 0 and maximum absent; kept so validation can reject others. */
  readonly minimum: number;
  readonly maximum?: number;
}

export interface PolicyInformation {
  readonly policyIdentifier: string;
  readonly qualifiers: readonly {
    readonly oid: string;
    /** The CPS URI for id-qt-cps. */
    readonly cps?: string;
    /** DER of the qualifier element. */
    readonly raw: Uint8Array;
  }[];
}

export interface DistributionPoint {
  readonly fullName?: readonly GeneralName[];
  /** nameRelativeToCRLIssuer, as attributes. */
  readonly nameRelativeToCRLIssuer?: readonly NameAttribute[];
  readonly reasons?: readonly string[];
  readonly cRLIssuer?: readonly GeneralName[];
}

interface ExtensionCommon {
  /** Dotted OID of extnID. */
  readonly oid: string;
  readonly critical: boolean;
  /** Contents of extnValue (the DER inside the OCTET STRING). */
  readonly value: Uint8Array;
}

/**
 * A certificate extension. Known extensions are decoded into a variant named by `kind`; any other
 * extension is `kind: 'unknown'` with its OID, criticality and raw bytes, and a known one whose
 * value does not decode is `kind: 'malformed'` with the reason.
 */
export type Extension = ExtensionCommon &
  (
    | { readonly kind: 'subjectAltName'; readonly names: readonly GeneralName[] }
    | { readonly kind: 'issuerAltName'; readonly names: readonly GeneralName[] }
    | { readonly kind: 'basicConstraints'; readonly ca: boolean; readonly pathLenConstraint?: number }
    | { readonly kind: 'keyUsage'; readonly usages: readonly KeyUsageName[] }
    | {
        readonly kind: 'extKeyUsage';
        /** Dotted OIDs, e.g. `1.3.6.1.5.5.7.3.1` (serverAuth). */
        readonly purposes: readonly string[];
      }
    | {
        readonly kind: 'nameConstraints';
        readonly permittedSubtrees?: readonly GeneralSubtree[];
        readonly excludedSubtrees?: readonly GeneralSubtree[];
      }
    | {
        readonly kind: 'authorityKeyIdentifier';
        readonly keyIdentifier?: Uint8Array;
        readonly authorityCertIssuer?: readonly GeneralName[];
        /** Hex, lower case. */
        readonly authorityCertSerialNumber?: string;
      }
    | { readonly kind: 'subjectKeyIdentifier'; readonly keyIdentifier: Uint8Array }
    | { readonly kind: 'certificatePolicies'; readonly policies: readonly PolicyInformation[] }
    | {
        readonly kind: 'policyMappings';
        readonly mappings: readonly {
          readonly issuerDomainPolicy: string;
          readonly subjectDomainPolicy: string;
        }[];
      }
    | {
        readonly kind: 'policyConstraints';
        readonly requireExplicitPolicy?: number;
        readonly inhibitPolicyMapping?: number;
      }
    | { readonly kind: 'inhibitAnyPolicy'; readonly skipCerts: number }
    | {
        readonly kind: 'authorityInfoAccess';
        readonly accessDescriptions: readonly { readonly method: string; readonly location: GeneralName }[];
      }
    | { readonly kind: 'cRLDistributionPoints'; readonly distributionPoints: readonly DistributionPoint[] }
    | {
        readonly kind: 'signedCertificateTimestampList';
        /** Number of SCTs in the list. */
        readonly count: number;
        /** Each SCT's 32-byte log id, base64 (as CT log lists print them). */
        readonly logIds: readonly string[];
      }
    | { readonly kind: 'unknown' }
    | {
        /**
         * A known extension whose value does not decode: the certificate is still read (its
         * other fields are fine), and the verifier refuses it, as Chrome and OpenSSL do.
         */
        readonly kind: 'malformed';
        /** The extension's name (`subjectAltName`). */
        readonly name: string;
        /** Why the value does not decode, lower-case. */
        readonly reason: string;
        /** Absolute byte offset of the problem in the certificate's DER. */
        readonly offset?: number;
      }
  );

/** The `kind` of every decoded extension variant. */
export type ExtensionKind = Extension['kind'];

/** The Extension variant of one kind. */
export type ExtensionOf<K extends ExtensionKind> = Extract<Extension, { kind: K }>;

/** A decoded X.509 certificate. Frozen: decode once, share freely. */
export interface Certificate {
  /** The whole certificate DER. */
  readonly der: Uint8Array;
  /** The exact TBSCertificate bytes, as signed. */
  readonly tbs: Uint8Array;
  /** 1, 2 or 3 (the encoded value plus one). */
  readonly version: 1 | 2 | 3;
  /** Serial number as lower-case hex of its DER content octets (leading 00 kept when encoded). */
  readonly serialNumber: string;
  /** The outer signatureAlgorithm. */
  readonly signatureAlgorithm: AlgorithmIdentifier;
  /** The signature field inside TBSCertificate; RFC 5280 §4.1.1.2 requires it to equal the outer one. */
  readonly tbsSignatureAlgorithm: AlgorithmIdentifier;
  /** The signature BIT STRING contents, without the unused-bits octet. */
  readonly signatureValue: Uint8Array;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly publicKey: PublicKeyInfo;
  readonly issuerUniqueId?: Uint8Array;
  readonly subjectUniqueId?: Uint8Array;
  /** Every extension, in encoded order. */
  readonly extensions: readonly Extension[];
  /** SHA-256 of the DER, upper-case hex with colons (as `openssl x509 -fingerprint` prints it). */
  readonly sha256Fingerprint: string;
  /** SHA-1 of the DER, same format. */
  readonly sha1Fingerprint: string;
  /** The first extension of a kind, if present. */
  extension<K extends ExtensionKind>(kind: K): ExtensionOf<K> | undefined;
}
