import { describe, expect, test } from 'vitest';
import { decodeCertificate } from '../../src/x509/certificate.js';
import { orderLeafFirst } from '../../src/x509/chain-order.js';
import type { Certificate } from '../../src/x509/model.js';
import {
  createCertificate,
  createTestChain,
  type IssuedCertificate,
  testKey,
} from '../support/cert-factory.js';

const { root, intermediate, leaf } = createTestChain();
const [R, I, L] = [root, intermediate, leaf].map((c) => decodeCertificate(c.der)) as [
  Certificate,
  Certificate,
  Certificate,
];
const other = decodeCertificate(
  createCertificate({ subject: 'CN=unrelated', sans: ['dns:other.example'] }).der,
);
const cn = (c: Certificate) => c.subject.rdns[0]![0]!.value;

describe('orderLeafFirst', () => {
  test.each([
    { name: 'leaf first already', input: [L, I, R], want: [L, I, R], fileIndex: [0, 1, 2], reordered: false },
    { name: 'reversed', input: [R, I, L], want: [L, I, R], fileIndex: [2, 1, 0], reordered: true },
    { name: 'intermediate first', input: [I, L], want: [L, I], fileIndex: [1, 0], reordered: true },
    { name: 'shuffled', input: [I, R, L], want: [L, I, R], fileIndex: [2, 0, 1], reordered: true },
  ])('$name', ({ input, want, fileIndex, reordered }) => {
    const got = orderLeafFirst(input);
    expect(got.certificates.map(cn)).toEqual(want.map(cn));
    expect(got.fileIndex).toEqual(fileIndex);
    expect(got.reordered).toBe(reordered);
  });

  test('roles of a full chain: leaf, intermediate, root', () => {
    expect(orderLeafFirst([R, L, I]).roles).toEqual(['leaf', 'intermediate', 'root']);
  });

  test('a chain without its root ends in an intermediate', () => {
    expect(orderLeafFirst([L, I]).roles).toEqual(['leaf', 'intermediate']);
  });

  test('unrelated certificates keep file order and get roles from their own content', () => {
    const got = orderLeafFirst([other, R, L]);
    expect(got.certificates).toEqual([other, R, L]);
    expect(got.roles).toEqual(['standalone', 'root', 'standalone']);
    expect(got.reordered).toBe(false);
  });

  test('one certificate is standalone, or root when it is a self-issued CA', () => {
    expect(orderLeafFirst([L]).roles).toEqual(['standalone']);
    expect(orderLeafFirst([R]).roles).toEqual(['root']);
    expect(orderLeafFirst([]).certificates).toEqual([]);
  });

  test('a long chain in shuffled order comes out leaf first, every certificate once', () => {
    // c0 is the root; c[k] is issued by c[k-1]; one key for all keeps this fast
    const key = testKey('p256', 0);
    const issued: IssuedCertificate[] = [];
    for (let k = 0; k < 300; k++)
      issued.push(
        createCertificate({
          subject: `CN=c${k}`,
          ca: true,
          key,
          ...(k > 0 ? { issuer: issued[k - 1]! } : {}),
        }),
      );
    const chainLeafFirst = issued.map((c) => decodeCertificate(c.der)).reverse();
    // a fixed permutation: stride 7 through 300 positions visits each once
    const shuffled = chainLeafFirst.map((_, i) => chainLeafFirst[(i * 7) % 300]!);
    const got = orderLeafFirst(shuffled);
    expect(got.certificates.map(cn)).toEqual(chainLeafFirst.map(cn));
    expect(got.roles[0]).toBe('leaf');
    expect(got.roles[299]).toBe('root');
    expect(got.reordered).toBe(true);
  });
});
