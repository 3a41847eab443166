/**
 * Validators for the report formats against their published schemas, vendored in
 * test/fixtures/schemas/ (see PROVENANCE.md there): SARIF 2.1.0 with ajv, JUnit XML with
 * xmllint (Debian's libxml2-utils, installed by .ci/run).
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const SCHEMAS = new URL('../fixtures/schemas/', import.meta.url);

// The SARIF schema is JSON Schema draft-04 (its `id` is the errata 01 URL): ajv-draft-04 reads it.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

let validateSarif: ReturnType<InstanceType<typeof Ajv>['compile']> | undefined;
let ajv: InstanceType<typeof Ajv> | undefined;

/** ajv's complaints about `log` as SARIF 2.1.0, one a line; none when it is valid. */
export function sarifErrors(log: unknown): string[] {
  if (!ajv || !validateSarif) {
    ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validateSarif = ajv.compile(
      JSON.parse(readFileSync(new URL('sarif-schema-2.1.0.json', SCHEMAS), 'utf8')),
    );
  }
  if (validateSarif(log)) return [];
  return ajv.errorsText(validateSarif.errors, { separator: '\n' }).split('\n');
}

/** Fails, listing ajv's errors, when `log` is not valid SARIF 2.1.0. */
export function expectValidSarif(log: unknown): void {
  expect(sarifErrors(log)).toEqual([]);
}

/** The vendored JUnit schema: the Jenkins xUnit plugin's junit-10.xsd. */
export const JUNIT_XSD = fileURLToPath(new URL('jenkins-junit-10.xsd', SCHEMAS));

/** xmllint's verdict on `xml` against `xsd`: exit status and what it printed (an error per line). */
export function xmllint(xml: string, xsd: string = JUNIT_XSD): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-junit-'));
  try {
    const file = join(dir, 'report.xml');
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
    if (run.error)
      throw new Error(`xmllint could not run (apt-get install libxml2-utils): ${run.error.message}`);
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fails, with xmllint's messages, when `xml` does not validate against the JUnit schema. */
export function expectValidJunit(xml: string): void {
  const { status, output } = xmllint(xml);
  expect({ status, output: output.replace(/^.*report\.xml validates\n$/, '') }).toEqual({
    status: 0,
    output: '',
  });
}
