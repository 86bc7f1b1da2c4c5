import { describe, expect, it } from 'vitest';
import { decodeVlq, spans } from '../../scripts/size-why.mjs';

describe('size-why: source map decoding', () => {
  it('decodes base64 VLQ fields, signs and continuations', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('CDEF')).toEqual([1, -1, 2, -2]);
    // g = 32 (continuation, low bits 0), B = 1 → 1 << 5 = 32 → 16.
    expect(decodeVlq('gB')).toEqual([16]);
    expect(decodeVlq('2H')).toEqual([123]);
  });

  it('refuses a character outside base64 and a number cut short', () => {
    expect(() => decodeVlq('A*')).toThrow(/not base64/);
    expect(() => decodeVlq('g')).toThrow(/middle of a number/);
  });

  it('cuts each line at its segments, carrying the source index across segments and lines', () => {
    // Line 0: "abc" from source 0, "def" from source 1. Line 1: no segment. Line 2: "pq" glue, then "rs" from
    // source 1 again (its index carried over), then "t" with a one-field segment (no source).
    const code = 'abcdef\nxyz\npqrst';
    expect(spans(code, 'AAAA,GCAA;;EAAA,E')).toEqual([
      { line: 0, start: 0, end: 3, source: 0 },
      { line: 0, start: 3, end: 6, source: 1 },
      { line: 1, start: 0, end: 3, source: undefined },
      { line: 2, start: 0, end: 2, source: undefined },
      { line: 2, start: 2, end: 4, source: 1 },
      { line: 2, start: 4, end: 5, source: undefined },
    ]);
  });
});
