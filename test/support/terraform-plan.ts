/** Pieces of `terraform show -json` plans that several plan tests generate. */

/** A distribution's planned values with one ACM viewer certificate (`null`: known after apply). */
export function distributionValues(
  arn: string | null,
  options: { aliases?: unknown; httpVersion?: string } = {},
): Record<string, unknown> {
  return {
    aliases: options.aliases ?? ['www.example.com'],
    http_version: options.httpVersion ?? 'http2',
    viewer_certificate: [
      {
        acm_certificate_arn: arn,
        cloudfront_default_certificate: false,
        iam_certificate_id: null,
        minimum_protocol_version: 'TLSv1.2_2021',
        ssl_support_method: 'sni-only',
      },
    ],
  };
}

/**
 * `length` aws_acm_certificate_validation resources of `configuration`, v0 → v1 → ... each
 * referring to the next, the last to `aws_acm_certificate.cert`: a certificate ARN reached
 * through a long reference chain.
 */
export function validationChain(length: number): Record<string, unknown>[] {
  return Array.from({ length }, (_, i) => ({
    address: `aws_acm_certificate_validation.v${i}`,
    mode: 'managed',
    type: 'aws_acm_certificate_validation',
    name: `v${i}`,
    expressions: {
      certificate_arn: {
        references: [
          i + 1 < length
            ? `aws_acm_certificate_validation.v${i + 1}.certificate_arn`
            : 'aws_acm_certificate.cert.arn',
        ],
      },
    },
  }));
}
