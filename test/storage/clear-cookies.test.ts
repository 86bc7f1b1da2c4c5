import { describe, expect, it } from 'vitest';
import { clearCookies, parentDomains, pathPrefixes } from '../../src/storage/clear-cookies';

/** A document whose cookie getter returns a fixed jar and whose setter records each write. */
function fakeDocument(jar: string) {
  const writes: string[] = [];
  const doc = {
    get cookie() {
      return jar;
    },
    set cookie(value: string) {
      writes.push(value);
    },
  };
  return { doc, writes };
}

const GA_MATCHERS = ['_ga', /^_ga_.+$/, '_gid', /^_gat.*$/];

/** A page location on `hostname`, at `pathname`. */
const at = (hostname: string, pathname = '/') => ({ hostname, pathname });

describe('parentDomains', () => {
  it.each([
    ['a.b.example.com', ['a.b.example.com', 'b.example.com', 'example.com']],
    ['shop.example.com', ['shop.example.com', 'example.com']],
    ['example.com', ['example.com']],
    ['localhost', []],
    ['com', []],
  ])('%s → %j', (host, expected) => {
    expect(parentDomains(host)).toEqual(expected);
  });

  it.each([['192.168.0.1'], ['127.0.0.1'], ['[::1]'], ['::1'], ['[2001:db8::1]']])(
    'gives no domain for the IP address %s',
    (host) => {
      expect(parentDomains(host)).toEqual([]);
    },
  );

  it('never gives a bare top-level domain', () => {
    for (const host of ['a.b.c.example.co', 'x.org', 'deep.sub.site.test'])
      for (const d of parentDomains(host)) expect(d).toContain('.');
  });
});

