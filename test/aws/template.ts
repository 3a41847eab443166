/** A CloudFormation template of distributions for the live tests: one per (logical id, aliases, ARN). */

export interface TemplateDistribution {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly arn?: string;
  readonly iamCertificateId?: string;
}

/** The template's YAML text. */
export function templateYaml(distributions: readonly TemplateDistribution[]): string {
  const resources = distributions.map((d) => {
    const cert = d.arn
      ? `          AcmCertificateArn: ${d.arn}`
      : `          IamCertificateId: ${d.iamCertificateId}`;
    return `  ${d.id}:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Aliases: [${d.aliases.join(', ')}]
        ViewerCertificate:
${cert}
          SslSupportMethod: sni-only
          MinimumProtocolVersion: TLSv1.2_2021
        HttpVersion: http2
        Origins:
          - Id: origin
            DomainName: origin.example.com
            CustomOriginConfig:
              OriginProtocolPolicy: https-only
        DefaultCacheBehavior:
          TargetOriginId: origin
          ViewerProtocolPolicy: redirect-to-https
          CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6
`;
  });
  return `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${resources.join('')}`;
}

/** An ISSUED Amazon certificate for `names` (the first is its DomainName), as the fake account serves it. */
export const issuedCertificate = (arn: string, names: string[]) => ({
  CertificateArn: arn,
  DomainName: names[0]!,
  SubjectAlternativeNames: names,
  Status: 'ISSUED',
  Type: 'AMAZON_ISSUED' as const,
  KeyAlgorithm: 'RSA-2048',
  NotBefore: '2026-06-01T00:00:00Z',
  NotAfter: '2027-06-01T00:00:00Z',
  InUseBy: [],
  RenewalEligibility: 'ELIGIBLE' as const,
});
