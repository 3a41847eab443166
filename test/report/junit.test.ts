import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/findings/finding.js';
import { createFinding } from '../../src/findings/finding.js';
import { formatJunit, xmlAttr, xmlText } from '../../src/report/junit.js';
import { buildReport } from '../../src/report/report.js';

/** A strict little XML reader: elements, attributes and text, entities decoded; throws on anything malformed. */
interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}
function decode(s: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(s)) throw new Error(`bad entity in ${JSON.stringify(s)}`);
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, e: string) =>
    e.startsWith('#')
      ? String.fromCharCode(Number(e.slice(1)))
      : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
  );
}
function parseXml(xml: string): XmlNode {
  // XML 1.0 Char production: only TAB, LF, CR below U+0020; no U+FFFE/U+FFFF.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) throw new Error('illegal character');
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, '');
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  const token = /<\/([\w-]+)>|<([\w-]+)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  // biome-ignore lint/suspicious/noAssignInExpressions: a tokenizer loop
  while ((m = token.exec(body))) {
    end = token.lastIndex;
    const top = stack.at(-1)!;
    if (m[1]) {
      if (top.name !== m[1]) throw new Error(`</${m[1]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[2]) {
      const attrs: Record<string, string> = {};
      for (const a of m[3]!.matchAll(/([\w-]+)="([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
      const node: XmlNode = { name: m[2], attrs, children: [], text: '' };
      top.children.push(node);
      if (!m[4]) stack.push(node);
    } else {
      if (m[5]!.includes('>') && m[5]!.includes(']]>')) throw new Error('"]]>" in character data');
      top.text += decode(m[5]!);
    }
  }
  if (end !== body.length || stack.length !== 1) throw new Error(`malformed XML at ${end}`);
  if (root.children.length !== 1) throw new Error('not one root element');
  return root.children[0]!;
}

const dist = (id: string, source = 'stack.yaml') => ({ kind: 'distribution', id, source });
const results: Result[] = [
  {
    subject: dist('Bad'),
    findings: [
      createFinding(
        'INPUT_UNRESOLVED_VALUE',
        { source: 'stack.yaml', line: 7, column: 11 },
        { field: 'Aliases', distribution: 'Bad', reason: 'x' },
        { severity: 'error', awsError: 'InvalidViewerCertificate' },
      ),
      createFinding('CERT_EXPIRES_SOON', { source: 'acm.json' }, { subject: 'a', daysLeft: 3, warnDays: 30 }),
    ],
  },
  {
    subject: dist('Warned'),
    findings: [createFinding('INPUT_EVIDENCE_UNMATCHED', { source: 'acm.json', path: ['Certificate'] })],
  },
  { subject: dist('Clean'), findings: [] },
];
const build = (failOn: 'error' | 'warning' = 'error') =>
  buildReport({ command: 'check', version: '1', results, failOn });

describe('JUnit XML', () => {
  test('testsuites > one testsuite "certgate check" > one testcase per result', () => {
    const xml = formatJunit(build());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const root = parseXml(xml);
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '3', failures: '1', errors: '0' });
    const [suite] = root.children;
    expect(suite!.attrs).toMatchObject({ name: 'certgate check', tests: '3', failures: '1', skipped: '0' });
    expect(suite!.children.map((c) => [c.name, c.attrs.classname, c.attrs.name])).toEqual([
      ['testcase', 'certgate.check.stack.yaml', 'Bad'],
      ['testcase', 'certgate.check.stack.yaml', 'Warned'],
      ['testcase', 'certgate.check.stack.yaml', 'Clean'],
    ]);
  });

  test('a failing result has one <failure> with its failing findings; the rest go to <system-out>', () => {
    const [bad, warned, clean] = parseXml(formatJunit(build())).children[0]!.children;
    const [failure, out] = bad!.children;
    expect(failure!.name).toBe('failure');
    expect(failure!.attrs.type).toBe('INPUT_UNRESOLVED_VALUE');
    expect(failure!.attrs.message).toMatch(/^\[InvalidViewerCertificate\] /);
    expect(failure!.text).toContain(
      'error INPUT_UNRESOLVED_VALUE [InvalidViewerCertificate] at stack.yaml:7:11',
    );
    expect(failure!.text).toContain('fix: give the value with --parameter');
    expect(failure!.text).not.toContain('CERT_EXPIRES_SOON');
    expect(out!.name).toBe('system-out');
    expect(out!.text).toContain('warning CERT_EXPIRES_SOON at acm.json');
    expect(warned!.children.map((c) => c.name)).toEqual(['system-out']);
    expect(warned!.children[0]!.text).toContain('note INPUT_EVIDENCE_UNMATCHED at acm.json Certificate');
    expect(clean!.children).toEqual([]);
  });

  test('--fail-on warning moves warnings into the failure', () => {
    const [bad, warned] = parseXml(formatJunit(build('warning'), { failOn: 'warning' })).children[0]!
      .children;
    expect(bad!.children.map((c) => c.name)).toEqual(['failure']);
    expect(bad!.children[0]!.attrs.message).toMatch(/\(and 1 more\)$/);
    expect(bad!.children[0]!.text).toContain('CERT_EXPIRES_SOON');
    expect(warned!.children.map((c) => c.name)).toEqual(['system-out']);
  });

  test('unreadable inputs are test cases with an <error>', () => {
    const report = buildReport({
      command: 'check',
      version: '1',
      results: [],
      failOn: 'error',
      errors: [{ source: 'gone.json', message: 'gone.json: no such file or directory' }],
    });
    const root = parseXml(formatJunit(report));
    expect(root.attrs).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    const tc = root.children[0]!.children[0]!;
    expect(tc.attrs).toEqual({ classname: 'certgate.check.gone.json', name: 'gone.json', time: '0.000' });
    expect(tc.children[0]).toMatchObject({
      name: 'error',
      attrs: { type: 'INPUT_UNREADABLE', message: 'gone.json: no such file or directory' },
    });
  });

  test('an empty report is a valid document', () => {
    const root = parseXml(
      formatJunit(buildReport({ command: 'check', version: '1', results: [], failOn: 'error' })),
    );
    expect(root.attrs).toMatchObject({ tests: '0', failures: '0', errors: '0' });
    expect(root.children[0]!.children).toEqual([]);
  });
});

describe('XML escaping of hostile strings', () => {
  const hostile = [
    `"quoted" & 'single'`,
    '<script>alert(1)</script>',
    'end ]]> of CDATA',
    'tab\there\nnew line\r\ncrlf',
    'NUL\u0000 ESC\u001b[31m BEL\u0007 VT\u000b FF\u000c',
    'lone surrogate \ud800 and \udc00, pair 😀',
    '\ufffe\uffff',
    '&amp; already escaped &#60;',
  ];

  test.each(hostile)('%j survives as attribute and text', (s) => {
    const subjectId = s;
    const source = `dir/${s}.yaml`;
    const report = buildReport({
      command: 'check',
      version: '1',
      failOn: 'error',
      results: [
        {
          subject: dist(subjectId, source),
          findings: [
            createFinding(
              'INPUT_UNRESOLVED_VALUE',
              { source },
              { field: s, distribution: s, reason: s },
              { severity: 'error', awsError: s },
            ),
          ],
        },
      ],
      errors: [{ source: s, message: s }],
    });
    const xml = formatJunit(report);
    const root = parseXml(xml);
    const [tc, err] = root.children[0]!.children;
    // What XML can carry comes back exactly; what it cannot is shown as \uXXXX.
    const shown = s.replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    expect(tc!.attrs.name).toBe(shown);
    expect(tc!.attrs.classname).toBe(`certgate.check.dir/${shown}.yaml`);
    expect(tc!.children[0]!.attrs.message).toContain(`[${shown}]`);
    expect(tc!.children[0]!.text).toContain(shown);
    expect(err!.children[0]!.attrs.message).toBe(shown);
    expect(err!.children[0]!.text).toBe(shown);
  });

  test('the escapers themselves', () => {
    expect(xmlText('a<b>&c]]>')).toBe('a&lt;b&gt;&amp;c]]&gt;');
    expect(xmlAttr(`"'\n`)).toBe('&quot;&apos;&#10;');
    expect(xmlText('\u0000')).toBe('\\u0000');
  });
});
