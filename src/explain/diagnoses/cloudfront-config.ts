/**
 * Diagnoses of CloudFront's other distribution errors: alias conflicts (CF-23, CF-24), TLS
 * policy and SSL support method (CF-17..CF-19), quotas (CF-22, CF-25), the API request shape
 * (CF-26, CF-28).
 */

import {
  isMinimumProtocolVersion,
  MINIMUM_PROTOCOL_VERSIONS,
  RECOMMENDED_MINIMUM_POLICY,
} from '../../cloudfront/policies.js';
import { distributionConfig, distributionIdOf, gateCheck } from '../commands.js';
import type { Diagnosis, Extracted } from '../types.js';
import { rule } from './cloudfront-causes.js';

/** The command that shows whether the deploy replaces the distribution, per wrapper. */
function replacementCheck(e: Extracted): string {
  switch (e.wrapper) {
    case 'cdk':
      return 'npx cdk diff';
    case 'terraform':
      return "terraform plan -no-color | grep -B1 -A1 'must be replaced'";
    default:
      return "aws cloudformation describe-change-set --stack-name <stack> --change-set-name <change-set> --query 'Changes[].ResourceChange.[LogicalResourceId,Replacement]'";
  }
}

/** `CNAMEAlreadyExists`: "One or more of the CNAMEs you provided are already associated with a different resource". */
export function diagnoseCnameAlreadyExists(e: Extracted): Diagnosis {
  const id = distributionIdOf(e);
  const replacement = rule('CF-23', {
    cause:
      'the deploy replaces the distribution: the new one is created with the alias while the old one still holds it (CloudFormation and CDK create before they delete; so does Terraform with create_before_destroy)',
    check: 'does the change replace the distribution (Replacement: True, "must be replaced")?',
    command: replacementCheck(e),
  });
  const causes = [
    rule('CF-23', {
      cause:
        'another distribution of yours still has the alias: an older stack or environment, a blue/green copy, one kept by DeletionPolicy: Retain, a manual test',
      check:
        'list your distributions that carry the alias (an alias belongs to one distribution worldwide, even within one account)',
      command:
        'aws cloudfront list-distributions --query "DistributionList.Items[?Aliases.Items && contains(Aliases.Items, \'<alias>\')].[Id,DomainName]"',
    }),
    replacement,
    rule('CF-23', {
      cause:
        'a distribution in another AWS account has the alias (another team, a former agency, an old account)',
      check:
        'ask CloudFront who has it, from a distribution of yours whose certificate covers the alias (ids come back partly masked); move it with AssociateAlias or UpdateDomainAssociation, which needs a TXT record _<alias> for a cross-account move',
      command: `aws cloudfront list-conflicting-aliases --distribution-id ${id} --alias <alias>`,
    }),
    rule('CF-23', {
      cause: 'a distribution tenant of a multi-tenant distribution has the domain',
      check: 'ListDomainConflicts covers tenants as well as distributions',
      command: `aws cloudfront list-domain-conflicts --domain <alias> --domain-control-validation-resource DistributionId=${id}`,
    }),
  ];
  // A stack deploy that fails this way is most often its own replacement.
  const ordered =
    e.wrapper && e.wrapper !== 'aws-cli' ? [replacement, ...causes.filter((c) => c !== replacement)] : causes;
  return {
    meaning:
      'CloudFront refused the alias (HTTP 409) because another distribution or tenant already has it: an alias belongs to exactly one, in any account.',
    causes: ordered,
  };
}

/** "One or more aliases ... includes an incorrectly configured DNS record that points to another CloudFront distribution". */
export function diagnoseDnsPointsElsewhere(e: Extracted): Diagnosis {
  return {
    meaning:
      'CloudFront refused a more specific alias because DNS for it already resolves to another CloudFront distribution (often through a wildcard record such as *.example.com).',
    causes: [
      rule('CF-24', {
        cause:
          'DNS for the alias (or a wildcard record above it) points at another distribution than the one you are adding the alias to',
        check: `resolve the alias and compare the dXXXX.cloudfront.net name with this distribution's DomainName; point the record at this distribution first, then add the alias`,
        command: `dig +short <alias> && aws cloudfront get-distribution --id ${distributionIdOf(e)} --query Distribution.DomainName`,
      }),
      rule('CF-23', {
        cause: 'the other distribution also has the alias (or an overlapping wildcard alias)',
        check: 'list the conflicting aliases from this distribution',
        command: `aws cloudfront list-conflicting-aliases --distribution-id ${distributionIdOf(e)} --alias <alias>`,
      }),
    ],
  };
}

