/** The `.tf` block and argument locator (src/sources/hcl-locate.ts), on real and hostile text. */

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { locateHclResources, MAX_HCL_NESTING, partPosition } from '../../src/sources/hcl-locate.js';

/** 1-based line and column of the `n`th (1-based) occurrence of `needle`, computed independently. */
function at(text: string, needle: string, n = 1): { line: number; column: number } {
  let i = -1;
  for (let k = 0; k < n; k++) i = text.indexOf(needle, i + 1);
  if (i === -1) throw new Error(`no ${needle}`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const TF = `# resource "aws_cloudfront_distribution" "commented" {
/* resource "aws_cloudfront_distribution" "block_comment" {
   aliases = ["x"] } */
locals {
  decoy = "resource \\"aws_cloudfront_distribution\\" \\"in_string\\" {"
  tmpl  = "\${jsonencode({ a = "}" })} viewer_certificate {"
}

resource "aws_acm_certificate" "cert" {
  domain_name = "www.example.com" // acm_certificate_arn = nope
}

resource "aws_cloudfront_distribution" "site" {
  comment = <<-EOT
    viewer_certificate {
      acm_certificate_arn = "inside a heredoc"
    }
    EOT
  aliases = [
    "www.example.com",
    "api.example.com",
  ]
  tags = { viewer_certificate = "an object key, not a block" }
  origin { domain_name = "o.example.com" }
  origin {
    domain_name = "p.example.com"
  }
  dynamic "ordered_cache_behavior" {
    for_each = var.behaviors
    content {
      path_pattern = ordered_cache_behavior.value
    }
  }
  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate.cert.arn
    minimum_protocol_version = var.tls == "old" ? "TLSv1" : "TLSv1.2_2021"
    ssl_support_method       = "sni-only"
  }
}
`;

describe('locating blocks and arguments', () => {
  const found = locateHclResources(TF);

  test('resource blocks only: not those in comments, strings or heredocs', () => {
    expect([...found.keys()]).toEqual(['aws_acm_certificate.cert', 'aws_cloudfront_distribution.site']);
    expect(found.get('aws_cloudfront_distribution.site')!.position).toEqual(
      at(TF, 'resource "aws_cloudfront_distribution" "site"'),
    );
  });

  test('nested blocks counted per name, arguments by path', () => {
    const site = found.get('aws_cloudfront_distribution.site')!;
    expect(site.parts.get('aliases')).toEqual(at(TF, 'aliases = [\n'));
    expect(site.parts.get('origin[1].domain_name')).toEqual(at(TF, 'domain_name = "p.example.com"'));
    expect(site.parts.get('origin[0].domain_name')).toEqual(at(TF, 'domain_name = "o.example.com"'));
    expect(site.parts.get('viewer_certificate[0]')).toEqual(at(TF, 'viewer_certificate {', 3));
    expect(site.parts.get('viewer_certificate[0].acm_certificate_arn')).toEqual(
      at(TF, 'acm_certificate_arn      ='),
    );
    expect(site.parts.get('ordered_cache_behavior[0].path_pattern')).toEqual(at(TF, 'path_pattern'));
    expect(site.parts.has('tags.viewer_certificate')).toBe(false);
    expect(site.parts.has('comment')).toBe(true);
  });

  test('a plan value path maps to the deepest part found', () => {
    const site = found.get('aws_cloudfront_distribution.site')!;
    expect(partPosition(site, ['viewer_certificate', 0, 'minimum_protocol_version'])).toEqual(
      at(TF, 'minimum_protocol_version'),
    );
    expect(partPosition(site, ['aliases', 1])).toEqual(at(TF, 'aliases = [\n'));
    expect(partPosition(site, ['viewer_certificate', 0, 'iam_certificate_id'])).toEqual(
      at(TF, 'viewer_certificate {', 3),
    );
    expect(partPosition(site, ['viewer_certificate', 3])).toEqual(site.position);
    expect(partPosition(site, [])).toEqual(site.position);
  });

  test('the first declaration of a name wins; CRLF line ends work', () => {
    const text = 'resource "a" "b" {\r\n  x = 1\r\n}\r\nresource "a" "b" {\r\n  y = 2\r\n}\r\n';
    const b = locateHclResources(text).get('a.b')!;
    expect(b.position).toEqual({ line: 1, column: 1 });
    expect([...b.parts.keys()]).toEqual(['x']);
  });
});

describe('malformed and hostile .tf text: never throws, bounded work', () => {
  test.each([
    ['an unterminated string', 'resource "a" "b" {\n  x = "open\n  y = 1\n}\n'],
    ['an unterminated heredoc', 'resource "a" "b" {\n  x = <<EOT\n  y = 1\n'],
    ['an unterminated block comment', 'resource "a" "b" {\n  x = 1 /* never closed\n'],
    ['an unterminated template', 'resource "a" "b" {\n  x = "${foo(\n'],
    ['stray closing braces', '}}}\nresource "a" "b" {\n  x = 1\n}\n}}\n'],
    ['a block without its closing brace', 'resource "a" "b" {\n  viewer_certificate {\n  x = 1\n'],
    ['labels that are templates', 'resource "\u0024{a}" "b" {\n  x = 1\n}\n'],
    ['binary noise', '\u0000\u0001resource\u00ff "a" {{{{ ]]]] ((( "'],
  ])('%s', (_name, text) => {
    expect(() => locateHclResources(text)).not.toThrow();
  });

  test('resource blocks before the damage are still found', () => {
    const text = 'resource "a" "ok" {\n  x = 1\n}\nresource "a" "broken" {\n  y = "open\n';
    const found = locateHclResources(text);
    expect(found.get('a.ok')?.parts.get('x')).toEqual({ line: 2, column: 3 });
    expect(found.has('a.broken')).toBe(true);
  });

  test(`nesting deeper than ${MAX_HCL_NESTING} blocks stops the scan, not the process`, () => {
    const deep = `resource "a" "b" {\n${'x {\n'.repeat(200_000)}`;
    const start = performance.now();
    expect(locateHclResources(deep).has('a.b')).toBe(true);
    expect(performance.now() - start).toBeLessThan(2000);
  });

  test('deeply nested templates end the scan without a stack overflow', () => {
    const text = `resource "a" "b" {\n  x = "${'${"'.repeat(100_000)}"\n}\n`;
    expect(() => locateHclResources(text)).not.toThrow();
  });

  test('1 MiB of heredoc openers and braces is linear', () => {
    for (const unit of ['x = <<A\n', '{', '"${', '/*', 'a = [\n']) {
      const text = unit.repeat(Math.ceil((1024 * 1024) / unit.length));
      const start = performance.now();
      locateHclResources(text);
      expect(performance.now() - start, unit).toBeLessThan(3000);
    }
  });

  test('random text never throws', () => {
    const pieces = fc.constantFrom(
      'resource',
      ' "a" ',
      '"b"',
      '{',
      '}',
      '=',
      '\n',
      '"',
      '${',
      '<<EOT\n',
      'EOT\n',
      '#',
      '//',
      '/*',
      '*/',
      '[',
      ']',
      'dynamic',
      'content',
      'x',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 200 }), (parts) => {
        locateHclResources(parts.join(''));
      }),
      { numRuns: 2000 },
    );
  });
});
