/**
 * Just enough XML for CloudFront's REST-XML protocol: building answers from nested elements and
 * reading the few fields of the request bodies the fake serves.
 */

export const CLOUDFRONT_NAMESPACE = 'http://cloudfront.amazonaws.com/doc/2020-05-31/';

/** An element: text content, or child elements in order. `undefined` children are left out. */
export interface XmlElement {
  name: string;
  content: string | XmlElement[];
}

type Child = XmlElement | undefined;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export function el(name: string, ...children: Child[]): XmlElement {
  return { name, content: children.filter((child): child is XmlElement => child !== undefined) };
}

/** A leaf; `undefined` leaves the element out, as the service omits unset fields. */
export function leaf(name: string, value: string | number | boolean | undefined): XmlElement | undefined {
  return value === undefined ? undefined : { name, content: String(value) };
}

/** CloudFront's list wrapper: `<name><Quantity>n</Quantity><Items><item/>...</Items></name>`. */
export function quantityList(name: string, items: XmlElement[], ...extra: Child[]): XmlElement {
  return el(
    name,
    leaf('Quantity', items.length),
    items.length > 0 ? el('Items', ...items) : undefined,
    ...extra,
  );
}

export function render(element: XmlElement): string {
  const inner =
    typeof element.content === 'string' ? escapeXml(element.content) : element.content.map(render).join('');
  return `<${element.name}>${inner}</${element.name}>`;
}

/** A whole document, the root carrying CloudFront's namespace. */
export function document(root: XmlElement): string {
  const rendered = render(root);
  const open = `<${root.name}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<${root.name} xmlns="${CLOUDFRONT_NAMESPACE}">` +
    rendered.slice(open.length)
  );
}

/** The text of the first `<name>` element in a request body (the SDK writes flat, simple XML). */
export function readElement(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  return match?.[1] === undefined ? undefined : unescapeXml(match[1]);
}

/** The `ErrorResponse` of the XML protocols (CloudFront's REST-XML, IAM's Query): the SDK names the error after `<Code>`. */
export function errorResponse(
  fault: { readonly type?: string; readonly code: string; readonly message: string },
  requestId: string,
): XmlElement {
  return el(
    'ErrorResponse',
    el(
      'Error',
      leaf('Type', fault.type ?? 'Sender'),
      leaf('Code', fault.code),
      leaf('Message', fault.message),
    ),
    leaf('RequestId', requestId),
  );
}