describe('clearCookies', () => {
  it('deletes matching names, as host-only cookies and on every parent domain, never on the TLD', () => {
    const { doc, writes } = fakeDocument('_ga=GA1.1; _ga_ABC123=GS1; _gid=x; other=1; _gat_UA1=1; crumb_consent=1|x');
    const deleted = clearCookies(doc, at('shop.example.com'), GA_MATCHERS);
    expect(deleted).toEqual(['_ga', '_ga_ABC123', '_gid', '_gat_UA1']);
    for (const name of deleted) {
      expect(writes).toContain(`${name}=; Max-Age=0; Path=/`);
      expect(writes).toContain(`${name}=; Max-Age=0; Path=/; Domain=shop.example.com`);
      expect(writes).toContain(`${name}=; Max-Age=0; Path=/; Domain=example.com`);
    }
    expect(writes).toHaveLength(deleted.length * 3);
    expect(writes.some((w) => w.endsWith('Domain=com'))).toBe(false);
    expect(writes.some((w) => w.startsWith('other=') || w.startsWith('crumb_consent='))).toBe(false);
  });

  it('matches exact names exactly and patterns as given', () => {
    const { doc } = fakeDocument('_gax=1; x_ga=1; _ga=1; _ga_=1; _gat=1');
    expect(clearCookies(doc, at('example.com'), GA_MATCHERS)).toEqual(['_ga', '_gat']);
  });

  it("tests a custom service's patterns against each name as RegExp#test does", () => {
    const { doc } = fakeDocument(
      '_hjSessionUser_1=1; _hjid=1; site_hj=1; _pk_id.1.ab=1; my_pk_id=1; _pk_ses.1=1; keep=1',
    );
    expect(clearCookies(doc, at('example.com'), [/^_hj/, /_pk_id/])).toEqual([
      '_hjSessionUser_1',
      '_hjid',
      '_pk_id.1.ab',
      'my_pk_id',
    ]);
  });

  it('tests patterns on names of at most 128 characters, so a long name cannot hold the page', () => {
    const long = 'a'.repeat(4000);
    const edge = `_hj${'x'.repeat(125)}`;
    const { doc } = fakeDocument(`_hj${'x'.repeat(300)}=1; ${long}=1; ${'b'.repeat(200)}_end=1; ${edge}=1`);
    // Repeats side by side backtrack in time growing with the cube of the length: minutes on 4000 characters. A
    // longer name is not cut either: `/^[a-z]+$/` would then delete `aaa…-session`, which it does not match.
    expect(clearCookies(doc, at('example.com'), [/^_hj/, /[a-z]+[a-z0-9]+_/, /_end$/, /^[a-z]+$/])).toEqual([edge]);
    // An exact name is compared whole.
    expect(clearCookies(fakeDocument(`${long}=1`).doc, at('example.com'), [long])).toEqual([long]);
  });

  it('never deletes crumb_consent, however broad a pattern', () => {
    const { doc, writes } = fakeDocument('crumb_consent=v1.x; chat_consent=1');
    expect(clearCookies(doc, at('example.com'), [/consent/, /.*/, 'crumb_consent'])).toEqual(['chat_consent']);
    expect(writes.some((w) => w.startsWith('crumb_consent='))).toBe(false);
  });

  it('keeps a cookie a granted service names too (the `keep` matchers), whichever way both name it', () => {
    const { doc, writes } = fakeDocument('_hjid=1; _hjSession_1=1; _hjAbsolute=1; _ga=1');
    // The refused service names every `_hj` cookie; a granted one names `_hjid` exactly and `_hjS…` by pattern.
    expect(clearCookies(doc, at('example.com'), [/^_hj/, '_ga'], ['_hjid', /^_hjS/])).toEqual(['_hjAbsolute', '_ga']);
    expect(writes.some((w) => w.startsWith('_hjid=') || w.startsWith('_hjSession_1='))).toBe(false);
  });

  it('only deletes host-only cookies on an IP address', () => {
    const { doc, writes } = fakeDocument('_fbp=1');
    clearCookies(doc, at('192.168.0.10'), ['_fbp']);
    expect(writes).toEqual(['_fbp=; Max-Age=0; Path=/']);
  });

  it('only deletes host-only cookies on localhost', () => {
    const { doc, writes } = fakeDocument('_fbp=1');
    clearCookies(doc, at('localhost'), ['_fbp']);
    expect(writes).toEqual(['_fbp=; Max-Age=0; Path=/']);
  });

  it('deletes a name seen twice (host and parent domain cookie) once per place', () => {
    const { doc, writes } = fakeDocument('_fbp=host; _fbp=parent');
    expect(clearCookies(doc, at('example.com'), ['_fbp'])).toEqual(['_fbp']);
    expect(writes).toEqual(['_fbp=; Max-Age=0; Path=/', '_fbp=; Max-Age=0; Path=/; Domain=example.com']);
  });

  it('copes with spacing, empty entries and values holding "="', () => {
    const { doc } = fakeDocument(' _fbc=fb.1.2=3 ;;_fbp=a=b;  ');
    expect(clearCookies(doc, at('example.com'), ['_fbp', '_fbc'])).toEqual(['_fbc', '_fbp']);
  });

  it('writes nothing without matchers or without matching cookies', () => {
    const a = fakeDocument('_ga=1');
    expect(clearCookies(a.doc, at('example.com'), [])).toEqual([]);
    expect(a.writes).toEqual([]);
    const b = fakeDocument('');
    expect(clearCookies(b.doc, at('example.com'), ['_ga'])).toEqual([]);
    expect(b.writes).toEqual([]);
  });
});

describe('pathPrefixes', () => {
  it.each([
    ['/', ['/']],
    ['/privacy.html', ['/', '/privacy.html']],
    ['/shop/cart', ['/', '/shop', '/shop/', '/shop/cart']],
    ['/a/b/', ['/', '/a', '/a/', '/a/b', '/a/b/']],
  ])('%s → %j', (path, expected) => {
    expect(pathPrefixes(path)).toEqual(expected);
  });
});

describe('clearCookies on a deeper page', () => {
  it('also deletes with every path the cookie can have been set with on this page', () => {
    const { doc, writes } = fakeDocument('chat_id=1');
    clearCookies(doc, at('example.com', '/shop/cart'), ['chat_id']);
    for (const path of ['/', '/shop', '/shop/', '/shop/cart']) {
      expect(writes).toContain(`chat_id=; Max-Age=0; Path=${path}`);
      expect(writes).toContain(`chat_id=; Max-Age=0; Path=${path}; Domain=example.com`);
    }
    expect(writes).toHaveLength(8);
  });
});
