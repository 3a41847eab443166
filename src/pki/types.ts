/**
 * The contract of the path-validation engine: what `verifyChain` takes and returns. The verify
 * layer (`src/verify/`) builds these options from user input and turns the outcome into findings.
 */

import type { Reference } from '../names/index.js';
import type { Certificate, KeyUsageName } from '../x509/model.js';
import type { PolicySettings } from './certificate-policies.js';
import type { PathError } from './errors.js';

/**
 * The validation policies: `client` (what Chrome and OpenSSL 3 both accept; the default), `cabf`
 * (the CA/Browser Forum Baseline Requirements) and `rfc5280` (the standard as written).
 */
export type PolicyName = 'client' | 'cabf' | 'rfc5280';

/** Which certificates of a path need a CRL: every one below the anchor, or the leaf only. */
export type CrlCheck = 'all' | 'leaf';

/** What the leaf must be good for: TLS server (serverAuth) or client (clientAuth) authentication. */
export type Purpose = 'server' | 'client';

/** Inputs to one path validation. Certificates are already decoded. */
export interface ChainVerifyOptions {
  /** The end-entity certificate. */
  readonly leaf: Certificate;
  /** Untrusted certificates that may serve as intermediates, in any order (duplicates allowed). */
  readonly intermediates: readonly Certificate[];
  /** Trust anchors. */
  readonly anchors: readonly Certificate[];
  /** Validation time. */
  readonly at: Date;
  /** Default `client`. */
  readonly policy?: PolicyName;
  /** Default `server`. */
  readonly purpose?: Purpose;
  /** The identity to check against the leaf after the path validates; none = no name check. */
  readonly reference?: Reference;
  /** DER-encoded CRLs to check revocation against (none = no revocation check). */
  readonly crls?: readonly Uint8Array[];
  /**
   * With CRLs: which certificates must be covered by one, every certificate below the anchor
   * (`all`, the default, as OpenSSL's `-crl_check_all`) or the leaf only (`leaf`, `-crl_check`).
   * A certificate in scope that no usable CRL covers fails (`RevocationUnknown`).
   */
  readonly crlCheck?: CrlCheck;
  /**
   * Maximum number of certificates in a path, leaf and anchor included (policy default otherwise:
   * 10, i.e. 8 intermediates). Self-issued intermediates are not counted (RFC 5280 §6.1.4 (l)).
   */
  readonly maxDepth?: number;
  /**
   * keyUsage bits the leaf must allow when it has a keyUsage extension (none by default; a leaf
   * without the extension allows every usage, RFC 5280 §4.2.1.3). Failure: `KeyUsageNotAllowed`.
   */
  readonly requiredKeyUsages?: readonly KeyUsageName[];
  /**
   * RFC 5280 §6.1.1 (c), (e)-(g): the certificate policies the relying party accepts (default
   * anyPolicy), and whether an explicit policy is required, policy mapping inhibited, anyPolicy
   * inhibited from the start. Every policy runs policy processing; certificates' own
   * policyConstraints apply whatever these say.
   */
  readonly policySettings?: PolicySettings;
  /**
   * The anchors that come from a root program's store (Node's bundled Mozilla roots, the system
   * store). Under `cabf` they are held to the relaxed root table, as their program accepted them;
   * every other anchor is held to the CA/B root profile (BR §7.1.2.1). Default: none.
   */
  readonly programAnchors?: ReadonlySet<Certificate>;
}

/**
 * The outcome. On success, `path` runs leaf → anchor, with the profile's warnings. On failure, `error` is the most specific
 * error over every candidate path, and `path` is the candidate it concerns (leaf first, as far as
 * it got), so `error.certIndex` indexes into it.
 */
export type ChainVerifyOutcome =
  | {
      readonly ok: true;
      readonly path: readonly Certificate[];
      readonly matchedName?: string;
      /**
       * What the policy's issuance profile would refuse although clients accept it (the `client`
       * policy's CA/B Forum rules), one entry per certificate and rule; empty under other policies.
       */
      readonly warnings: readonly PathError[];
    }
  | { readonly ok: false; readonly error: PathError; readonly path: readonly Certificate[] };
