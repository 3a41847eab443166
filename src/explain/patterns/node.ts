/**
 * Node.js (and Postman, npm, axios, which print Node's errors): `tls.checkServerIdentity`'s
 * `ERR_TLS_CERT_ALTNAME_INVALID` reasons (lib/tls.js), with the host and the certificate's names,
 * and the `err.code` of every OpenSSL verify error (from the client-error table).
 */

import { diagnoseNameMismatch } from '../diagnoses/name.js';
import { codePattern, type Pattern } from '../pattern.js';
import { nodeCodePatterns } from './client-table.js';
import { namePattern, parseNameList, targetFields } from './names.js';

// Node 8 and older wrote "doesn't match".
const PREFIX = "(?:Hostname/IP (?:does not|doesn't) match certificate's altnames:\\s*)?";
// Node's error object repeats the reason as `reason: "Host: …"`: that copy is not a second error.
const NOT_REASON = `(?<!reason:\\s{0,4}["'])`;
/** That copy, read when it is all the paste has of the reason. */
const REASON_COPY =
  /reason:\s{0,4}["']Host:\s*([^\s'"]{0,253}?)\.?\s+is not in the cert's altnames:\s*([^\n"'`]{0,8000})/;

const NAME_PATTERNS: readonly Pattern[] = [
  namePattern(
    'node',
    'node.altnames',
    "Node.js: Hostname/IP does not match certificate's altnames (host not in the SANs)",
    `${NOT_REASON}${PREFIX}Host:\\s*([^\\s'"]{0,253}?)\\.?\\s+is not in the cert's altnames:\\s*([^\\n"'\`]{0,8000})`,
    (m) => ({ ...targetFields(m[1]), ...parseNameList(m[2] ?? '') }),
  ),
  namePattern(
    'node',
    'node.ip-not-in-list',
    "Node.js: Hostname/IP does not match certificate's altnames (IP address not in the SANs)",
    `${NOT_REASON}${PREFIX}IP:\\s*([0-9A-Fa-f:.]{1,64}) is not in the cert's list:\\s*([^\\n"'\`]{0,4000})`,
    (m) => ({ ...targetFields(m[1]), ipAddresses: parseNameList(m[2] ?? '').ipAddresses }),
  ),
  namePattern(
    'node',
    'node.not-cert-cn',
    "Node.js: Hostname/IP does not match certificate's altnames (no SANs, CN differs)",
    `${NOT_REASON}${PREFIX}Host:\\s*([^\\s'"]{0,253}?)\\.?\\s+is not cert's CN:\\s*([^\\n"'\`]{0,256})`,
    (m) => ({ ...targetFields(m[1]), dnsNames: [], commonName: (m[2] ?? '').trim() }),
  ),
  namePattern(
    'node',
    'node.altnames-mismatch',
    "Node.js: Hostname/IP does not match certificate's altnames",
    "Hostname/IP (?:does not|doesn't) match certificate's altnames",
  ),
];

/** Node's patterns: the name reasons, the name code, then every verify-error code. */
export const NODE_PATTERNS: readonly Pattern[] = [
  ...NAME_PATTERNS,
  {
    ...codePattern(
      {
        id: 'node.ERR_TLS_CERT_ALTNAME_INVALID',
        title: 'Node.js ERR_TLS_CERT_ALTNAME_INVALID: the certificate does not cover the host',
        source: 'tls-client',
        client: 'node',
        key: 'name',
        code: 'ERR_TLS_CERT_ALTNAME_INVALID',
        diagnose: diagnoseNameMismatch,
      },
      { clientCode: 'ERR_TLS_CERT_ALTNAME_INVALID' },
    ),
    // the error object alone (`code: 'ERR_TLS_CERT_ALTNAME_INVALID', reason: "Host: …"`, as
    // console.log prints it): the reason's copy holds the host and the certificate's names
    extract: (_m, text) => {
      const reason = REASON_COPY.exec(text);
      return {
        clientCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
        ...(reason ? { ...targetFields(reason[1]), ...parseNameList(reason[2] ?? '') } : {}),
      };
    },
  },
  ...nodeCodePatterns(),
];
