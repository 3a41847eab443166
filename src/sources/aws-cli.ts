/**
 * AWS CLI CloudFront output → Distributions: get-distribution-config, get-distribution,
 * list-distributions and a bare DistributionConfig, with the API field names (rulebook §3.1, §7).
 */

import type { Distribution, Field, Unresolved, ViewerCertificate } from '../cloudfront/model.js';
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
  /** Output of an existing distribution, not a config being prepared (Distribution.deployed). */
  readonly deployed?: true;
  /** CloudFront's domain of an existing distribution (`d111111abcdef8.cloudfront.net`). */
  readonly domainName?: string;
}

/**
 * What names a distribution that has no Id (get-distribution-config output, a DistributionConfig
 * alone, create-distribution input): what a person wrote in it, the CallerReference, else its first
 * alias, else its Comment; else `file#index`. Unique within the document.
 */
function nameOf(config: unknown, doc: SourceDocument, index: number, used: Set<string>): string {
  const items = own(own(config, 'Aliases'), 'Items');
  const firstAlias = Array.isArray(items) && typeof items[0] === 'string' ? items[0] : undefined;
  const written = [ownString(config, 'CallerReference'), firstAlias, ownString(config, 'Comment')].find(
    (s) => s !== undefined && s.trim() !== '',
  );
  const name =
    written === undefined || used.has(written) ? `${displayName(doc.source)}#${index}` : written.trim();
  used.add(name);
  return name;
}

