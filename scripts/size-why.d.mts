// Types of scripts/size-why.mjs, for its unit test.
export interface Span {
  line: number;
  start: number;
  end: number;
  source: number | undefined;
}
export function decodeVlq(text: string): number[];
export function spans(code: string, mappings: string): Span[];
export function breakdown(file: string): {
  total: number;
  raw: number;
  rows: { module: string; raw: number; gzip: number }[];
};
