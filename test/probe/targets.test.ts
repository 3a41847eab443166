/** Parsing targets, targets files and `--resolve` entries: tables of input → expected. */

import { describe, expect, test } from 'vitest';
import {
  findResolve,
  MAX_TARGETS_PER_FILE,
  parseResolve,
  parseTarget,
  parseTargetsText,
} from '../../src/probe/targets.js';

describe('parseTarget', () => {
  const ok: [string, string, number][] = [
    // name, default port
    ['www.example.com', 'www.example.com', 443],
    ['WWW.Example.COM.', 'www.example.com', 443],
    ['www.example.com:8443', 'www.example.com', 8443],
    // IP literals
    ['192.0.2.10', '192.0.2.10', 443],
    ['192.0.2.10:8443', '192.0.2.10', 8443],
    ['[2001:db8::1]', '2001:db8::1', 443],
    ['[2001:DB8::1]:8443', '2001:db8::1', 8443],
    ['2001:db8::1', '2001:db8::1', 443],
    ['::1', '::1', 443],
    // a pasted URL
    ['https://www.example.com/path?q=1', 'www.example.com', 443],
    ['https://www.example.com:444', 'www.example.com', 444],
    // IDNA
    ['bücher.example', 'xn--bcher-kva.example', 443],
  ];
  test.each(ok)('%s → %s port %i', (text, host, port) => {
    expect(parseTarget(text)).toEqual({ ok: true, value: { host, port, source: 'argv' } });
  });

  const bad: [string, RegExp][] = [
    ['', /empty/],
    ['www.example.com:0', /port/],
    ['www.example.com:65536', /port/],
    ['www.example.com:https', /port/],
    ['[2001:db8::1', /\]/],
    ['[2001:db8::1]8443', /PORT/],
    ['[192.0.2.1]:443', /IPv6/],
    ['*.example.com', /not a host name/],
    ['exa mple.com', /not a host name/],
  ];
  test.each(bad)('%j is refused (%s)', (text, reason) => {
    const r = parseTarget(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
  });
});

describe('parseTargetsText', () => {
  test('one a line, # comments, blank lines; bad lines by number', () => {
    const text =
      '# edge names\nwww.example.com\n\napi.example.com:8443   # the API\n  [::1]:443\nbad host\n*.example.com\n';
    const { targets, errors } = parseTargetsText(text, 'hosts.txt');
    expect(targets).toEqual([
      { host: 'www.example.com', port: 443, source: 'hosts.txt' },
      { host: 'api.example.com', port: 8443, source: 'hosts.txt' },
      { host: '::1', port: 443, source: 'hosts.txt' },
    ]);
    expect(errors.map((e) => e.line)).toEqual([6, 7]);
    expect(errors[0]!.message).toMatch(/^"bad host": not a host name/);
    expect(errors[0]).toMatchObject({ text: 'bad host', reason: expect.stringMatching(/^not a host name/) });
  });

  test('at most MAX_TARGETS_PER_FILE lines, good or bad; one error says where reading stopped', () => {
    const lines = Array.from({ length: MAX_TARGETS_PER_FILE + 3 }, (_, i) =>
      i % 2 === 0 ? `h${i}.example.com` : `bad host ${i}`,
    );
    const { targets, errors } = parseTargetsText(lines.join('\n'), 'big.txt');
    expect(targets.length + errors.length).toBe(MAX_TARGETS_PER_FILE + 1);
    expect(errors.at(-1)).toMatchObject({
      line: MAX_TARGETS_PER_FILE + 1,
      reason: `more than ${MAX_TARGETS_PER_FILE} targets in one file: this line and the 2 target lines after it were not read`,
    });
  });

  test('CRLF and a byte-order mark are fine', () => {
    expect(
      parseTargetsText('\uFEFFa.example.com\r\nb.example.com\r\n', 'f').targets.map((t) => t.host),
    ).toEqual(['a.example.com', 'b.example.com']);
  });
});

describe('parseResolve (curl --resolve)', () => {
  const ok: [string, { host: string; port: number; addresses: string[] }][] = [
    ['www.example.com:443:192.0.2.10', { host: 'www.example.com', port: 443, addresses: ['192.0.2.10'] }],
    ['*:443:192.0.2.10', { host: '*', port: 443, addresses: ['192.0.2.10'] }],
    [
      'WWW.example.com:8443:[2001:db8::1]',
      { host: 'www.example.com', port: 8443, addresses: ['2001:db8::1'] },
    ],
    ['a.example.com:443:2001:db8::1', { host: 'a.example.com', port: 443, addresses: ['2001:db8::1'] }],
    [
      'a.example.com:443:192.0.2.1,[::1]',
      { host: 'a.example.com', port: 443, addresses: ['192.0.2.1', '::1'] },
    ],
  ];
  test.each(ok)('%s', (text, value) => {
    expect(parseResolve(text)).toEqual({ ok: true, value });
  });

  const bad: [string, RegExp][] = [
    ['www.example.com:192.0.2.10', /HOST:PORT:ADDR|port/],
    ['www.example.com', /HOST:PORT:ADDR/],
    ['www.example.com:99999:192.0.2.10', /port/],
    ['www.example.com:443:edge.example.net', /not an IP address/],
    ['bad host:443:192.0.2.1', /HOST not a host name/],
  ];
  test.each(bad)('%j is refused', (text, reason) => {
    const r = parseResolve(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(reason);
  });

  test('an exact host wins over *, whatever the order; ports must match', () => {
    const entries = [
      { host: '*', port: 443, addresses: ['192.0.2.1'] },
      { host: 'a.example.com', port: 443, addresses: ['192.0.2.2'] },
    ];
    expect(findResolve(entries, 'a.example.com', 443)?.addresses).toEqual(['192.0.2.2']);
    expect(findResolve(entries, 'b.example.com', 443)?.addresses).toEqual(['192.0.2.1']);
    expect(findResolve(entries, 'a.example.com', 8443)).toBeUndefined();
  });
});
