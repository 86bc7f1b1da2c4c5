import { describe, expect, it } from 'vitest';
import { completeShown, completeTrackers, createTrackers } from '../../src/trackers/registry';

const ALL = {
  googleAnalytics: 'G-ABC123XYZ9',
  leadlander: '19428',
  twitterPixel: 'o1abc',
  facebookPixel: '123456789012345',
};

describe('createTrackers', () => {
  it('has no tracker without IDs', () => {
    expect(createTrackers({})).toEqual([]);
  });

  it.each([
    ['googleAnalytics', 'google-analytics'],
    ['leadlander', 'leadlander'],
    ['twitterPixel', 'twitter'],
    ['facebookPixel', 'facebook'],
  ] as const)('has only the tracker whose ID is configured: %s', (key, id) => {
    expect(createTrackers({ [key]: ALL[key] }).map((t) => t.service.id)).toEqual([id]);
  });

  it('lists all four in display order; completed, with their cookies and the names the dialog shows', () => {
    const trackers = createTrackers(ALL);
    expect(trackers.map((t) => t.service.id)).toEqual(['google-analytics', 'leadlander', 'twitter', 'facebook']);
    // The core knows ids and categories; the control adds the cookies, the UI chunk the names and policies, to the
    // same services.
    expect(trackers.map((t) => t.service.name)).toEqual([undefined, undefined, undefined, undefined]);
    const services = trackers.map((t) => t.service);
    expect(completeTrackers(trackers).map((t) => t.service)).toEqual(services);
    expect(services.map((s) => s.cookies.length)).toEqual([6, 0, 1, 2]);
    expect(services.map((s) => s.name)).toEqual([undefined, undefined, undefined, undefined]);
    const custom = { id: 'chat', name: 'Chat', category: 'marketing' as const, cookies: [] };
    completeShown([...services, custom]);
    expect(services.map((s) => s.name)).toEqual(['Google Analytics', 'LeadLander', 'X (Twitter)', 'Facebook']);
    expect(services.every((s) => s.policyUrl?.startsWith('https://'))).toBe(true);
    expect(custom).toEqual({ id: 'chat', name: 'Chat', category: 'marketing', cookies: [] });
    expect(trackers.map((t) => t.service.category)).toEqual(['analytics', 'marketing', 'marketing', 'marketing']);
  });

  it('treats an empty ID as not configured', () => {
    expect(createTrackers({ googleAnalytics: '', facebookPixel: '123456789012345' }).map((t) => t.service.id)).toEqual([
      'facebook',
    ]);
  });

  it('builds each tracker with its own ID', () => {
    const loaded: string[] = [];
    const ctx = { win: {} as never, load: (u: string) => loaded.push(u) };
    for (const t of createTrackers({ ...ALL, googleAnalytics: 'G-OTHER1' })) t.start(ctx);
    expect(loaded).toContain('https://www.googletagmanager.com/gtag/js?id=G-OTHER1');
    expect(loaded).toContain('https://lltrck.com/scripts/lt-v3.js?llid=19428');
  });
});
