import { expireCookies } from './clear-cookies';
import { type RecordStore, STORAGE_KEY } from './types';

/**
 * The `crumb_consent` cookie's value as stored, or `undefined` without one. Crumb writes its records as they are (they
 * hold only cookie-safe characters, the revision URI-encoded inside them); a value without a `|` was percent-encoded
 * by someone else (a test kit, a server framework) and is decoded once. A page can see two copies, one host-only left
 * from before `cookie-domain` was set and one a sibling subdomain wrote since.
 */
export function readCookie(doc: Pick<Document, 'cookie'>): string | undefined {
  let found: string | undefined;
  for (const pair of doc.cookie.split(/; */)) {
    if (pair.indexOf(`${STORAGE_KEY}=`)) continue;
    let value = pair.slice(STORAGE_KEY.length + 1);
    try {
      if (value.indexOf('|') < 0) value = decodeURIComponent(value);
    } catch {
      // malformed escapes: the decoder refuses it, with a warning
    }
    // Of several copies, the one that holds: every copy but one is older than the site's current `cookie-domain`
    // (each write removes the others from its own host), so the latest, a decision or a reset's mark, by its time.
    // Times are whole seconds: of two from the same second, the later one in the list, which browsers order oldest
    // first.
    if (found === undefined || decidedAt(value) >= decidedAt(found)) found = value;
  }
  return found;
}

/** When a stored value was written: a record's or a reset mark's time (base 36), or -1 for anything else. */
const decidedAt = (value: string) => {
  const time = /^(?:1\|[^|]*|0)\|([0-9a-z]{1,9})(?:\||$)/.exec(value);
  return time ? Number.parseInt(time[1], 36) : -1;
};

/**
 * The `crumb_consent` cookie: `Path=/`, `SameSite=Lax`, `Secure` on https, `Domain` when configured, `Max-Age` per
 * write; its attributes fixed once. A write first expires every other copy (host-only, or on another parent domain, left
 * from before `cookieDomain` was set or changed): an older copy would otherwise shadow the new decision. Our records
 * hold only cookie-safe characters, so values go as they are. `read` is the core's `readCookie`, handed over so the
 * widget carries no copy; `shadowed` tells whether the page saw more than one copy at the last `get` (the storage then
 * writes the one that holds again, which removes the others), and `last` what it found, both without asking the
 * browser for its cookies again.
 */
export function cookieStore(
  doc: Pick<Document, 'cookie'>,
  { hostname, protocol }: Pick<Location, 'hostname' | 'protocol'>,
  domain: string | undefined,
  read: (jar: Pick<Document, 'cookie'>) => string | undefined,
): RecordStore & { shadowed(): boolean; last(): string | undefined } {
  /** The page's cookies as the last `get` read them, and what it found in them. */
  let jar = '';
  let found: string | undefined;
  const attributes = `; Path=/; SameSite=Lax${domain ? `; Domain=${domain}` : ''}${protocol === 'https:' ? '; Secure' : ''}`;
  const remove = () => expireCookies(doc, [STORAGE_KEY], hostname);
  return {
    get() {
      jar = doc.cookie;
      found = read({ cookie: jar });
      return found;
    },
    last: () => found,
    shadowed: () => jar.split(/; */).filter((c) => c.indexOf(`${STORAGE_KEY}=`) === 0).length > 1,
    set(value, maxAgeSeconds) {
      // Not the copy about to be written: the write replaces it at once. Expired first, it was gone for a moment, and
      // another tab told of that (the Cookie Store API's event) restored its own older choice from the mirror. Browsers
      // keep a cookie's domain in lower case, as the host's.
      expireCookies(doc, [STORAGE_KEY], hostname, ['/'], domain ? domain.replace(/^\./, '').toLowerCase() : '');
      doc.cookie = `${STORAGE_KEY}=${value}; Max-Age=${maxAgeSeconds}${attributes}`;
    },
    remove,
  };
}
