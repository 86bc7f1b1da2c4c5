import Cookies from 'js-cookie';
import { type RecordStore, STORAGE_KEY } from './types';

export interface CookieOptions {
  /** `Domain` attribute; omitted (host-only cookie) when undefined. */
  domain?: string;
  /** Adds `Secure`; true on https pages. */
  secure: boolean;
}

/** The `crumb_consent` cookie: `Path=/`, `SameSite=Lax`, `Secure` on https, `Max-Age` per write. One jar, built once. */
export function cookieStore({ domain, secure }: CookieOptions): RecordStore {
  const jar = Cookies.withAttributes({ path: '/', sameSite: 'Lax', secure, domain });
  return {
    get: () => jar.get(STORAGE_KEY),
    set: (value, maxAgeSeconds) => {
      jar.set(STORAGE_KEY, value, { 'max-age': String(maxAgeSeconds) });
    },
    remove: () => {
      jar.remove(STORAGE_KEY);
      // A host-only cookie left from before `cookieDomain` was configured would shadow the shared one.
      if (domain) Cookies.remove(STORAGE_KEY, { path: '/' });
    },
  };
}
