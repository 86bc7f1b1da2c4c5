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

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What every validator does: the text of `value` when `test` passes it, made into the option's value by `make`;
 * `INVALID` when there is no text, `test` refuses it, or either throws (a URL that cannot be parsed, a lone
 * surrogate). One shape for all, so that the core carries it once.
 */
const valid =
  <T = string>(test: (s: string) => unknown, make: (s: string) => T = (s) => s as T): Validator<T> =>
  (value) => {
    const s = text(value);
    try {
      return s !== undefined && test(s) ? make(s) : INVALID;
    } catch {
      return INVALID;
    }
  };

export const pattern = (re: RegExp): Validator<string> => valid((s) => re.test(s));

/** http(s) or relative URLs only: never `javascript:`, `data:` or anything else a browser would run. */
export const safeUrl: Validator<string> = valid(
  (s) =>
    // Control characters and white space inside a URL are how `java\tscript:` sneaks past naive checks; an empty
    // one would be the page itself.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
    /^[^\s\u0000-\u001f\u007f]+$/.test(s) && /^https?:$/.test(new URL(s, 'https://relative.invalid/').protocol),
);

/** `true`, `false` or an empty attribute (present, so on), in any case; or a JSON boolean. */
const booleanText = valid(
  (s) => /^(true|false)?$/i.test(s),
  (s) => !/f/i.test(s), // of the three, only "false" has an f
);
export const boolean: Validator<boolean> = (value) => (typeof value === 'boolean' ? value : booleanText(value));

export const positiveNumber = (max: number): Validator<number> =>
  valid(
    (s) => /^\d+(\.\d+)?$/.test(s) && +s > 0 && +s <= max,
    (s) => +s,
  );

/** One of `allowed`, matched in any case, in lower case. */
export const oneOf = <T extends string>(...allowed: T[]): Validator<T> =>
  valid(
    (s) => allowed.includes(s.toLowerCase() as T),
    (s) => s.toLowerCase() as T,
  );

/** A revision is stored URI-encoded in the record, which must stay short: 64 characters, 128 once encoded. */
export const revisionLabel: Validator<string> = valid(
  (s) =>
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
    /^[^\u0000-\u001f\u007f]{1,64}$/.test(s) && encodeURIComponent(s).length <= 128, // a lone surrogate throws
);
