/**
 * Diagnoses of `InvalidViewerCertificate`, one per message CloudFront returns with it. CloudFront
 * checks a certificate in a fixed order and answers with the first failure (rulebook §1.1), so
 * the bare code lists every cause in that order (placement, state, chain, dates, trust, format,
 * coverage) and each message narrows the list to the checks it names.
 */

import type { Diagnosis, Extracted } from '../types.js';
import { type CfCauseName, cfCauses } from './cloudfront-causes.js';

const IVC_MEANING =
  'CloudFront refused the viewer-certificate settings of the distribution (HTTP 400) before deploying anything. It checks the certificate in a fixed order and reports the first failure; the message after the code says which check failed.';

/** What the ARN in the text already settles. */
function regionVerdict(e: Extracted): string | undefined {
  if (!e.certificateArn || !e.region) return undefined;
  return e.region === 'us-east-1'
    ? `the certificate ${e.certificateArn} is in us-east-1, so the region is not the problem`
    : `the certificate ${e.certificateArn} is in ${e.region}: CloudFront only uses ACM certificates from us-east-1; request or import it there and use that ARN (CF-02)`;
}

/** Drops the region cause when the ARN shows us-east-1. */
function withoutSettled(e: Extracted, names: readonly CfCauseName[]): CfCauseName[] {
  return names.filter((n) => !(n === 'region' && e.region === 'us-east-1'));
}

function ivc(e: Extracted, meaning: string, names: readonly CfCauseName[], diagnosis?: string): Diagnosis {
  const verdict = diagnosis ?? regionVerdict(e);
  return {
    meaning,
    ...(verdict ? { diagnosis: verdict } : {}),
    causes: cfCauses(e, withoutSettled(e, names)),
  };
}

/** `InvalidViewerCertificate` without a message: every check, in CloudFront's order. */
export function diagnoseInvalidViewerCertificate(e: Extracted): Diagnosis {
  return ivc(e, IVC_MEANING, [
    'region',
    'missing',
    'noCertificate',
    'status',
    'chainLength',
    'dates',
    'trust',
    'format',
    'keyType',
    'coverage',
    'wildcardAlias',
    'legacyFields',
  ]);
}

/** "The specified SSL certificate doesn't exist, isn't in us-east-1 region, isn't valid, or ...". */
export function diagnoseCertificateUnusable(e: Extracted): Diagnosis {
  return ivc(
    e,
    "CloudFront could not use the certificate the distribution names: it doesn't exist in this account, isn't in us-east-1, isn't valid (not ISSUED, expired, an unsupported key) or comes without a valid chain.",
    ['region', 'missing', 'status', 'justIssued', 'dates', 'trust', 'keyType', 'format'],
  );
}

/** "... you must attach a trusted certificate that validates your authorization to use the domain name". */
export function diagnoseTrustedCertificateRequired(e: Extracted): Diagnosis {
  return ivc(
    e,
    'CloudFront accepts an alias (CNAME) only with proof that you may use it: a certificate from a publicly trusted CA that covers the alias. Either no certificate is attached, or the attached one does not cover the alias or is not publicly trusted.',
    ['noCertificate', 'coverage', 'wildcardAlias', 'trust', 'staleArn'],
  );
}

/** "The certificate that is attached to your distribution doesn't cover the alternate domain name". */
export function diagnoseAliasNotCovered(e: Extracted): Diagnosis {
  return ivc(
    e,
    "CloudFront compared every alias of the distribution with the certificate's subjectAltNames and found one that no SAN covers (a SAN covers an alias when it is identical, or a wildcard exactly one level up). This is CloudFront's last certificate check: region, state, chain and trust passed.",
    ['coverage', 'wildcardAlias', 'staleArn', 'aliasSyntax'],
  );
}

/** "... too many certificates in the certificate chain". */
export function diagnoseChainTooLong(e: Extracted): Diagnosis {
  return ivc(
    e,
    'The certificate chain imported with the certificate holds more certificates than CloudFront accepts (5).',
    ['chainLength', 'format'],
  );
}

/** "... one or more certificates that aren't valid for the current date". */
export function diagnoseChainOutOfDate(e: Extracted): Diagnosis {
  return ivc(
    e,
    'A certificate of the chain (the leaf or an intermediate) is expired or not yet valid at the time of the request.',
    ['dates', 'status'],
  );
}

/** "... isn't signed by a trusted CA". */
export function diagnoseNotTrusted(e: Extracted): Diagnosis {
  return ivc(
    e,
    'CloudFront could not build a path from the certificate to a CA on the Mozilla list, which it needs for any new alias (a self-signed certificate may keep an alias that already exists, never add one).',
    ['trust', 'format'],
  );
}

