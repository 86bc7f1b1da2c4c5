import { expireCookies } from './clear-cookies';
import { type RecordStore, STORAGE_KEY } from './types';

/** The `crumb_consent` cookie's value as stored (percent-decoded), or `undefined` without one. */
export function readCookie(doc: Pick<Document, 'cookie'>): string | undefined {
  const raw = (new RegExp(`(?:^|; *)${STORAGE_KEY}=([^;]*)`).exec(doc.cookie) || [])[1];
  try {
    return raw && decodeURIComponent(raw);
  } catch {
    return raw; // malformed escapes: the decoder refuses it, with a warning
  }
}

/**
 * The `crumb_consent` cookie: `Path=/`, `SameSite=Lax`, `Secure` on https, `Domain` when configured, `Max-Age` per
 * write; its attributes fixed once. A write first expires every other copy (host-only, or on a parent domain, left
 * from before `cookieDomain` was set or changed): an older copy would otherwise shadow the new decision. Our records
 * hold only cookie-safe characters, so values go as they are and are read back percent-decoded. `read` is the core's
 * `readCookie` over this document, handed over so the widget carries no copy.
 */
export function cookieStore(
  doc: Pick<Document, 'cookie'>,
  { hostname, protocol }: Pick<Location, 'hostname' | 'protocol'>,
  domain: string | undefined,
  read: () => string | undefined,
): RecordStore {
  const attributes = `; Path=/; SameSite=Lax${domain ? `; Domain=${domain}` : ''}${protocol === 'https:' ? '; Secure' : ''}`;
  const remove = () => expireCookies(doc, [STORAGE_KEY], hostname);
  return {
    get: read,
    set(value, maxAgeSeconds) {
      remove();
      doc.cookie = `${STORAGE_KEY}=${value}; Max-Age=${maxAgeSeconds}${attributes}`;
    },
    remove,
  };
}
