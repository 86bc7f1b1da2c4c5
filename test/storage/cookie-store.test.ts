import { describe, expect, it, vi } from 'vitest';
import { cookieStore, readCookie } from '../../src/storage/cookie-store';

/** A cookie jar that keeps the writes and answers reads with a fixed string. */
function fakeDocument(jar = '') {
  const writes: string[] = [];
  return {
    writes,
    doc: {
      get cookie() {
        return jar;
      },
      set cookie(value: string) {
        writes.push(value);
      },
    },
  };
}

/** The store as the control builds it: on an https page or not, reading with `readCookie` over the same document. */
const store = (
  doc: Pick<Document, 'cookie'>,
  { domain, secure, hostname }: { domain?: string; secure: boolean; hostname: string },
) => cookieStore(doc, { hostname, protocol: secure ? 'https:' : 'http:' }, domain, readCookie);

describe('cookieStore', () => {
  it('reads a record as Crumb writes it: a revision URI-encoded inside it stays encoded', () => {
    for (const value of [
      '1|Qk3vX0b9mT2aLr7cYw1eZA|tow9w0|policy%2F3|||a',
      '1|Qk3vX0b9mT2aLr7cYw1eZA|tow9w0|Fr%C3%BChling%20v2|a||b',
    ])
      expect(readCookie(fakeDocument(`a=1; crumb_consent=${value}`).doc)).toBe(value);
  });

  it("of two copies (one host-only from before cookie-domain), takes the later: a decision or a reset's mark", () => {
    const older = '1|Qk3vX0b9mT2aLr7cYw1eZA|tow9w0|1|am||b';
    const newer = '1|OTHERX0b9mT2aLr7cYw1eZ|tow9x0|1|||a';
    expect(readCookie(fakeDocument(`crumb_consent=${older}; crumb_consent=${newer}`).doc)).toBe(newer);
    expect(readCookie(fakeDocument(`crumb_consent=${newer}; x=1; crumb_consent=${older}`).doc)).toBe(newer);
    // A reset's mark carries its time too: the later of the two holds, whichever it is.
    const markBefore = '0|tow9w1';
    const markAfter = '0|tow9x1';
    expect(readCookie(fakeDocument(`crumb_consent=${markAfter}; crumb_consent=${newer}`).doc)).toBe(markAfter);
    expect(readCookie(fakeDocument(`crumb_consent=${newer}; crumb_consent=${markBefore}`).doc)).toBe(newer);
    expect(readCookie(fakeDocument(`crumb_consent=${older}; crumb_consent=${markBefore}`).doc)).toBe(markBefore);
    // An empty mark (no time) loses against a record.
    expect(readCookie(fakeDocument(`crumb_consent=; crumb_consent=${older}`).doc)).toBe(older);
    // Something that is no record loses against one that is.
    expect(readCookie(fakeDocument(`crumb_consent=junk; crumb_consent=${older}`).doc)).toBe(older);
    expect(readCookie(fakeDocument(`crumb_consent=junk`).doc)).toBe('junk');
  });

  it('of two copies from the same second, takes the later one in the list (browsers list the oldest first)', () => {
    // Accepted on one host, refused on a sibling within the same second: the refusal was written last.
    const accepted = '1|Qk3vX0b9mT2aLr7cYw1eZA|tow9w0|1|am||b';
    const refused = '1|OTHERX0b9mT2aLr7cYw1eZ|tow9w0|1|||b';
    expect(readCookie(fakeDocument(`crumb_consent=${accepted}; crumb_consent=${refused}`).doc)).toBe(refused);
    expect(readCookie(fakeDocument(`crumb_consent=${accepted}; crumb_consent=0|tow9w0`).doc)).toBe('0|tow9w0');
  });

  it('tells when the page saw more than one copy at its last read, without reading the cookies again', () => {
    const reads = (jar: string) => {
      const doc = fakeDocument(jar).doc;
      const get = vi.spyOn(doc, 'cookie', 'get');
      return { store: store(doc, { secure: false, hostname: 'x.test' }), get };
    };
    const two = reads('crumb_consent=a; crumb_consent=b');
    const one = reads('xcrumb_consent=a; crumb_consent=b');
    expect(two.store.get()).toBe('b');
    expect(one.store.get()).toBe('b');
    expect(two.store.shadowed()).toBe(true);
    expect(one.store.shadowed()).toBe(false);
    expect([two.get.mock.calls.length, one.get.mock.calls.length]).toEqual([1, 1]);
  });

  it('reads crumb_consent percent-decoded when it was written encoded by someone else, and nothing else', () => {
    expect(store(fakeDocument('a=1; crumb_consent=1%7Cx; b=2').doc, { secure: false, hostname: 'x.test' }).get()).toBe(
      '1|x',
    );
    expect(store(fakeDocument('not_crumb_consent=1').doc, { secure: false, hostname: 'x.test' }).get()).toBeUndefined();
    expect(store(fakeDocument('crumb_consent=%E0%A4%A').doc, { secure: false, hostname: 'x.test' }).get()).toBe(
      '%E0%A4%A',
    );
  });

  it('writes with Path=/, SameSite=Lax, Max-Age, and Secure on https', () => {
    const { doc, writes } = fakeDocument();
    store(doc, { secure: true, hostname: 'shop.example.com' }).set('1|x', 60);
    expect(writes[writes.length - 1]).toBe('crumb_consent=1|x; Max-Age=60; Path=/; SameSite=Lax; Secure');
  });

  it('writes with the configured Domain', () => {
    const { doc, writes } = fakeDocument();
    store(doc, { domain: '.example.com', secure: false, hostname: 'shop.example.com' }).set('1|x', 60);
    expect(writes[writes.length - 1]).toBe('crumb_consent=1|x; Max-Age=60; Path=/; SameSite=Lax; Domain=.example.com');
  });

  it('expires every other copy first, host-only and on each other parent domain, so none can shadow the new one', () => {
    // Never the copy it writes: expired first, it would be gone for a moment, and another tab told of that (the Cookie
    // Store API's event) would restore its own older choice from the mirror over the new one.
    const { doc, writes } = fakeDocument();
    store(doc, { domain: '.example.com', secure: false, hostname: 'shop.example.com' }).set('1|x', 60);
    expect(writes.slice(0, -1)).toEqual([
      'crumb_consent=; Max-Age=0; Path=/',
      'crumb_consent=; Max-Age=0; Path=/; Domain=shop.example.com',
    ]);
    const hostOnly = fakeDocument();
    store(hostOnly.doc, { secure: false, hostname: 'shop.example.com' }).set('1|x', 60);
    expect(hostOnly.writes.slice(0, -1)).toEqual([
      'crumb_consent=; Max-Age=0; Path=/; Domain=shop.example.com',
      'crumb_consent=; Max-Age=0; Path=/; Domain=example.com',
    ]);
    expect(hostOnly.writes[hostOnly.writes.length - 1]).toBe('crumb_consent=1|x; Max-Age=60; Path=/; SameSite=Lax');
  });

  it('never expires the copy it writes, whatever the case of the configured domain', () => {
    // Browsers keep a cookie's domain in lower case: `Domain=example.com` is the copy `.Example.COM` writes.
    const { doc, writes } = fakeDocument();
    store(doc, { domain: '.Example.COM', secure: false, hostname: 'shop.example.com' }).set('1|x', 60);
    expect(writes.slice(0, -1)).toEqual([
      'crumb_consent=; Max-Age=0; Path=/',
      'crumb_consent=; Max-Age=0; Path=/; Domain=shop.example.com',
    ]);
  });

  it('removes every copy', () => {
    const { doc, writes } = fakeDocument('crumb_consent=1');
    store(doc, { secure: false, hostname: 'example.com' }).remove();
    expect(writes).toEqual([
      'crumb_consent=; Max-Age=0; Path=/',
      'crumb_consent=; Max-Age=0; Path=/; Domain=example.com',
    ]);
  });
});
