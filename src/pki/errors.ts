/**
 * Why a certification path failed: one closed union, each kind with the context a person needs
 * (which certificate, which time, which name), ranked so that path building can keep the most
 * specific error across candidates, the one that explains the failure best.
 *
 * `certIndex` counts from the leaf (0) along the candidate path that failed; `certificate` names
 * that certificate (subject text) so the error stands on its own when the path is not shown.
 */

/** Where in a candidate path an error sits. */
export interface ErrorPlace {
  /** 0 = the leaf, 1 = its issuer, and so on along the failing candidate path. */
  readonly certIndex: number;
  /** RFC 4514 subject of that certificate. */
  readonly certificate: string;
}

/**
 * Every way path validation can fail. Kinds are PascalCase subject+problem (webpki style).
 * The verify layer maps each kind to one finding code (`PATH_*`, `CERT_*`); see `ERROR_CODES`.
 */
export type PathError =
  // --- Path building (RFC 5280 §6.1 needs a path before it can validate one)
  /** No certificate in the pool or the trust store has this certificate's issuer as subject. */
  | (ErrorPlace & { readonly kind: 'UnknownIssuer'; readonly issuer: string })
  /** The path ends in a self-issued certificate that is not a trust anchor. */
  | (ErrorPlace & { readonly kind: 'UntrustedRoot' })
  /** Longer than the policy's maximum depth (RFC 5280 §6.1 leaves it to the verifier; 8 intermediates by default). */
  | (ErrorPlace & { readonly kind: 'PathTooLong'; readonly maxDepth: number })
  /** A budget ran out (signatures, build steps, name-constraint comparisons): fatal, stops the search. */
  | {
      readonly kind: 'BudgetExceeded';
      readonly budget: 'signatures' | 'buildSteps' | 'nameComparisons' | 'policyNodes';
      readonly limit: number;
    }
  // --- Signatures and keys (RFC 5280 §6.1.3 (a)(1))
  | (ErrorPlace & { readonly kind: 'BadSignature' })
  | (ErrorPlace & { readonly kind: 'UnsupportedSignatureAlgorithm'; readonly algorithm: string })
  /** Allowed by RFC 5280, refused by the policy (SHA-1 under client and cabf; MD5 under all). */
  | (ErrorPlace & { readonly kind: 'WeakSignatureAlgorithm'; readonly algorithm: string })
  /** Key too small or of a kind the policy refuses (RSA < 2048 under client and cabf). */
  | (ErrorPlace & { readonly kind: 'WeakKey'; readonly key: string })
  /** The tbsCertificate signature field differs from signatureAlgorithm (RFC 5280 §4.1.1.2). */
  | (ErrorPlace & { readonly kind: 'SignatureAlgorithmMismatch' })
  // --- Validity (RFC 5280 §6.1.3 (a)(2))
  | (ErrorPlace & { readonly kind: 'CertExpired'; readonly time: Date; readonly notAfter: Date })
  | (ErrorPlace & { readonly kind: 'CertNotYetValid'; readonly time: Date; readonly notBefore: Date })
  // --- Revocation (RFC 5280 §6.1.3 (a)(3), with the CRLs given)
  | (ErrorPlace & { readonly kind: 'Revoked'; readonly revokedAt?: Date; readonly reason?: string })
  /**
   * A CRL given for this certificate's issuer cannot be used, so its revocation status is
   * unknown (RFC 5280 §6.3.3): bad signature, issuer without cRLSign, out of date, missing or
   * critical cRLNumber, an unsupported critical extension, or undecodable DER.
   */
  | (ErrorPlace & { readonly kind: 'InvalidCrl'; readonly issuer: string; readonly reason: string })
  /**
   * CRLs were given, and none that can be used covers this certificate for every reason (RFC
   * 5280 §6.3.3: the status is UNDETERMINED): none from its issuer, or only for another scope,
   * other reasons, or a delta without its complete CRL.
   */
  | (ErrorPlace & { readonly kind: 'RevocationUnknown'; readonly reason: string })
  // --- CA-ness (RFC 5280 §6.1.4 (k), (l), (m), (n))
  /** The issuer lacks basicConstraints cA=TRUE (or is a v1/v2 certificate the policy won't treat as a CA). */
  | (ErrorPlace & { readonly kind: 'IssuerNotCa' })
  | (ErrorPlace & { readonly kind: 'PathLenExceeded'; readonly pathLenConstraint: number })
  /** The issuer has keyUsage without keyCertSign. */
  | (ErrorPlace & { readonly kind: 'IssuerNotCertSigner' })
  /** The leaf is a CA certificate where the policy wants an end entity (cabf). */
  | (ErrorPlace & { readonly kind: 'CaUsedAsEndEntity' })
  // --- Purposes and extensions
  /** extKeyUsage present and lacks the required purpose (serverAuth/clientAuth). */
  | (ErrorPlace & {
      readonly kind: 'RequiredEkuNotFound';
      readonly required: string;
      readonly present: readonly string[];
    })
  /** The leaf's keyUsage forbids what the purpose needs (e.g. digitalSignature), when checked. */
  | (ErrorPlace & { readonly kind: 'KeyUsageNotAllowed'; readonly required: string })
  /** RFC 5280 §4.2: a critical extension the verifier does not process. */
  | (ErrorPlace & { readonly kind: 'UnknownCriticalExtension'; readonly oid: string })
  /** An extension breaks the policy's table (missing, wrong criticality, malformed for its role). */
  | (ErrorPlace & { readonly kind: 'InvalidExtension'; readonly extension: string; readonly reason: string })
  /** A field breaks the policy (serial number length, version, empty issuer, ...). */
  | (ErrorPlace & { readonly kind: 'InvalidCertificate'; readonly reason: string })
  /**
   * CA/B BR §7.1.4.3 (cabf policy): the leaf's subject CN is not a copy of one of its SANs.
   * A rule for publicly-trusted CAs at issuance; TLS clients do not check it.
   */
  | (ErrorPlace & {
      readonly kind: 'CommonNameNotInSan';
      readonly commonName: string;
      /** The DNS and IP SAN values as text. */
      readonly sans: readonly string[];
    })
  // --- Certificate policies (RFC 5280 §6.1.3 (d)-(f), §6.1.4 (a)-(b), §6.1.5 (g))
  /**
   * An explicit policy is required (by a certificate's requireExplicitPolicy or the caller's
   * settings) and no policy of the path is valid for the relying party.
   */
  | (ErrorPlace & {
      readonly kind: 'NoValidPolicy';
      /** Path index of the certificate whose policyConstraints required it, or `settings`. */
      readonly requiredBy: number | 'settings';
      /** Path index of the certificate after which no policy was left, when one emptied the set. */
      readonly emptiedAt?: number;
    })
  /** A policyMappings extension maps anyPolicy, which RFC 5280 §6.1.4 (a) forbids. */
  | (ErrorPlace & {
      readonly kind: 'InvalidPolicyMapping';
      readonly issuerDomainPolicy: string;
      readonly subjectDomainPolicy: string;
    })
  // --- Name constraints (RFC 5280 §6.1.3 (b), (c); §4.2.1.10)
  | (ErrorPlace & {
      readonly kind: 'NameConstraintViolation';
      /** The name that broke the constraint, as `DNS:x`, `IP:x`, `email:x`, `URI:x`, `DirName:x`. */
      readonly name: string;
      /** The constraint it broke, e.g. `permitted DNS:example.com` or `excluded IP:10.0.0.0/8`. */
      readonly constraint: string;
      /** Index of the CA certificate that carries the constraint. */
      readonly constrainedBy: number;
    })
  // --- The name check (RFC 6125 / RFC 9525; done after a path validates)
  | {
      readonly kind: 'NameMismatch';
      /** The reference identity as given (`example.com`, `192.0.2.1`). */
      readonly reference: string;
      /** The leaf's DNS and IP SANs as text (`DNS:a`, `IP:b`). */
      readonly presented: readonly string[];
      /** The nearest miss, from `names/`, when there is one. */
      readonly hint?: import('../names/index.js').MatchHint;
    };

