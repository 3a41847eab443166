/**
 * The public types of `certgate probe`: what to probe (targets and options), how a TLS handshake
 * is made (the {@link Prober} interface, so verification and rules run offline and tests can stub
 * the network), and what comes back (one {@link ProbeResult} per target and reached address).
 */

import type { MinimumProtocolVersion } from '../cloudfront/policies.js';
import type { Result } from '../findings/finding.js';
import type { CertificateInputs } from '../verify/verify.js';

/**
 * What the probe reads of an `AbortSignal` (an `AbortController`'s `signal` fits). Written out so
 * the published types compile without @types/node or the DOM library.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { readonly once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** One endpoint to probe. Strings given to {@link probe} are parsed into this (`host[:port]`, `[v6]:port`). */
export interface ProbeTarget {
  /** A DNS name or an IP literal (IPv6 without brackets). */
  readonly host: string;
  /** TCP port; default 443. */
  readonly port: number;
  /**
   * The host to connect to when it is not `host`: `probe --from-aws` dials the distribution's own
   * `d111111abcdef8.cloudfront.net`, so an alias is probed before (or whatever) DNS points at it.
   * `host` is still the SNI sent and the name the certificate must match.
   */
  readonly connect?: string;
  /** Where the target came from (`argv`, a `--targets` file, a `--from` input); default `argv`. */
  readonly source?: string;
  /** The distribution whose alias this is (`--from`), for the report. */
  readonly distribution?: string;
  /** What this target's leaf must be; overrides {@link ProbeOptions.expect}. */
  readonly expect?: ProbeExpectation;
}

/**
 * One `--resolve HOST:PORT:ADDR[,ADDR...]` entry, as curl's flag: connect to these addresses for
 * `host:port` instead of asking DNS. `host` may be `*` (any host on that port).
 */
export interface ResolveEntry {
  readonly host: string;
  readonly port: number;
  readonly addresses: readonly string[];
}

/** A TLS protocol version Node can be asked for (`minVersion`/`maxVersion`). */
export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

/** What one handshake attempt asks for. */
export interface HandshakeRequest {
  /** The IP address to connect to (already resolved). */
  readonly address: string;
  readonly port: number;
  /** The SNI server name to send; `undefined` sends none. */
  readonly servername?: string;
  /** Connect + handshake deadline in milliseconds. */
  readonly timeoutMs: number;
  readonly minVersion?: TlsVersion;
  readonly maxVersion?: TlsVersion;
  /** OpenSSL cipher string (`DEFAULT@SECLEVEL=0` for the legacy-protocol probes). */
  readonly ciphers?: string;
  /** ALPN protocols to offer; default `['h2', 'http/1.1']`. */
  readonly alpnProtocols?: readonly string[];
  /** Ask for a stapled OCSP response; default true. */
  readonly requestOcsp?: boolean;
  /** Aborting it ends the attempt at once (the socket is destroyed); the outcome is then ignored. */
  readonly signal?: AbortSignalLike;
}

/** Milliseconds spent in each phase; absent when the phase was not reached. */
export interface ProbeTimings {
  readonly dnsMs?: number;
  readonly connectMs?: number;
  readonly tlsMs?: number;
  readonly totalMs?: number;
}

/** How a handshake failed, classified (each kind maps to a PROBE_* finding code). */
export type HandshakeFailureKind =
  | 'refused'
  | 'timeout'
  | 'reset'
  | 'not-tls'
  | 'alert'
  | 'unreachable'
  | 'protocol'
  | 'error';

/**
 * What a server that does not speak TLS answered with, as far as its first bytes tell
 * (`describeNonTls`): a plain-text protocol it announces, else `unknown`.
 */
export type NonTlsPeer = 'http' | 'ssh' | 'greeting-220' | 'pop3' | 'imap' | 'unknown';

