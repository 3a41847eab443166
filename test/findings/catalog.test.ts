import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CATALOG, docsPath, FINDING_CODES } from '../../src/findings/catalog.js';
import { createFinding } from '../../src/findings/finding.js';
import { describeFinding } from '../../src/report/messages.js';

describe.each(FINDING_CODES)('%s', (code) => {
  test('has a docs page whose title is the code', () => {
    const path = new URL(`../../${docsPath(code)}`, import.meta.url);
    expect(existsSync(path), `${docsPath(code)} is missing`).toBe(true);
    expect(readFileSync(path, 'utf8').split('\n')[0]).toBe(`# ${code}`);
  });

  test('the docs page states the catalog severity', () => {
    const text = readFileSync(new URL(`../../${docsPath(code)}`, import.meta.url), 'utf8');
    expect(text).toContain(`**Severity:** ${CATALOG[code].severity}`);
  });

  test('is worded without leftover placeholders', () => {
    const { message, fix } = describeFinding({ code, args: { subject: '"x"', source: 'f.pem', count: 1 } });
    expect(message.length).toBeGreaterThan(10);
    expect(message).not.toMatch(/\$\{|\[object/);
    expect(fix ?? '').not.toMatch(/\$\{|\[object/);
  });
});

test('codes are SCREAMING_SNAKE with a known domain prefix', () => {
  for (const code of FINDING_CODES)
    expect(code).toMatch(/^(CERT|PATH|NAME|CF|TLS|INPUT|PROBE|CONFIG|DIFF|PROFILE|AWS|EXPIRY)_[A-Z0-9_]+$/);
});

test('createFinding takes the catalog severity unless overridden', () => {
  expect(createFinding('CERT_EXPIRES_SOON', { source: 'a' }).severity).toBe('warning');
  expect(createFinding('CERT_EXPIRES_SOON', { source: 'a' }, {}, { severity: 'error' }).severity).toBe(
    'error',
  );
  expect(
    createFinding('CERT_EXPIRED', { source: 'a' }, {}, { awsError: 'InvalidViewerCertificate' }).awsError,
  ).toBe('InvalidViewerCertificate');
});
