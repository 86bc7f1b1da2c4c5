import { expireCookies } from './clear-cookies';
import { type RecordStore, STORAGE_KEY } from './types';

export interface CookieOptions {
  /** `Domain` attribute; omitted (host-only cookie) when undefined. */
  domain?: string;
  /** Adds `Secure`; true on https pages. */
  secure: boolean;
  /** The page's host, whose every parent domain is cleared of stale copies before a write. */
  hostname: string;
  /** Reads the value (`readCookie` over this document): the core's, handed over, so the widget carries no copy. */
  read: () => string | undefined;
}

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
 * hold only cookie-safe characters, so values go as they are and are read back percent-decoded.
 */
export function cookieStore(
  doc: Pick<Document, 'cookie'>,
  { domain, secure, hostname, read }: CookieOptions,
): RecordStore {
  const attributes = `; Path=/; SameSite=Lax${domain ? `; Domain=${domain}` : ''}${secure ? '; Secure' : ''}`;
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