/** A failed handshake: the class, the phase it failed in, and what Node/OpenSSL said. */
export interface HandshakeFailure {
  readonly kind: HandshakeFailureKind;
  /** `connect` (TCP) or `handshake` (TLS). */
  readonly phase: 'connect' | 'handshake';
  /** Node's error message, one line. */
  readonly message: string;
  /** Node's error code (`ECONNREFUSED`, `ERR_SSL_TLSV1_ALERT_...`), when there is one. */
  readonly errorCode?: string;
  /** The TLS alert the server sent (`unrecognized_name`, `protocol_version`), for `alert`. */
  readonly alert?: string;
  /** Its number (RFC 8446 §6), when OpenSSL reported it. */
  readonly alertNumber?: number;
  /** For `not-tls`: what the first bytes the server sent look like (`unknown` unless a known plain-text protocol). */
  readonly peer?: NonTlsPeer;
  /** For `not-tls`: those first bytes (at most `MAX_SHOWN_BYTES`), printable ASCII with every other byte as `\xNN`. */
  readonly firstBytes?: string;
  /** Whether the server sent more than `firstBytes` shows. */
  readonly firstBytesTruncated?: boolean;
  readonly timings: ProbeTimings;
}

/** A completed handshake: what the server presented and negotiated. */
export interface HandshakeSuccess {
  /**
   * The certificates as DER, leaf first. Node exposes the peer chain through `issuerCertificate`
   * links (OpenSSL's `SSL_get_peer_cert_chain`); the order is the order the server sent, as far
   * as the links go, ending where a link repeats.
   */
  readonly chain: readonly Uint8Array[];
  /** How many certificates the server sent, when more than `chain` keeps (MAX_CHAIN_LENGTH). */
  readonly chainSent?: number;
  /** `TLSv1.3`, `TLSv1.2`, ... (`getProtocol()`). */
  readonly protocol: string;
  /** OpenSSL and IANA cipher names (`getCipher()`). */
  readonly cipher: { readonly name: string; readonly standardName: string };
  /** The negotiated ALPN protocol, or null when none. */
  readonly alpn: string | null;
  /** Whether the server stapled an OCSP response. */
  readonly ocspStapled: boolean;
  /** The address and port actually connected to. */
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly timings: ProbeTimings;
}

/** The outcome of one handshake attempt. */
export type HandshakeOutcome =
  | { readonly ok: true; readonly value: HandshakeSuccess }
  | { readonly ok: false; readonly error: HandshakeFailure };

/** A resolved address. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/**
 * The probe's I/O: name resolution and one TLS handshake. The default (`nodeProber`) uses
 * `dns.lookup` and `tls.connect`; tests and offline callers pass their own.
 * Neither method may throw for network failures: they are returned as data.
 */
export interface Prober {
  /**
   * Resolves a name to its addresses (A and AAAA); a failure is `{ ok: false }` with the
   * resolver's code. An aborted `signal` may end it early (its answer is then ignored).
   */
  lookup(
    host: string,
    options?: { readonly signal?: AbortSignalLike },
  ): Promise<
    | { readonly ok: true; readonly value: readonly ResolvedAddress[] }
    | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } }
  >;
  /** One full TLS handshake on a fresh connection; the socket is destroyed right after. */
  handshake(request: HandshakeRequest): Promise<HandshakeOutcome>;
}

/** What the served leaf must be (`--expect`). */
export type ProbeExpectation =
  /** SHA-256 fingerprint of the leaf (hex, colons and case ignored). */
  | { readonly kind: 'fingerprint'; readonly sha256: string; readonly label?: string }
  /** The certificate itself (PEM/DER): the served leaf must be this certificate. */
  | { readonly kind: 'certificate'; readonly certificate: CertificateInputs; readonly label?: string }
  /**
   * A certificate described by its evidence (an ACM ARN with `--cert` evidence): the served leaf
   * must carry the same SAN set and validity period.
   */
  | {
      readonly kind: 'evidence';
      readonly label: string;
      readonly sans: readonly string[];
      readonly notBefore?: Date;
      readonly notAfter?: Date;
      readonly sha256?: string;
    };

