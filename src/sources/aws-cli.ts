/**
 * AWS CLI CloudFront output → Distributions: get-distribution-config, get-distribution,
 * list-distributions and a bare DistributionConfig, with the API field names (rulebook §3.1, §7).
 */

import type { Distribution, Field, ViewerCertificate } from '../cloudfront/model.js';
import type { Locator } from '../findings/types.js';
import type { InputKind } from './detect.js';
import type { JsonPath, SourceDocument } from './document.js';
import { displayName } from './document.js';
import {
  asBoolean,
  asNumber,
  asString,
  type Collected,
  type FieldNames,
  field,
  isRecord,
  own,
  ownString,
  UnresolvedValue,
  unresolvedFindings,
} from './fields.js';

/** API field names, as INPUT_UNRESOLVED_VALUE names them. */
const API_FIELD_NAMES: FieldNames = {
  aliases: 'Aliases.Items',
  aliasesQuantity: 'Aliases.Quantity',
  cloudFrontDefaultCertificate: 'ViewerCertificate.CloudFrontDefaultCertificate',
  acmCertificateArn: 'ViewerCertificate.ACMCertificateArn',
  iamCertificateId: 'ViewerCertificate.IAMCertificateId',
  sslSupportMethod: 'ViewerCertificate.SSLSupportMethod',
  minimumProtocolVersion: 'ViewerCertificate.MinimumProtocolVersion',
  certificate: 'ViewerCertificate.Certificate',
  certificateSource: 'ViewerCertificate.CertificateSource',
  httpVersion: 'HttpVersion',
  connectionMode: 'ConnectionMode',
};

const DISTRIBUTION_ARN = /^arn:[a-z-]+:cloudfront::(\d{12}):distribution\/([A-Z0-9]+)$/;

/** The account id in a distribution ARN (`arn:aws:cloudfront::111122223333:distribution/E...`). */
function accountOfDistributionArn(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : DISTRIBUTION_ARN.exec(arn)?.[1];
}

interface Meta {
  readonly id: string;
  readonly arn?: string;
  readonly etag?: string;
}

/** Reads the distributions of one CloudFront CLI document into `out`. */
export function readCloudFrontOutput(doc: SourceDocument, kind: InputKind, out: Collected): void {
  const v = doc.value;
  const etag = ownString(v, 'ETag');
  const name = displayName(doc.source);
  switch (kind) {
    case 'cloudfront-config':
      add(doc, ['DistributionConfig'], own(v, 'DistributionConfig'), { id: name, ...opt('etag', etag) }, out);
      return;
    case 'cloudfront-bare-config':
      add(doc, [], v, { id: name }, out);
      return;
    case 'cloudfront-distribution': {
      const d = own(v, 'Distribution');
      const meta = {
        id: ownString(d, 'Id') ?? name,
        ...opt('arn', ownString(d, 'ARN')),
        ...opt('etag', etag),
      };
      add(doc, ['Distribution', 'DistributionConfig'], own(d, 'DistributionConfig'), meta, out, [
        'Distribution',
      ]);
      return;
    }
    case 'cloudfront-list': {
      const items = own(own(v, 'DistributionList'), 'Items');
      if (!Array.isArray(items)) return; // an empty list comes back without Items
      items.forEach((summary, i) => {
        const path = ['DistributionList', 'Items', i];
        const meta = {
          id: ownString(summary, 'Id') ?? `${name}#${i}`,
          ...opt('arn', ownString(summary, 'ARN')),
        };
        add(doc, path, summary, meta, out);
      });
      return;
    }
    default:
      return;
  }
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function add(
  doc: SourceDocument,
  path: JsonPath,
  config: unknown,
  meta: Meta,
  out: Collected,
  locationPath: JsonPath = path,
): void {
  const d = readConfig(doc, path, isRecord(config) ? config : {}, meta, doc.locator(locationPath));
  out.distributions.push(d);
  out.findings.push(...unresolvedFindings(d, API_FIELD_NAMES));
}

/** One DistributionConfig (or DistributionSummary, which has the same fields) → Distribution. */
function readConfig(
  doc: SourceDocument,
  path: JsonPath,
  config: Record<string, unknown>,
  meta: Meta,
  location: Locator,
): Distribution {
  const aliases = own(config, 'Aliases');
  const items = own(aliases, 'Items');
  const aliasFields: Field<string>[] = [];
  let aliasesUnresolved: Distribution['aliasesUnresolved'];
  if (Array.isArray(items)) {
    for (let i = 0; i < items.length; i++) {
      const value =
        asString(items[i], `Aliases.Items[${i}]`) ?? new UnresolvedValue(`Aliases.Items[${i}] is null`);
      aliasFields.push({ value, location: doc.locator([...path, 'Aliases', 'Items', i]) });
    }
  } else if (items !== undefined) {
    const reason = new UnresolvedValue('Aliases.Items is not a list');
    aliasesUnresolved = Object.assign(reason, { location: doc.locator([...path, 'Aliases', 'Items']) });
  }
  const quantity = own(aliases, 'Quantity');
  // one literal, absent fields undefined-valued: list-distributions brings 10,000 of these
  return {
    id: meta.id,
    format: 'aws-cli',
    source: doc.source,
    location,
    aliases: aliasFields,
    aliasesUnresolved,
    aliasesQuantity:
      quantity === undefined
        ? undefined
        : field(asNumber(quantity, 'Aliases.Quantity'), doc.locator([...path, 'Aliases', 'Quantity'])),
    viewerCertificate: readViewerCertificate(
      doc,
      [...path, 'ViewerCertificate'],
      own(config, 'ViewerCertificate'),
    ),
    httpVersion: read(doc, path, config, 'HttpVersion', asString),
    connectionMode: read(doc, path, config, 'ConnectionMode', asString),
    etag: meta.etag,
    accountId: accountOfDistributionArn(meta.arn),
  };
}

/** The Field of `record[key]` at `path`, named with its API name; undefined when absent. */
function read<T>(
  doc: SourceDocument,
  path: JsonPath,
  record: Record<string, unknown>,
  key: string,
  as: (v: unknown, n: string) => T | UnresolvedValue | undefined,
  prefix = '',
): Field<T> | undefined {
  const raw = own(record, key);
  return raw === undefined ? undefined : field(as(raw, prefix + key), doc.locator([...path, key]));
}

function readViewerCertificate(
  doc: SourceDocument,
  path: JsonPath,
  vc: unknown,
): ViewerCertificate | undefined {
  if (vc === undefined || vc === null) return undefined;
  const location = doc.locator(path);
  if (!isRecord(vc)) {
    return {
      location,
      acmCertificateArn: { value: new UnresolvedValue('ViewerCertificate is not a mapping'), location },
    };
  }
  const p = 'ViewerCertificate.';
  return {
    location,
    cloudFrontDefaultCertificate: read(doc, path, vc, 'CloudFrontDefaultCertificate', asBoolean, p),
    acmCertificateArn: read(doc, path, vc, 'ACMCertificateArn', asString, p),
    iamCertificateId: read(doc, path, vc, 'IAMCertificateId', asString, p),
    sslSupportMethod: read(doc, path, vc, 'SSLSupportMethod', asString, p),
    minimumProtocolVersion: read(doc, path, vc, 'MinimumProtocolVersion', asString, p),
    certificate: read(doc, path, vc, 'Certificate', asString, p),
    certificateSource: read(doc, path, vc, 'CertificateSource', asString, p),
  };
}
