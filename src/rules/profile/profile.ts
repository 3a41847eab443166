/**
 * A profile: what a team pins its distributions to (`profiles:` in `.certgate.yaml`), checked by
 * the rules of this folder on every distribution it applies to. Each pin keeps where it is
 * written, so a violation points at the line of the profile that forbids it.
 */

import type { Distribution } from '../../cloudfront/model.js';
import type { Locator } from '../../findings/types.js';

/** One pinned value and the place in the config file that pins it. */
export interface ProfilePin<T> {
  readonly value: T;
  readonly location: Locator;
}

/** Where a certificate comes from: ACM (a certificate resource of a template is one), IAM, or CloudFront's default. */
export type CertificateSource = 'acm' | 'iam' | 'default';

export const CERTIFICATE_SOURCES: readonly CertificateSource[] = ['acm', 'iam', 'default'];

/** An expected certificate for one alias. */
export interface AliasCertificate {
  readonly alias: string;
  readonly certificate: string;
  readonly location: Locator;
}

/** What distributions a profile applies to may use; every pin is optional. */
export interface Profile {
  readonly name: string;
  /** Where the profile is written (its `name:` line). */
  readonly location: Locator;
  /** Whether the profile applies to a distribution (its `match:`; every distribution without one). */
  readonly applies: (distribution: Distribution) => boolean;
  /** Allowed security policies (`MinimumProtocolVersion`). */
  readonly securityPolicies?: ProfilePin<readonly string[]>;
  /** The oldest allowed security policy: this one or a newer one. */
  readonly minimumSecurityPolicy?: ProfilePin<string>;
  readonly sslSupportMethods?: ProfilePin<readonly string[]>;
  /** ACM spelling: `RSA_2048`, `EC_prime256v1`, ... */
  readonly keyAlgorithms?: ProfilePin<readonly string[]>;
  readonly certificateSources?: ProfilePin<readonly CertificateSource[]>;
  readonly minDaysLeft?: ProfilePin<number>;
  /** Allowed issuers: ACM's `Issuer` (`Amazon`), or a PEM leaf's issuer organization or common name. */
  readonly issuers?: ProfilePin<readonly string[]>;
  /** The certificate every distribution of the profile must use (an ARN or IAM certificate id). */
  readonly certificate?: ProfilePin<string>;
  /** The certificate a distribution holding each alias must use. */
  readonly aliasCertificates?: readonly AliasCertificate[];
}