/** Options of {@link probe}. */
export interface ProbeOptions {
  /** `--resolve` entries (`HOST:PORT:ADDR` strings or parsed), checked in order; `*` matches any host. */
  readonly resolve?: readonly (string | ResolveEntry)[];
  /** Probe every A and AAAA address of a name, not only the first. */
  readonly allAddresses?: boolean;
  /** Connect + handshake deadline per attempt; default 5000 ms. */
  readonly timeoutMs?: number;
  /** How many handshakes run at once: fixed when given; by default adaptive, from 32 doubling up to 128 while the run waits on the network (see concurrency.ts). */
  readonly concurrency?: number;
  /** SNI to send instead of the target's host name. */
  readonly sni?: string;
  /** Send no SNI (what a client without SNI gets). */
  readonly noSni?: boolean;
  /** Trust anchors replacing Node's bundled Mozilla roots. */
  readonly roots?: CertificateInputs;
  /** Trust anchors added to the Mozilla roots (or to `roots`). */
  readonly addRoots?: CertificateInputs;
  /**
   * The NODE_EXTRA_CA_CERTS file Node adds to its default store, when `roots` is not given.
   * Default `process.env.NODE_EXTRA_CA_CERTS`; `null` for none (see `verify`).
   */
  readonly extraCaCerts?: string | null;
  /** Validation time; default now. */
  readonly at?: Date;
  /** What the served leaf must be. */
  readonly expect?: ProbeExpectation;
  /** A CloudFront security policy the endpoint must enforce (extra capped handshakes). */
  readonly policy?: MinimumProtocolVersion;
  /** ALPN protocols to offer; default `['h2', 'http/1.1']`. */
  readonly alpnProtocols?: readonly string[];
  /** The network; default Node's `dns` + `tls`. */
  readonly prober?: Prober;
  /** Called after each target finishes (for a progress display). */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Stops the run (Ctrl-C in the CLI): no new handshake starts, those in flight are aborted, and
   * every target not finished comes back as a result with a PROBE_INTERRUPTED finding. A string
   * `reason` (`SIGINT`) is named in that finding.
   */
  readonly signal?: AbortSignalLike;
}

/** One certificate as served. */
export interface ServedCertificate {
  /** Position in the presented chain (0 = leaf). */
  readonly index: number;
  readonly subject: string;
  readonly issuer: string;
  readonly sha256: string;
  readonly notBefore: string;
  readonly notAfter: string;
  /** dNSName and iPAddress SANs (leaf mostly). */
  readonly sans: readonly string[];
  /** The DER, base64. */
  readonly der: string;
}

/** One policy sub-probe: a handshake capped at `maxVersion`. */
export interface PolicyProbe {
  readonly version: TlsVersion;
  /** Whether the policy allows this version. */
  readonly allowed: boolean;
  /** Whether the server completed a handshake at this version (`null`: could not be tested). */
  readonly accepted: boolean | null;
  /** The negotiated protocol when accepted, the failure text otherwise. */
  readonly detail?: string;
}

/** The JSON details of one probe result. */
export interface ProbeDetails {
  readonly host: string;
  readonly port: number;
  /** The SNI sent, or null with `--no-sni`/an IP literal. */
  readonly sni: string | null;
  /** The host connected to instead of `host` (ProbeTarget.connect). */
  readonly connect?: string;
  /** The address connected to (the one reached on success). */
  readonly address?: string;
  /** How `address` was found: `resolve` (a `--resolve` entry), `dns`, or `literal` (the host is an IP). */
  readonly addressFrom?: 'resolve' | 'dns' | 'literal';
  /**
   * `ok` when a handshake completed (whatever its verdict), `failed` otherwise, `skipped` when not
   * probed (a wildcard alias, a bad target, a run interrupted before it).
   */
  readonly handshake: 'ok' | 'failed' | 'skipped';
  /** The distribution whose alias this is (`--from`). */
  readonly distribution?: string;
  readonly protocol?: string;
  readonly cipher?: string;
  readonly cipherStandardName?: string;
  readonly alpn?: string | null;
  readonly ocspStapled?: boolean;
  /** The presented chain, as sent. */
  readonly chain?: readonly ServedCertificate[];
  /** The verification outcome (same engine as `certgate verify`). */
  readonly verify?: {
    readonly verdict: 'pass' | 'fail';
    readonly matchedName?: string;
    readonly path?: readonly string[];
    readonly trustStore: 'mozilla' | 'custom';
  };
  readonly policy?: {
    readonly name: MinimumProtocolVersion;
    readonly probes: readonly PolicyProbe[];
    /** Protocols of the policy's range that could not be tested from Node (SSLv3). */
    readonly untested: readonly string[];
  };
  readonly failure?:
    | HandshakeFailure
    | { readonly kind: 'dns'; readonly message: string; readonly errorCode: string };
  readonly timings: ProbeTimings;
}

/** One probe result: subject `{kind: 'endpoint', id: 'host:port (address)', source}`. */
export interface ProbeResult extends Result<ProbeDetails> {
  readonly details: ProbeDetails;
}
