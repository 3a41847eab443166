import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/findings/input-error.js';
import { MAX_GATE_INPUT_BYTES, MAX_INPUT_BYTES, readInput } from '../../src/sources/input-file.js';
import { stdinOf, writeFiles } from './helpers.js';

describe('readInput', () => {
  const dir = writeFiles({ 'a.json': '{"x": 1}', 'empty.txt': '' });

  test('a file, an empty file, stdin', async () => {
    expect((await readInput(join(dir, 'a.json'))).toString()).toBe('{"x": 1}');
    expect((await readInput(join(dir, 'empty.txt'))).length).toBe(0);
    expect((await readInput('-', stdinOf('hi'))).toString()).toBe('hi');
  });

  test('errors name the input and say why', async () => {
    await expect(readInput(dir)).rejects.toThrow(new InputError(dir, 'is a directory, not a file'));
    await expect(readInput(join(dir, 'nope'))).rejects.toThrow(
      `${join(dir, 'nope')}: no such file or directory`,
    );
  });

  test('the size bound, with what the input should have been', async () => {
    const big = writeFiles({ 'big.json': 'x'.repeat(2 * 1024 * 1024 + 1) });
    const path = join(big, 'big.json');
    await expect(readInput(path, undefined, 2 * 1024 * 1024)).rejects.toThrow(
      `${path}: larger than 2 MiB; not a certificate input`,
    );
    await expect(readInput(path, undefined, 2 * 1024 * 1024, 'a gate input')).rejects.toThrow(
      'larger than 2 MiB; not a gate input',
    );
    await expect(readInput('-', stdinOf('x'.repeat(1025)), 1024)).rejects.toThrow('<stdin>: larger than');
    expect(MAX_GATE_INPUT_BYTES).toBeGreaterThan(MAX_INPUT_BYTES);
  });
});
