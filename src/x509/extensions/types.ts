/** Types shared by the extension decoders. */

import type { DerReader } from '../der.js';
import type { ExtensionKind, ExtensionOf } from '../model.js';

/** An extension variant without the fields every extension has (oid, critical, value). */
export type ExtensionBody<K extends ExtensionKind = ExtensionKind> = K extends ExtensionKind
  ? Omit<ExtensionOf<K>, 'oid' | 'critical' | 'value'>
  : never;

/**
 * Decodes an extnValue. `r` spans the OCTET STRING contents; the decoder reads the value's single
 * top-level element (the caller checks nothing follows it). Malformed input throws X509DecodeError.
 */
export type ExtensionDecoder<K extends ExtensionKind = ExtensionKind> = (r: DerReader) => ExtensionBody<K>;
