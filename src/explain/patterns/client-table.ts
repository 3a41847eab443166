/**
 * Patterns derived from `src/clients/client-errors.ts`, the table of what OpenSSL, Node.js, curl,
 * browsers, Java and Go print for each path failure: every text there is recognised here, so
 * `verify` (which prints them) and `explain` (which reads them back) never disagree. Name
 * mismatches are not derived: their messages carry the host and the certificate's names, which
 * the hand-written patterns of each client read out.
 */

import { CLIENT_ERRORS, type ClientErrorKey } from '../../clients/client-errors.js';
import { diagnoseClientErrorKeys } from '../diagnoses/path.js';
import { phrase } from '../input.js';
import type { Pattern } from '../pattern.js';
import type { Extracted } from '../types.js';

const NAME_KEYS: ReadonlySet<ClientErrorKey> = new Set([
  'NameMismatch',
  'NameMismatchIp',
  'NameMismatchCommonName',
  'CommonNameOnly',
]);

/** Every text of one client, with the rows (keys) that print it, in table order. */
function textsOf(pick: (key: ClientErrorKey) => readonly string[]): Map<string, ClientErrorKey[]> {
  const out = new Map<string, ClientErrorKey[]>();
  for (const key of Object.keys(CLIENT_ERRORS) as ClientErrorKey[]) {
    if (NAME_KEYS.has(key)) continue;
    for (const text of pick(key)) out.set(text, [...(out.get(text) ?? []), key]);
  }
  return out;
}

/** Ids already given, so two texts never share one. */
const usedIds = new Set<string>();

/**
 * A pattern id: `<client>.<text as a slug>` for a short fixed text
 * (`openssl.unable-to-get-local-issuer-certificate`), `<client>.<row>` for a long or templated
 * one (`go.cert-expired`), with a number when that is taken.
 */
function idFor(client: string, text: string, keys: readonly ClientErrorKey[]): string {
  const slug = text
    .replace(/^SSL certificate problem: /, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const row = (keys[0] ?? 'error').replace(
    /[A-Z]/g,
    (c, i: number) => `${i > 0 ? '-' : ''}${c.toLowerCase()}`,
  );
  const base = `${client}.${!text.includes('{') && slug.length <= 48 ? slug : row}`;
  let id = base;
  for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
  usedIds.add(id);
  return id;
}

/** Placeholders whose values are worth keeping; the others are matched and dropped. */
const KEPT = new Set(['time', 'notAfter', 'notBefore']);

/**
 * A template's regex source: fixed parts through {@link phrase}, `{placeholder}` as a bounded
 * capture (a run of non-blanks, or the rest of the line at the end), OpenSSL 1.1's "self signed"
 * spelling next to OpenSSL 3's "self-signed".
 */
function templateSource(template: string): { source: string; names: string[] } {
  const names: string[] = [];
  const parts = template.split(/(\{\w+\})/);
  const source = parts
    .map((part, i) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name === undefined) return phrase(part).replace(/self-signed/g, 'self[- ]signed');
      names.push(name);
      return i === parts.length - 2 && parts[i + 1] === '' ? '([^\\n"\'`]{1,200})' : '([^\\s"\']{1,64})';
    })
    .join('');
  return { source, names };
}

function fromGroups(m: RegExpExecArray, names: readonly string[], offset: number): Extracted {
  const out: Record<string, string> = {};
  names.forEach((name, i) => {
    const value = m[offset + i];
    if (KEPT.has(name) && value !== undefined) out[name] = value;
  });
  return out as Extracted;
}

/** The key two patterns of one failure share: the OpenSSL number when there is one. */
const keyOf = (keys: readonly ClientErrorKey[], opensslCode?: number) =>
  opensslCode !== undefined ? `openssl:${opensslCode}` : `path:${keys[0]}`;

