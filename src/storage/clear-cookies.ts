import type { CookieMatcher } from '../consent/categories';
import { STORAGE_KEY } from './types';

/** `a.b.example.com` → `a.b.example.com`, `b.example.com`, `example.com` (never a bare top-level domain). */
export function parentDomains(hostname: string): string[] {
  // IP addresses (v4 all digits and dots, v6 with colons) take no Domain attribute.
  if (/^[\d.]+$|:/.test(hostname)) return [];
  const labels = hostname.split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}

/** `/a/b.html` → `/`, `/a`, `/a/`, `/a/b.html`: every `Path` a cookie visible on this page can have been set with. */
export function pathPrefixes(pathname: string): string[] {
  const paths = ['/'];
  for (let at = pathname.indexOf('/', 1); at > 0; at = pathname.indexOf('/', at + 1))
    paths.push(pathname.slice(0, at), pathname.slice(0, at + 1));
  if (pathname.length > 1) paths.push(pathname);
  return [...new Set(paths)];
}

/**
 * Expires cookies by name in every form they can exist in: host-only and on each parent domain, with each path (a
 * cookie is only removed with the `Domain` and `Path` it was set with); all but `except` (a domain, or `''` for the
 * host-only form), when given.
 */
export function expireCookies(
  doc: Pick<Document, 'cookie'>,
  names: string[],
  hostname: string,
  paths = ['/'],
  except?: string,
): void {
  for (const name of names)
    for (const domain of ['', ...parentDomains(hostname)])
      if (domain !== except)
        for (const path of paths) doc.cookie = `${name}=; Max-Age=0; Path=${path}${domain && `; Domain=${domain}`}`;
}

/**
 * Deletes the cookies matching `matchers` that this page can see, in every form they can have been set in, but
 * Crumb's own (a pattern as broad as `/consent/` must not delete the choice just stored) and those matching `keep` (a
 * granted service's: two services may name the same cookie). Returns their names.
 */
export function clearCookies(
  doc: Pick<Document, 'cookie'>,
  { hostname, pathname }: Pick<Location, 'hostname' | 'pathname'>,
  matchers: readonly CookieMatcher[],
  keep: readonly CookieMatcher[] = [],
): string[] {
  // A pattern is tested on names of at most 128 characters: one with repeats side by side (`/[a-z]+[a-z0-9]+_/`) takes
  // time growing with a power of the length, and held the page for minutes on a name of a few thousand. A longer name
  // goes only by its exact name (cut, it could match a pattern it does not match, and a site's own cookie go).
  const matching = (list: readonly CookieMatcher[], name: string) =>
    list.some((m) => (typeof m === 'string' ? m === name : name.length < 129 && m.test(name)));
  const names = [
    ...new Set(
      doc.cookie
        .split(';')
        .map((c) => c.split('=')[0].trim())
        .filter((name) => name && name !== STORAGE_KEY && matching(matchers, name) && !matching(keep, name)),
    ),
  ];
  expireCookies(doc, names, hostname, pathPrefixes(pathname));
  return names;
}
