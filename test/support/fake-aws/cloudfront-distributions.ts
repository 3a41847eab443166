/** ListDistributions, GetDistribution and GetDistributionConfig, in the SDK schema's element names. */

import {
  type CloudFrontRequest,
  DEFAULT_TIME,
  find,
  invalidArgument,
  maxItems,
  ok,
} from './cloudfront-common.js';
import { tagFrom } from './names.js';
import { pageFrom, pageSize } from './paging.js';
import type { Answer, FakeAccountSpec, FakeDistribution } from './types.js';
import { el, leaf, quantityList, type XmlElement } from './xml.js';

export function list(request: CloudFrontRequest, account: FakeAccountSpec): Answer {
  const size = pageSize(maxItems(request.query.get('MaxItems')), account.pageSize ?? 2);
  const marker = request.query.get('Marker') ?? '';
  // The marker is the Id of the last distribution of the previous page.
  let start = 0;
  if (marker !== '') {
    const index = account.distributions.findIndex((distribution) => distribution.Id === marker);
    if (index < 0) throw invalidArgument('The marker is not valid.');
    start = index + 1;
  }
  const page = pageFrom(account.distributions, start, size);
  const last = page.items.at(-1);
  const root = el(
    'DistributionList',
    leaf('Marker', marker),
    page.next !== undefined && last ? leaf('NextMarker', last.Id) : undefined,
    leaf('MaxItems', size),
    leaf('IsTruncated', page.next !== undefined),
    leaf('Quantity', page.items.length),
    page.items.length > 0
      ? el('Items', ...page.items.map((distribution) => summaryXml(account, distribution)))
      : undefined,
  );
  return ok(root);
}

function summaryXml(account: FakeAccountSpec, d: FakeDistribution): XmlElement {
  return el(
    'DistributionSummary',
    leaf('Id', d.Id),
    leaf('ARN', arnOf(account, d)),
    leaf('ETag', d.ETag),
    leaf('Status', d.Status ?? 'Deployed'),
    leaf('LastModifiedTime', d.LastModifiedTime ?? DEFAULT_TIME),
    leaf('DomainName', domainOf(d)),
    aliasesXml(d),
    originsXml(d),
    defaultCacheBehaviorXml(d),
    quantityList('CacheBehaviors', []),
    quantityList('CustomErrorResponses', []),
    leaf('Comment', d.Comment ?? ''),
    leaf('PriceClass', d.PriceClass ?? 'PriceClass_All'),
    leaf('Enabled', d.Enabled ?? true),
    viewerCertificateXml(d),
    restrictionsXml(),
    leaf('WebACLId', d.WebACLId ?? ''),
    leaf('HttpVersion', d.HttpVersion ?? 'http2'),
    leaf('IsIPV6Enabled', d.IsIPV6Enabled ?? true),
    leaf('Staging', false),
    leaf('ConnectionMode', d.ConnectionMode),
  );
}

export function getConfig(account: FakeAccountSpec, id: string): Answer {
  const distribution = find(account, id);
  return ok(configXml(distribution), { etag: etagOf(distribution) });
}

export function getDistribution(account: FakeAccountSpec, id: string): Answer {
  const d = find(account, id);
  const root = el(
    'Distribution',
    leaf('Id', d.Id),
    leaf('ARN', arnOf(account, d)),
    leaf('Status', d.Status ?? 'Deployed'),
    leaf('LastModifiedTime', d.LastModifiedTime ?? DEFAULT_TIME),
    leaf('InProgressInvalidationBatches', 0),
    leaf('DomainName', domainOf(d)),
    el('ActiveTrustedSigners', leaf('Enabled', false), leaf('Quantity', 0)),
    el('ActiveTrustedKeyGroups', leaf('Enabled', false), leaf('Quantity', 0)),
    configXml(d),
  );
  return ok(root, { etag: etagOf(d) });
}

function configXml(d: FakeDistribution): XmlElement {
  return el(
    'DistributionConfig',
    leaf('CallerReference', d.CallerReference ?? `caller-${d.Id}`),
    aliasesXml(d),
    leaf('DefaultRootObject', ''),
    originsXml(d),
    quantityList('OriginGroups', []),
    defaultCacheBehaviorXml(d),
    quantityList('CacheBehaviors', []),
    quantityList('CustomErrorResponses', []),
    leaf('Comment', d.Comment ?? ''),
    el(
      'Logging',
      leaf('Enabled', false),
      leaf('IncludeCookies', false),
      leaf('Bucket', ''),
      leaf('Prefix', ''),
    ),
    leaf('PriceClass', d.PriceClass ?? 'PriceClass_All'),
    leaf('Enabled', d.Enabled ?? true),
    viewerCertificateXml(d),
    restrictionsXml(),
    leaf('WebACLId', d.WebACLId ?? ''),
    leaf('HttpVersion', d.HttpVersion ?? 'http2'),
    leaf('IsIPV6Enabled', d.IsIPV6Enabled ?? true),
    leaf('Staging', false),
    leaf('ConnectionMode', d.ConnectionMode),
  );
}