/** "... isn't formatted correctly". */
export function diagnoseMalformed(e: Extracted): Diagnosis {
  return ivc(e, 'CloudFront could not read the certificate, its chain or its key as standard PEM X.509.', [
    'format',
    'keyType',
  ]);
}

/** "Your IAMCertificateId does not match the given Certificate field" / "Cannot specify IAMCertificateId and a CertificateSource not equal to 'iam'". */
export function diagnoseLegacyFields(e: Extracted): Diagnosis {
  const field = e.field ?? 'IAMCertificateId';
  return ivc(
    e,
    `The deprecated Certificate and CertificateSource fields disagree with ${field}. CloudFront checks them when they are present, and get-distribution-config output still echoes them.`,
    ['legacyFields'],
    `remove Certificate and CertificateSource from ViewerCertificate before update-distribution, or set them to the same certificate with CertificateSource ${field === 'ACMCertificateArn' ? "'acm'" : "'iam'"} (CF-13)`,
  );
}

/**
 * CloudFormation's handler: "Exactly one of [AcmCertificateArn,CloudFrontDefaultCertificate,
 * IamCertificateId] needs to be specified". It counts the properties written, false included.
 */
export function diagnoseCertificateSourceCount(e: Extracted): Diagnosis {
  return {
    meaning:
      "CloudFormation's resource handler refused the distribution before calling CloudFront: its ViewerCertificate must write exactly one of AcmCertificateArn, CloudFrontDefaultCertificate and IamCertificateId. It counts what is written, so CloudFrontDefaultCertificate: false next to an ARN is two, and a ViewerCertificate with only protocol settings is none.",
    // only CloudFormation words it so: a CDK app's synthesized template when the text says CDK
    causes: cfCauses({ wrapper: 'cloudformation', ...e }, ['sourceConflict', 'sourceMissing']),
  };
}

/** The API: "Your ViewerCertificate is missing one of ACMCertificateArn, IAMCertificateId, or CloudFrontDefaultCertificate." */
export function diagnoseCertificateSourceMissing(e: Extracted): Diagnosis {
  return {
    meaning:
      'CloudFront received a ViewerCertificate that names no certificate: none of ACMCertificateArn, IAMCertificateId and CloudFrontDefaultCertificate arrived. An absent ViewerCertificate means the default certificate; an empty-handed one is refused.',
    causes: cfCauses(e, ['sourceMissing']),
  };
}

/** InvalidArgument "The parameter CNAME contains one or more parameters that are not valid.": an alias CloudFront does not take. */
export function diagnoseCnameNotValid(e: Extracted): Diagnosis {
  return {
    meaning:
      'CloudFront refused an alias as written, before looking at any certificate: aliases must be lower-case host names, a * only as the whole leftmost label, no trailing dot, internationalized names as xn-- A-labels, at most 253 characters.',
    causes: cfCauses(e, ['aliasSyntax']),
  };
}

/** `IllegalUpdate`: only one viewer-certificate change may be in progress at a time. */
export function diagnoseUpdateInProgress(e: Extracted): Diagnosis {
  return {
    meaning:
      'CloudFront refused the update because an earlier change to the same distribution is still being deployed; nothing is wrong with the certificate itself.',
    causes: cfCauses(e, ['updateInProgress']),
  };
}

/**
 * IllegalUpdate with another message than the certificate-change one: CloudFront refuses the
 * update as written (a custom error response list, an origin, a field that cannot change), and
 * its message names what. An in-progress certificate change stays listed: it is the certificate case.
 */
export function diagnoseIllegalUpdate(e: Extracted): Diagnosis {
  return {
    meaning:
      'CloudFront refused the update as not allowed: the message after the code names what (a custom error response list, an origin, a field that cannot be changed this way); only when it speaks of a viewer certificate change in progress is it about certificates, and then the earlier change must finish deploying first.',
    causes: cfCauses(e, ['updateInProgress']),
  };
}

/** A provider or construct rejected a value before any API call (Terraform plan-time validation). */
export function diagnosePlanValidation(e: Extracted): Diagnosis {
  return {
    meaning:
      'Terraform (or the construct library) rejected the configuration while planning: no request reached CloudFront, so the fix is in the configuration file, at the line the message names.',
    ...(e.value && e.allowedValues
      ? {
          diagnosis: `${e.field ?? 'the field'} is ${e.value}, which is not one of ${e.allowedValues.join(', ')}`,
        }
      : {}),
    causes: cfCauses(e, ['planValidation', 'noCertificate']),
  };
}

/** The AWS CLI / SDK refused the request's shape before sending it. */
export function diagnoseRequestShape(e: Extracted): Diagnosis {
  return {
    meaning:
      "The AWS CLI (botocore) checked the request against CloudFront's model and refused it before sending: the input file is not a DistributionConfig.",
    causes: cfCauses(e, ['requestShape']),
  };
}
