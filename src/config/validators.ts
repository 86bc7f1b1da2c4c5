/**
 * One validator per kind of value. Each takes what a site wrote (an attribute string or a JSON value) and returns
 * the parsed value, or `INVALID`. What was expected is said by `diagnostics.ts`, which only pages with a mistake load.
 */
export const INVALID: unique symbol = Symbol('invalid');
export type Validator<T> = (value: unknown) => T | typeof INVALID;

/**
 * A string as written (trimmed), or a JSON number in its decimal form. A number past 2^53 has already lost digits
 * in `JSON.parse` (a pixel ID written without quotes): it is refused, never used rounded.
 */
export const text = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value.trim()
    : typeof value === 'number' && Math.abs(value) < 2 ** 53
      ? String(value)
      : undefined;

/** `text` in lower case, for the options whose words are matched in any case. */
const lowerText = (value: unknown): string | undefined => text(value)?.toLowerCase();

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const pattern =
  (re: RegExp): Validator<string> =>
  (value) => {
    const s = text(value);
    return s !== undefined && re.test(s) ? s : INVALID;
  };

/** The text of `value` when `test` passes it; `INVALID` when it is empty, fails or throws. */
const checked = (value: unknown, test: (s: string) => boolean): string | typeof INVALID => {
  const s = text(value);
  try {
    return s && test(s) ? s : INVALID;
  } catch {
    return INVALID;
  }
};

/** http(s) or relative URLs only: never `javascript:`, `data:` or anything else a browser would run. */
export const safeUrl: Validator<string> = (value) =>
  checked(
    value,
    (s) =>
      // Control characters and white space inside a URL are how `java\tscript:` sneaks past naive checks.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
      !/[\s\u0000-\u001f\u007f]/.test(s) && /^https?:$/.test(new URL(s, 'https://relative.invalid/').protocol),
  );

export const boolean: Validator<boolean> = (value) => {
  if (typeof value === 'boolean') return value;
  const s = lowerText(value);
  return s === 'true' || s === '' ? true : s === 'false' ? false : INVALID;
};

export const positiveNumber =
  (max: number): Validator<number> =>
  (value) => {
    const s = text(value);
    const n = s && /^\d+(\.\d+)?$/.test(s) ? +s : 0;
    return n > 0 && n <= max ? n : INVALID;
  };

export const oneOf =
  <T extends string>(...allowed: T[]): Validator<T> =>
  (value) => {
    const s = lowerText(value) as T;
    return allowed.includes(s) ? s : INVALID;
  };

/** A revision is stored URI-encoded in the record, which must stay short: 64 characters, 128 once encoded. */
export const revisionLabel: Validator<string> = (value) =>
  checked(
    value,
    (s) =>
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
      /^[^\u0000-\u001f\u007f]{1,64}$/.test(s) && encodeURIComponent(s).length <= 128, // a lone surrogate throws
  );