/** `InvalidProtocolSettings`: SSLv3 with sni-only. */
export function diagnoseInvalidProtocolSettings(e: Extracted): Diagnosis {
  return {
    meaning:
      'CloudFront refused the TLS settings: MinimumProtocolVersion SSLv3 cannot be used with SSLSupportMethod sni-only.',
    causes: [
      rule('CF-17', {
        cause:
          'ViewerCertificate combines SSLSupportMethod sni-only with MinimumProtocolVersion SSLv3 (old examples and module defaults)',
        check: `set MinimumProtocolVersion to ${RECOMMENDED_MINIMUM_POLICY} (or at least TLSv1) with sni-only`,
        command: gateCheck(e, false),
      }),
    ],
  };
}

/** `InvalidMinimumProtocolVersion` / "The specified MinimumProtocolVersion cannot be used with the specified SSLSupportMethod". */
export function diagnoseProtocolForMethod(e: Extracted): Diagnosis {
  const vip = rule('CF-18', {
    cause:
      'SSLSupportMethod vip (dedicated IP) with a policy newer than TLSv1: vip takes only TLSv1 and SSLv3 unless AWS Support enabled more',
    check: `switch to sni-only (every modern client sends SNI) to use ${RECOMMENDED_MINIMUM_POLICY}, or keep vip with TLSv1`,
    command: gateCheck(e, false),
  });
  const sslv3 = rule('CF-17', {
    cause: 'SSLSupportMethod sni-only with MinimumProtocolVersion SSLv3',
    check: 'sni-only needs TLSv1 or later',
    command: gateCheck(e, false),
  });
  const seen =
    e.sslSupportMethod && e.minimumProtocolVersion
      ? `the config next to the error has SSLSupportMethod ${e.sslSupportMethod} with MinimumProtocolVersion ${e.minimumProtocolVersion}`
      : undefined;
  const causes = e.sslSupportMethod === 'sni-only' ? [sslv3, vip] : [vip, sslv3];
  return {
    meaning: 'CloudFront refused the MinimumProtocolVersion for the SSLSupportMethod the distribution uses.',
    ...(seen ? { diagnosis: seen } : {}),
    causes,
  };
}

/** The enum value nearest to what was written (`TLSv1.2` → `TLSv1.2_2021`). */
function suggestPolicy(value: string): string | undefined {
  const v = value.toLowerCase().replace(/\s+/g, '');
  if (/^tlsv?1\.?3/.test(v)) return 'TLSv1.3_2025';
  if (/^tlsv?1\.?2/.test(v)) return RECOMMENDED_MINIMUM_POLICY;
  if (/^tlsv?1\.?1/.test(v)) return 'TLSv1.1_2016';
  if (/^tlsv?1(?:\.?0)?$/.test(v)) return 'TLSv1';
  return undefined;
}

