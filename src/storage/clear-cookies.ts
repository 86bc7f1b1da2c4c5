import type { CookieMatcher } from '../consent/categories';

/** `a.b.example.com` → `a.b.example.com`, `b.example.com`, `example.com` (never a bare top-level domain). */
export function parentDomains(hostname: string): string[] {
  // IP addresses take no Domain attribute.
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':')) return [];
  const labels = hostname.split('.');
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return out;
}

const matches = (name: string, matchers: readonly CookieMatcher[]) =>
  matchers.some((m) => (typeof m === 'string' ? m === name : m.test(name)));

/**
 * Deletes the cookies matching `matchers` that this page can see, as a host-only cookie and on every parent domain
 * they could have been set on (a cookie is only removed with the `Domain` it was set with).
 */
export function clearCookies(
  doc: Pick<Document, 'cookie'>,
  hostname: string,
  matchers: readonly CookieMatcher[],
): string[] {
  if (!matchers.length) return [];
  const names = doc.cookie
    .split(';')
    .map((c) => c.split('=')[0].trim())
    .filter((name) => name && matches(name, matchers));
  const unique = [...new Set(names)];
  const expire = '=; Max-Age=0; Path=/';
  for (const name of unique) {
    doc.cookie = name + expire;
    for (const domain of parentDomains(hostname)) doc.cookie = `${name}${expire}; Domain=${domain}`;
  }
  return unique;
}