function aliasesXml(d: FakeDistribution): XmlElement {
  return quantityList(
    'Aliases',
    d.Aliases.map((alias) => leaf('CNAME', alias)!),
  );
}

function originsXml(d: FakeDistribution): XmlElement {
  const origins = d.Origins ?? [{ Id: 'origin-1', DomainName: `origin.${d.Id.toLowerCase()}.example.net` }];
  return quantityList(
    'Origins',
    origins.map((origin) =>
      el(
        'Origin',
        leaf('Id', origin.Id),
        leaf('DomainName', origin.DomainName),
        leaf('OriginPath', origin.OriginPath ?? ''),
        quantityList('CustomHeaders', []),
        origin.S3OriginConfig
          ? el('S3OriginConfig', leaf('OriginAccessIdentity', origin.S3OriginConfig.OriginAccessIdentity))
          : el(
              'CustomOriginConfig',
              leaf('HTTPPort', origin.CustomOriginConfig?.HTTPPort ?? 80),
              leaf('HTTPSPort', origin.CustomOriginConfig?.HTTPSPort ?? 443),
              leaf('OriginProtocolPolicy', origin.CustomOriginConfig?.OriginProtocolPolicy ?? 'https-only'),
              quantityList('OriginSslProtocols', [leaf('SslProtocol', 'TLSv1.2')!]),
              leaf('OriginReadTimeout', 30),
              leaf('OriginKeepaliveTimeout', 5),
            ),
        leaf('ConnectionAttempts', 3),
        leaf('ConnectionTimeout', 10),
        el('OriginShield', leaf('Enabled', false)),
        leaf('OriginAccessControlId', ''),
      ),
    ),
  );
}

function defaultCacheBehaviorXml(d: FakeDistribution): XmlElement {
  const behavior = d.DefaultCacheBehavior ?? {};
  const methods = () => [leaf('Method', 'HEAD')!, leaf('Method', 'GET')!];
  return el(
    'DefaultCacheBehavior',
    leaf('TargetOriginId', behavior.TargetOriginId ?? d.Origins?.[0]?.Id ?? 'origin-1'),
    el('TrustedSigners', leaf('Enabled', false), leaf('Quantity', 0)),
    el('TrustedKeyGroups', leaf('Enabled', false), leaf('Quantity', 0)),
    leaf('ViewerProtocolPolicy', behavior.ViewerProtocolPolicy ?? 'redirect-to-https'),
    quantityList('AllowedMethods', methods(), quantityList('CachedMethods', methods())),
    leaf('SmoothStreaming', false),
    leaf('Compress', behavior.Compress ?? true),
    quantityList('LambdaFunctionAssociations', []),
    quantityList('FunctionAssociations', []),
    leaf('FieldLevelEncryptionId', ''),
    leaf('CachePolicyId', behavior.CachePolicyId ?? '658327ea-f89d-4fab-a63d-7e88639e58f6'),
  );
}

function viewerCertificateXml(d: FakeDistribution): XmlElement {
  const v = d.ViewerCertificate;
  // The service still returns the deprecated Certificate / CertificateSource pair.
  const source = v.ACMCertificateArn ? 'acm' : v.IAMCertificateId ? 'iam' : 'cloudfront';
  const certificate = v.ACMCertificateArn ?? v.IAMCertificateId;
  return el(
    'ViewerCertificate',
    leaf('CloudFrontDefaultCertificate', v.CloudFrontDefaultCertificate ?? source === 'cloudfront'),
    leaf('IAMCertificateId', v.IAMCertificateId),
    leaf('ACMCertificateArn', v.ACMCertificateArn),
    leaf('SSLSupportMethod', v.SSLSupportMethod ?? (source === 'cloudfront' ? undefined : 'sni-only')),
    leaf(
      'MinimumProtocolVersion',
      v.MinimumProtocolVersion ?? (source === 'cloudfront' ? 'TLSv1' : 'TLSv1.2_2021'),
    ),
    leaf('Certificate', certificate),
    leaf('CertificateSource', source),
  );
}

function restrictionsXml(): XmlElement {
  return el('Restrictions', el('GeoRestriction', leaf('RestrictionType', 'none'), leaf('Quantity', 0)));
}

function arnOf(account: FakeAccountSpec, d: FakeDistribution): string {
  return d.ARN ?? `arn:aws:cloudfront::${account.accountId}:distribution/${d.Id}`;
}

function domainOf(d: FakeDistribution): string {
  return d.DomainName ?? `d${tagFrom(d.Id, 13).toLowerCase()}.cloudfront.net`;
}

function etagOf(d: FakeDistribution): string {
  return d.ETag ?? `E${tagFrom(`etag:${d.Id}`, 13)}`;
}
