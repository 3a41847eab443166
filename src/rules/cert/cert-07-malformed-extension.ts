import { certLabel } from '../../findings/labels.js';
import { defineRule } from './define-rule.js';

/**
 * CERT-07: a known extension whose value does not decode (the decoder keeps it as `malformed`
 * rather than refusing the whole certificate). RFC 5280 §4.2 fixes each extension's syntax;
 * Chrome refuses to parse such a certificate and OpenSSL flags it invalid.
 */
export const certMalformedExtension = defineRule({
  id: 'CERT-07',
  code: 'CERT_MALFORMED_EXTENSION',
  check({ cert, location, report }) {
    return cert.extensions.flatMap((ext) =>
      ext.kind === 'malformed'
        ? [
            report(location, {
              subject: certLabel(cert),
              extension: ext.name,
              oid: ext.oid,
              reason: ext.reason,
              ...(ext.offset === undefined ? {} : { offset: ext.offset }),
            }),
          ]
        : [],
    );
  },
});