/** Reads the distributions of one CloudFront CLI document into `out`. */
export function readCloudFrontOutput(doc: SourceDocument, kind: InputKind, out: Collected): void {
  const v = doc.value;
  const used = new Set<string>();
  switch (kind) {
    case 'cloudfront-config': {
      // only this output's ETag is meant for update-distribution's If-Match (CF-28)
      const config = own(v, 'DistributionConfig');
      const meta = { id: nameOf(config, doc, 0, used), ...opt('etag', ownString(v, 'ETag')) };
      add(doc, ['DistributionConfig'], config, meta, out);
      return;
    }
    case 'cloudfront-bare-config':
      add(doc, [], v, { id: nameOf(v, doc, 0, used) }, out);
      return;
    case 'cloudfront-distribution': {
      // get-, create- and update-distribution output: the ETag there is of a Distribution, not a
      // config being prepared for an update, so no CF-28 reminder
      const d = own(v, 'Distribution');
      const meta = {
        id: ownString(d, 'Id') ?? nameOf(own(d, 'DistributionConfig'), doc, 0, used),
        ...opt('arn', ownString(d, 'ARN')),
        deployed: true as const,
        ...opt('domainName', ownString(d, 'DomainName')),
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
          id: ownString(summary, 'Id') ?? nameOf(summary, doc, i, used),
          ...opt('arn', ownString(summary, 'ARN')),
          deployed: true as const,
          ...opt('domainName', ownString(summary, 'DomainName')),
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
    const place = new FieldPlace(doc.locator, path, ALIAS_ITEMS);
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      // a string is the common case: its name, for the messages of the others, is not built
      const value =
        typeof item === 'string'
          ? item
          : (asString(item, `Aliases.Items[${i}]`) ?? new UnresolvedValue(`Aliases.Items[${i}] is null`));
      aliasFields.push(new DocField(value, place, i));
    }
  } else if (items !== undefined) {
    const reason = new UnresolvedValue('Aliases.Items is not a list');
    aliasesUnresolved = Object.assign(reason, { location: doc.locator([...path, 'Aliases', 'Items']) });
  }
  const top = new FieldPlace(doc.locator, path, NO_TAIL);
  // one literal, absent fields undefined-valued: list-distributions brings 10,000 of these
  return {
    id: meta.id,
    format: 'aws-cli',
    deployed: meta.deployed,
    source: doc.source,
    location,
    aliases: aliasFields,
    aliasesUnresolved,
    aliasesQuantity:
      own(aliases, 'Quantity') === undefined
        ? undefined
        : read(new FieldPlace(doc.locator, path, ALIASES), aliases, 'Quantity', asNumber, 'Aliases.'),
    viewerCertificate: readViewerCertificate(doc, path, own(config, 'ViewerCertificate')),
    httpVersion: read(top, config, 'HttpVersion', asString),
    connectionMode: read(top, config, 'ConnectionMode', asString),
    etag: meta.etag,
    accountId: accountOfDistributionArn(meta.arn),
    domainName: meta.domainName,
  };
}

// the path tails of the objects a distribution's fields are read from
const NO_TAIL: JsonPath = [];
const ALIASES: JsonPath = ['Aliases'];
const ALIAS_ITEMS: JsonPath = ['Aliases', 'Items'];
const VIEWER_CERTIFICATE: JsonPath = ['ViewerCertificate'];

/**
 * Where the fields read from one object of the document are: the document's locator (not the
 * document: a field must not keep the whole parsed JSON alive, and list-distributions is 27 MB of
 * text, several times that as objects) and the object's path as the distribution's path and a
 * tail. Shared by the fields of that object; a field's whole path is built only when it is located.
 */
class FieldPlace {
  constructor(
    private readonly locate: SourceDocument['locator'],
    private readonly parent: JsonPath,
    private readonly tail: JsonPath,
  ) {}

  locatorOf(key: string | number): Locator {
    return this.locate([...this.parent, ...this.tail, key]);
  }
}

/**
 * A Field whose Locator is made when asked for: a list-distributions file brings 10,000
 * distributions of some 20 fields each, and almost none is ever reported. Three slots: the
 * value, the place shared with the fields beside it, and its own key.
 */
class DocField<T> implements Field<T> {
  readonly value: T | Unresolved;
  readonly #place: FieldPlace;
  readonly #key: string | number;

  constructor(value: T | Unresolved, place: FieldPlace, key: string | number) {
    this.value = value;
    this.#place = place;
    this.#key = key;
  }

  get location(): Locator {
    return this.#place.locatorOf(this.#key);
  }
}

/**
 * The Field of `record[key]`, named with its API name (`prefix` + key) in what is said of a value
 * of the wrong type; undefined when absent.
 */
function read<T>(
  place: FieldPlace,
  record: unknown,
  key: string,
  as: (v: unknown, n: string) => T | UnresolvedValue | undefined,
  prefix = '',
): Field<T> | undefined {
  const raw = own(record, key);
  if (raw === undefined) return undefined;
  // the name is only said of a value that is not of the field's type: not built for the others
  const value = typeof raw === 'string' && as === asString ? (raw as T) : as(raw, prefix + key);
  return value === undefined ? undefined : new DocField(value, place, key);
}

function readViewerCertificate(
  doc: SourceDocument,
  distributionPath: JsonPath,
  vc: unknown,
): ViewerCertificate | undefined {
  if (vc === undefined || vc === null) return undefined;
  const location = doc.locator([...distributionPath, 'ViewerCertificate']);
  if (!isRecord(vc)) {
    return {
      location,
      acmCertificateArn: { value: new UnresolvedValue('ViewerCertificate is not a mapping'), location },
    };
  }
  const p = 'ViewerCertificate.';
  const place = new FieldPlace(doc.locator, distributionPath, VIEWER_CERTIFICATE);
  return {
    location,
    cloudFrontDefaultCertificate: read(place, vc, 'CloudFrontDefaultCertificate', asBoolean, p),
    acmCertificateArn: read(place, vc, 'ACMCertificateArn', asString, p),
    iamCertificateId: read(place, vc, 'IAMCertificateId', asString, p),
    sslSupportMethod: read(place, vc, 'SSLSupportMethod', asString, p),
    minimumProtocolVersion: read(place, vc, 'MinimumProtocolVersion', asString, p),
    certificate: read(place, vc, 'Certificate', asString, p),
    certificateSource: read(place, vc, 'CertificateSource', asString, p),
  };
}
