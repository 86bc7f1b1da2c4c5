/** A tiny seeded PRNG (mulberry32), so that fuzz tests are reproducible: a failure names its seed and case. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** An integer in [0, n). */
  const int = (n: number): number => Math.floor(next() * n);
  /** One element of a non-empty list. */
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  /** A string of `length` characters drawn from `alphabet`. */
  const string = (length: number, alphabet: string): string => {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[int(alphabet.length)];
    return s;
  };
  return { next, int, pick, string, chance: (p: number) => next() < p };
}

export type Prng = ReturnType<typeof prng>;