/** The kinds of PathError. */
export type PathErrorKind = PathError['kind'];

/**
 * How specific each error is: path building keeps the highest-ranked error across failed
 * candidates, so "expired" beats "unknown issuer" when one candidate got further than another.
 * Budget errors are fatal regardless of rank.
 */
export const ERROR_RANK: Readonly<Record<PathErrorKind, number>> = {
  UnknownIssuer: 0,
  UntrustedRoot: 1,
  PathTooLong: 2,
  BudgetExceeded: 100,
  BadSignature: 20,
  UnsupportedSignatureAlgorithm: 18,
  WeakSignatureAlgorithm: 19,
  WeakKey: 19,
  SignatureAlgorithmMismatch: 19,
  CertExpired: 30,
  CertNotYetValid: 30,
  Revoked: 40,
  InvalidCrl: 35,
  RevocationUnknown: 34,
  IssuerNotCa: 25,
  PathLenExceeded: 25,
  IssuerNotCertSigner: 25,
  CaUsedAsEndEntity: 26,
  RequiredEkuNotFound: 27,
  KeyUsageNotAllowed: 27,
  UnknownCriticalExtension: 24,
  InvalidExtension: 23,
  InvalidCertificate: 22,
  CommonNameNotInSan: 21,
  NameConstraintViolation: 28,
  NoValidPolicy: 29,
  InvalidPolicyMapping: 29,
  NameMismatch: 50,
};