/** `MalformedXML`: "... failed to satisfy constraint: Member must satisfy enum value set". */
export function diagnoseEnumValue(e: Extracted): Diagnosis {
  const isPolicy = e.field === undefined || /minimumprotocolversion/i.test(e.field);
  const known = e.value !== undefined && isMinimumProtocolVersion(e.value);
  const suggestion = e.value !== undefined && !known ? suggestPolicy(e.value) : undefined;
  let diagnosis: string | undefined;
  if (e.value !== undefined && isPolicy && known) {
    diagnosis = `${e.value} is a valid MinimumProtocolVersion, but the SDK, CLI or provider that sent it does not know it yet: upgrade it (CF-19)`;
  } else if (e.value !== undefined && suggestion) {
    diagnosis = `${e.value} is not a MinimumProtocolVersion value; the nearest is ${suggestion} (values: ${MINIMUM_PROTOCOL_VERSIONS.join(', ')})`;
  } else if (e.value !== undefined) {
    diagnosis = `'${e.value}' is not one of the values ${e.field ?? 'the field'} takes${e.allowedValues ? `: ${e.allowedValues.join(', ')}` : ''}`;
  }
  return {
    meaning:
      'The request did not pass validation: a value is not in its enum. For CloudFront it is most often MinimumProtocolVersion (TLSv1.2 is not a value; TLSv1.2_2021 is).',
    ...(diagnosis ? { diagnosis } : {}),
    causes: [
      rule('CF-19', {
        cause:
          'a MinimumProtocolVersion (or SSLSupportMethod) value that is not an exact enum value: TLSv1.2, TLSv1.0, sni instead of sni-only',
        check: `use one of ${MINIMUM_PROTOCOL_VERSIONS.join(', ')}; note the underscore in TLSv1_2016`,
        command: gateCheck(e, false),
      }),
      rule('CF-19', {
        cause:
          'a valid new policy (TLSv1.2_2025, TLSv1.3_2025) sent by an SDK, CLI or Terraform provider whose model predates it',
        check:
          "the enum list in the error is the tool's own: if the value is missing there, upgrade the tool",
        command: 'aws --version && terraform version',
      }),
    ],
  };
}

/** `TooManyDistributionCNAMEs`. */
export function diagnoseTooManyAliases(e: Extracted): Diagnosis {
  return {
    meaning: 'The distribution has more aliases than the quota allows (100 by default, adjustable).',
    causes: [
      rule('CF-25', {
        cause:
          'more than 100 aliases on one distribution (often generated from a list of tenants or environments)',
        check:
          'count the aliases; split them across distributions, use a wildcard alias, or request a quota increase',
        command: gateCheck(e, false),
      }),
    ],
  };
}

/** `TooManyCertificates`. */
export function diagnoseTooManyCertificates(e: Extracted): Diagnosis {
  return {
    meaning:
      'The account has used its dedicated-IP (vip) custom certificates (2 by default); SNI has no such quota.',
    causes: [
      rule('CF-22', {
        cause: 'a third distribution with SSLSupportMethod vip in the account',
        check:
          'use sni-only (no certificate quota), or request a quota increase for dedicated-IP certificates',
        command: gateCheck(e, false),
      }),
    ],
  };
}

/** `InconsistentQuantities`. */
export function diagnoseInconsistentQuantities(e: Extracted): Diagnosis {
  return {
    meaning: 'A list in the distribution config has a Quantity that differs from the number of its Items.',
    causes: [
      rule('CF-26', {
        cause:
          'Items was edited (an alias added or removed) without updating Quantity, or Items removed while Quantity stayed above 0',
        check: 'for every {Quantity, Items} pair, Quantity must equal the length of Items',
        command: `${distributionConfig(e)} && jq '[.. | objects | select(has("Quantity")) | select(.Quantity != ((.Items // []) | length))]' dist.json`,
      }),
    ],
  };
}

/** `PreconditionFailed` / `InvalidIfMatchVersion`: the ETag sent with UpdateDistribution. */
export function diagnoseETag(e: Extracted): Diagnosis {
  const stale = rule('CF-28', {
    cause:
      'the ETag sent as If-Match is stale: the distribution changed since the config was read (another pipeline, a console edit, a previous step of the same script)',
    check:
      'read the config again and send its new ETag; two pipelines updating one distribution must not overlap',
    command: `aws cloudfront get-distribution-config --id ${distributionIdOf(e)} --query ETag`,
  });
  const missing = rule('CF-28', {
    cause:
      'no If-Match was sent, or the file given to --distribution-config still wraps the config in {"ETag": ..., "DistributionConfig": ...}',
    check: 'pass --if-match with the ETag and give update-distribution only the DistributionConfig object',
    command: `${distributionConfig(e)} && jq '.DistributionConfig' dist.json > config.json`,
  });
  const isMissing = e.awsError === 'InvalidIfMatchVersion';
  return {
    meaning: isMissing
      ? 'UpdateDistribution was sent without a valid If-Match header (the ETag of the config it changes).'
      : "UpdateDistribution's If-Match (ETag) no longer matches the distribution: it changed after the config was read.",
    causes: isMissing ? [missing, stale] : [stale, missing],
  };
}
