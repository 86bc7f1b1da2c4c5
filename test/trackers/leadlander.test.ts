import { describe, expect, it } from 'vitest';
import { leadlander } from '../../src/trackers/leadlander';
import { fakeContext } from '../helpers/trackers';

describe('leadlander', () => {
  it('is the "LeadLander" service in marketing, without cookies to delete', () => {
    expect(leadlander('19428').service).toMatchObject({
      id: 'leadlander',
      name: 'LeadLander',
      category: 'marketing',
      cookies: [],
    });
  });

  it('sets the v3 globals and loads lt-v3.js with the account ID', () => {
    const { win, ctx, loaded } = fakeContext();
    leadlander('19428').start(ctx);
    expect(win.llcookieless).toBe(false);
    expect(Array.isArray(win.formalyze)).toBe(true);
    expect((win.formalyze as unknown as { auto: boolean }).auto).toBe(true);
    expect(loaded).toEqual(['https://lltrck.com/scripts/lt-v3.js?llid=19428']);
  });

  it("keeps a page's formalyze array and what is in it", () => {
    const own: unknown[] = ['queued'];
    const { win, ctx } = fakeContext({ formalyze: own, llcookieless: true });
    leadlander('7').start(ctx);
    expect(win.formalyze).toBe(own);
    expect([...own]).toEqual(['queued']);
    expect((own as unknown as { auto: boolean }).auto).toBe(true);
    expect(win.llcookieless).toBe(false);
  });

  it('encodes the account ID into the URL', () => {
    const { ctx, loaded } = fakeContext();
    leadlander('1&x=<y>').start(ctx);
    expect(loaded).toEqual(['https://lltrck.com/scripts/lt-v3.js?llid=1%26x%3D%3Cy%3E']);
  });

  it('has no stop: only a reload ends fingerprinting', () => {
    expect(leadlander('1').stop).toBeUndefined();
  });
});
