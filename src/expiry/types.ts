/** The public types of `certgate expiry` and `expiry()`: options, places, and the result details. */

import type { AwsOptions } from '../aws/types.js';
import type { Result } from '../findings/finding.js';
import type { ProbeTarget } from '../probe/types.js';
import type { CertificateInputs } from '../verify/verify.js';
import type { EndpointOptions } from './endpoints.js';
import type { Level, Thresholds } from './thresholds.js';

/** How DNS is asked for the renewal checks: servers (`host` or `host:port`), default the system's. */
export interface DnsOptions {
  readonly servers?: readonly string[];
  /** Per query, in ms (default 2000; two tries). */
  readonly timeoutMs?: number;
}

/** What to track and how to judge it. */
export interface ExpiryOptions {
  /** Files and folders (walked recursively) holding PEM, DER or PKCS#7 certificates. */
  readonly paths?: readonly string[];
  /** The password of PKCS#12 files (default: none, the empty password). Never printed. */
  readonly pkcs12Password?: string;
  /** Live endpoints (`host[:port]`), probed with SNI: the chain each serves is tracked. */
  readonly targets?: readonly (string | ProbeTarget)[];
  /** The port of the aliases probed with `aws.probeEdges` (default 443, CloudFront's). */
  readonly edgePort?: number;
  /** How the endpoints are probed (`--resolve`, timeout, concurrency), as `probe()` takes them. */
  readonly probe?: EndpointOptions;
  /** DNS for the renewal checks of ACM certificates (validation records, CAA); false: none. */
  readonly dns?: DnsOptions | false;
  /** Every ACM certificate of the account (`--aws`), in these regions (default: every commercial one). */
  readonly aws?: AwsOptions & {
    readonly regions?: readonly string[];
    /**
     * Also list the CloudFront distributions and probe every alias of those using an ACM
     * certificate of the account, at the distribution's own domain (an edge still serving a
     * replaced certificate is then found).
     */
    readonly probeEdges?: boolean;
  };
  /** "Now"; default the current time. */
  readonly at?: Date;
  /** Warning and critical thresholds; each left out takes the lifetime-aware default. */
  readonly thresholds?: Thresholds;
  /** Trust only these roots when building chains (default: the Mozilla roots Node.js ships). */
  readonly roots?: CertificateInputs;
  /** Trust these roots as well. */
  readonly addRoots?: CertificateInputs;
}

/** Where a certificate was found. */
export interface FilePlace {
  readonly kind: 'file';
  readonly path: string;
  /** 0-based position of the certificate in the file. */
  readonly index: number;
}

/** An endpoint that served it, probed with SNI. */
export interface EndpointPlace {
  readonly kind: 'endpoint';
  /** `host:port (address)`. */
  readonly endpoint: string;
  /** 0-based position in the chain the server sent. */
  readonly index: number;
}

/** An ACM certificate of the account (`expiry --aws`). */
export interface AcmPlace {
  readonly kind: 'acm';
  readonly arn: string;
  readonly region: string;
  /** 0-based position in GetCertificate's certificate + chain. */
  readonly index: number;
  /** The AWS resources using it (describe-certificate `InUseBy`). */
  readonly inUseBy: readonly string[];
}

export type ExpiryPlace = FilePlace | EndpointPlace | AcmPlace;

/** A place as text: the file's path or the endpoint. */
export const placeText = (p: ExpiryPlace): string =>
  p.kind === 'file' ? p.path : p.kind === 'endpoint' ? p.endpoint : p.arn;

/** The JSON details of one certificate. */
export interface ExpiryDetails {
  /** SHA-256 of the DER, upper-case hex with colons. */
  readonly fingerprint: string;
  /** The name people know it by: its first DNS name, else its subject CN, else the subject. */
  readonly name: string;
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly sans: readonly string[];
  /** Whether it is a CA certificate (tracked on its own when its file holds no end-entity one). */
  readonly ca: boolean;
  readonly notBefore: string;
  /** The certificate's own notAfter. */
  readonly notAfter: string;
  /** When the chain clients build stops validating: the earliest notAfter on it (the anchor excepted). */
  readonly chainNotAfter: string;
  /** The certificate of the chain that expires first, when it is not this one. */
  readonly limitedBy?: { readonly subject: string; readonly notAfter: string; readonly fingerprint: string };
  /** Whether a chain to a trusted root was built. */
  readonly chainVerified: boolean;
  /** Days from `at` to chainNotAfter, to one decimal (negative once expired). */
  readonly daysLeft: number;
  readonly lifetimeDays: number;
  /** The share of the lifetime gone, 0..1. */
  readonly lifetimeUsed: number;
  readonly level: Level;
  /** When the warning and critical thresholds are crossed. */
  readonly warnAt: string;
  readonly criticalAt: string;
  /**
   * How it renews, with the reason: `managed` (ACM renews it), `manual` (imported), `not-renewing`
   * (unused or ineligible), `failing` (renewal pending validation or failed), `needs-human` (email
   * validation), `late` (ACM should have renewed it by now), `at-risk` (managed, but a DNS check
   * says the next renewal will fail: a validation record missing, CAA), `unknown` (a file or a served chain
   * says nothing of it).
   */
  readonly renewal: {
    readonly status:
      | 'unknown'
      | 'managed'
      | 'at-risk'
      | 'manual'
      | 'not-renewing'
      | 'failing'
      | 'needs-human'
      | 'late';
    readonly reason: string;
  };
  /** Every place it was found. */
  readonly places: readonly ExpiryPlace[];
}

/** One certificate's result: subject `{kind: 'certificate', id: fingerprint, source: first place}`. */
export interface ExpiryResult extends Result<ExpiryDetails | undefined> {
  readonly details?: ExpiryDetails;
}
