/** Fills `{name}` placeholders; an unknown name stays as written. */
export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (m, key: string) => (Object.prototype.hasOwnProperty.call(values, key) ? values[key] : m));
