/**
 * One validator per kind of value. Each takes what a site wrote (an attribute string or a JSON value) and returns
 * the parsed value, or `Invalid` with a description of what was expected.
 */
export class Invalid {
  constructor(readonly expected: string) {}
}
export type Validator<T> = (value: unknown) => T | Invalid;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;

export const pattern =
  (re: RegExp, expected: string): Validator<string> =>
  (value) => {
    const s = text(value);
    return s !== undefined && re.test(s) ? s : new Invalid(expected);
  };

/** http(s) or relative URLs only: never `javascript:`, `data:` or anything else a browser would run. */
export const safeUrl =
  (expected: string): Validator<string> =>
  (value) => {
    const s = text(value);
    // Control characters and white space inside a URL are how `java\tscript:` sneaks past naive checks.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
    if (!s || /[\s\u0000-\u001f\u007f]/.test(s)) return new Invalid(expected);
    try {
      const url = new URL(s, 'https://relative.invalid/');
      return url.protocol === 'https:' || url.protocol === 'http:' ? s : new Invalid(expected);
    } catch {
      return new Invalid(expected);
    }
  };

export const boolean: Validator<boolean> = (value) => {
  if (typeof value === 'boolean') return value;
  const s = text(value)?.toLowerCase();
  if (s === 'true' || s === '') return true;
  if (s === 'false') return false;
  return new Invalid('"true" or "false"');
};

export const positiveNumber =
  (max: number): Validator<number> =>
  (value) => {
    const s = typeof value === 'number' ? String(value) : text(value);
    const n = s !== undefined && /^\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
    return n > 0 && n <= max ? n : new Invalid(`a number of days above 0 and at most ${max}`);
  };

export const oneOf =
  <T extends string>(...allowed: T[]): Validator<T> =>
  (value) => {
    const s = text(value)?.toLowerCase();
    return allowed.includes(s as T) ? (s as T) : new Invalid(allowed.map((a) => `"${a}"`).join(' or '));
  };

/** Shows a value in a message: quoted, escaped, and short. */
export const show = (value: unknown): string => {
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    s = Object.prototype.toString.call(value);
  }
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};