/** OpenSSL's texts, as printed by `openssl s_client`/`verify`, or bare (Node.js, Python, ...). */
export function opensslTablePatterns(): Pattern[] {
  const numbers = new Map<string, number | undefined>();
  for (const row of Object.values(CLIENT_ERRORS)) for (const o of row.openssl) numbers.set(o.text, o.code);
  return [...textsOf((k) => CLIENT_ERRORS[k].openssl.map((o) => o.text))].map(([text, keys]) => {
    const code = numbers.get(text);
    const { source, names } = templateSource(text);
    return {
      id: idFor('openssl', text, keys),
      title: `OpenSSL verify error${code !== undefined ? ` ${code}` : ''}: ${text.replace(/\{\w+\}/g, '…')}`,
      source: 'tls-client',
      key: keyOf(keys, code),
      // s_client: `verify error:num=20:…`, `Verify return code: 20 (…)`; verify: `error 20 at 0 depth lookup: …`.
      regex: new RegExp(
        `(?:verify error:num=(\\d{1,3}):|Verify return code: (\\d{1,3}) \\(|error (\\d{1,3}) at (\\d{1,2}) depth lookup:\\s*)?${source}`,
        'gi',
      ),
      extract: (m) => {
        const printed = m[1] ?? m[2] ?? m[3];
        const out: Extracted = {
          ...fromGroups(m, names, 5),
          ...(code !== undefined ? { opensslCode: code } : {}),
          ...(m[4] !== undefined ? { depth: Number(m[4]) } : {}),
        };
        return printed !== undefined ? { ...out, client: 'openssl', clientCode: printed } : out;
      },
      diagnose: (e) => diagnoseClientErrorKeys(keys, e),
      prose: true,
    } satisfies Pattern;
  });
}

/** Node.js error codes (`err.code`) printed without OpenSSL's text, e.g. `code: 'CERT_HAS_EXPIRED'`. */
export function nodeCodePatterns(): Pattern[] {
  const rows = new Map<string, { keys: ClientErrorKey[]; code?: number }>();
  for (const key of Object.keys(CLIENT_ERRORS) as ClientErrorKey[]) {
    if (NAME_KEYS.has(key)) continue;
    CLIENT_ERRORS[key].node.forEach((n, i) => {
      if (n.code === 'UNSPECIFIED') return;
      const row = rows.get(n.code) ?? { keys: [], code: CLIENT_ERRORS[key].openssl[i]?.code };
      rows.set(n.code, { ...row, keys: [...row.keys, key] });
    });
  }
  return [...rows].map(([nodeCode, { keys, code }]) => ({
    id: `node.${nodeCode}`,
    title: `Node.js ${nodeCode}`,
    source: 'tls-client',
    client: 'node',
    key: keyOf(keys, code),
    bareCode: true,
    regex: new RegExp(`\\b${nodeCode}\\b`, 'g'),
    extract: () => ({ clientCode: nodeCode, ...(code !== undefined ? { opensslCode: code } : {}) }),
    diagnose: (e) => diagnoseClientErrorKeys(keys, e),
  }));
}

/** Texts of curl, browsers, Java or Go, as the table lists them. */
export function clientTablePatterns(client: 'curl' | 'browser' | 'java' | 'go'): Pattern[] {
  return [...textsOf((k) => CLIENT_ERRORS[k][client])].map(([text, keys]) => {
    const { source, names } = templateSource(text);
    // Chrome prints `NET::ERR_…`; pasted from elsewhere the prefix is often gone.
    const body = client === 'browser' ? `\\b${source.replace(/^NET::/, '(?:NET::)?')}\\b` : source;
    const opensslCode =
      client === 'curl'
        ? CLIENT_ERRORS[keys[0]!].openssl.find((o) => text.endsWith(o.text))?.code
        : undefined;
    return {
      id: client === 'browser' ? `browser.${text.replace(/^NET::/, '')}` : idFor(client, text, keys),
      title: `${client === 'browser' ? 'browser' : client === 'go' ? 'Go' : client === 'java' ? 'Java' : 'curl'}: ${text.replace(/\{\w+\}/g, '…')}`,
      source: 'tls-client',
      client,
      key: keyOf(keys, opensslCode),
      // Firefox and pasted page text write the codes in lower case too (sec_error_unknown_issuer).
      regex: new RegExp(body, 'gi'),
      // A browser code next to the page sentence that says the same joins that match.
      ...(client === 'browser' ? { bareCode: true } : {}),
      extract: (m) => ({
        ...fromGroups(m, names, 1),
        ...(client === 'browser' ? { clientCode: text.replace(/^NET::/, '') } : {}),
        ...(opensslCode !== undefined ? { opensslCode } : {}),
      }),
      diagnose: (e) => diagnoseClientErrorKeys(keys, e),
    } satisfies Pattern;
  });
}
