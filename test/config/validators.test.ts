import { describe, expect, it } from 'vitest';
import { show } from '../../src/config/diagnostics';
import { boolean, INVALID, oneOf, pattern, positiveNumber, revisionLabel, safeUrl } from '../../src/config/validators';

describe('pattern', () => {
  const digits = pattern(/^\d{2,4}$/);

  it('returns the trimmed string when it matches', () => {
    expect(digits('123')).toBe('123');
    expect(digits('  42 ')).toBe('42');
  });

  it('accepts a JSON number by its decimal form', () => {
    expect(digits(1234)).toBe('1234');
  });

  it('refuses a JSON number that lost digits in parsing (past 2^53), never using it rounded', () => {
    const pixel = pattern(/^\d{10,20}$/);
    expect(pixel(JSON.parse('{"id": 12345678901234567891}').id)).toBe(INVALID);
    expect(pixel(Number.MAX_SAFE_INTEGER + 2)).toBe(INVALID);
    expect(pixel(9007199254740991)).toBe('9007199254740991');
    expect(pixel(2 ** 53)).toBe(INVALID);
    const signed = pattern(/^-?\d+$/);
    expect(signed(-9007199254740991)).toBe('-9007199254740991');
    expect(signed(-(2 ** 53))).toBe(INVALID);
  });

  it.each([['1'], ['12345'], ['12a'], [''], [null], [true], [{}], [['12']]])('refuses %j', (v) => {
    expect(digits(v)).toBe(INVALID);
  });
});

describe('safeUrl', () => {
  const url = safeUrl;

  it.each(['/privacy', 'privacy.html', 'https://x.test/p', 'http://x.test/p?q=1#h', '//cdn.test/p', '../up'])(
    'accepts %j',
    (v) => {
      expect(url(v)).toBe(v);
    },
  );

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://x.test/p',
    'mailto:a@x.test',
    '/pri vacy',
    '',
    '   ',
  ])('refuses %j', (v) => {
    expect(url(v)).toBe(INVALID);
  });

  it.each([[null], [true], [{ href: '/p' }], [['/p']]])('refuses the non-string %j', (v) => {
    expect(url(v)).toBe(INVALID);
  });
});

describe('boolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['', true],
    [' false ', false],
    ['False', false],
    [true, true],
    [false, false],
  ])('reads %j as %s', (v, expected) => {
    expect(boolean(v)).toBe(expected);
  });

  it.each([['yes'], ['no'], ['0'], ['1'], [1], [0], [null], [{}]])('refuses %j', (v) => {
    expect(boolean(v)).toBe(INVALID);
  });
});

describe('positiveNumber', () => {
  const days = positiveNumber(395);

  it.each([
    ['30', 30],
    ['182', 182],
    ['395', 395],
    ['0.5', 0.5],
    [' 7 ', 7],
    [30, 30],
  ])('reads %j as %s', (v, expected) => {
    expect(days(v)).toBe(expected);
  });

  it.each([['0'], ['-5'], ['abc'], ['1e3'], ['400'], ['396'], [''], ['0x10'], ['Infinity'], [0], [-5], [400], [null]])(
    'refuses %j',
    (v) => {
      expect(days(v)).toBe(INVALID);
    },
  );
});

describe('oneOf', () => {
  const mode = oneOf('honor', 'ask');

  it('accepts the allowed values, case-insensitively, in lower case', () => {
    expect(mode('honor')).toBe('honor');
    expect(mode(' ASK ')).toBe('ask');
  });

  it('refuses anything else', () => {
    expect(mode('honour')).toBe(INVALID);
    expect(mode(null)).toBe(INVALID);
  });
});

describe('show', () => {
  it('quotes and escapes strings', () => {
    expect(show('a"b')).toBe('"a\\"b"');
    expect(show('java\tscript:')).toBe('"java\\tscript:"');
  });

  it('shows other JSON values as JSON and undefined as text', () => {
    expect(show(42)).toBe('42');
    expect(show({ a: [1] })).toBe('{"a":[1]}');
    expect(show(undefined)).toBe('undefined');
  });

  it('cuts long values to 78 characters with an ellipsis', () => {
    const shown = show('x'.repeat(200));
    expect(shown).toHaveLength(78);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('cuts a long string between its characters, never inside an emoji or an escape', () => {
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (let pad = 0; pad < 4; pad++)
      for (const long of [`G-${'x'.repeat(pad)}${'😀'.repeat(60)}`, `${'x'.repeat(pad)}${'"'.repeat(100)}`]) {
        const shown = show(long);
        expect(shown.endsWith('…'), shown).toBe(true);
        expect(shown.length, shown).toBeLessThanOrEqual(78);
        expect(shown, shown).not.toMatch(loneSurrogate);
        // What is left before the ellipsis is the start of the value, whole, as JSON writes it.
        const quoted = `${shown.slice(0, -1)}"`;
        expect(long.startsWith(JSON.parse(quoted)), shown).toBe(true);
      }
    expect(show('x'.repeat(70) + '\u0001'.repeat(20))).toBe(`"${'x'.repeat(70)}\\u0001…`);
    for (let pad = 0; pad < 2; pad++) expect(show([`${'x'.repeat(pad)}${'😀'.repeat(60)}`])).not.toMatch(loneSurrogate);
  });

  it('never throws on values JSON cannot show', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(show(cyclic)).toBe('[object Object]');
    expect(show(BigInt(10))).toBe('[object BigInt]');
  });
});

describe('revisionLabel', () => {
  it('accepts a label of up to 64 characters that fits the record once URI-encoded', () => {
    expect(revisionLabel(' 2024-05-01 ')).toBe('2024-05-01');
    expect(revisionLabel('x'.repeat(64))).toBe('x'.repeat(64));
  });

  it.each([
    [''],
    ['x'.repeat(65)],
    ['a\nb'],
    ['\u0000'],
    ['Политика конфиденциальности и cookie, редакция'],
    ['\ud800'],
    [null],
  ])('refuses %j', (v) => {
    expect(revisionLabel(v)).toBe(INVALID);
  });
});
