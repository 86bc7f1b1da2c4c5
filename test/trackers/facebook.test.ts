import { describe, expect, it, vi } from 'vitest';
import { facebook } from '../../src/trackers/facebook';
import type { QueueFunction } from '../../src/trackers/types';
import { asArrays, fakeContext, isArguments } from '../helpers/trackers';

const ID = '123456789012345';

describe('facebook', () => {
  it('is the "Facebook" service in marketing, with _fbp and _fbc', () => {
    expect(facebook(ID).service).toMatchObject({
      id: 'facebook',
      name: 'Facebook',
      category: 'marketing',
      cookies: ['_fbp', '_fbc'],
    });
  });

  it('queues consent grant, init ID and track PageView, in that order, as arguments objects', () => {
    const { win, ctx } = fakeContext();
    facebook(ID).start(ctx);
    const fbq = win.fbq as QueueFunction;
    expect(typeof fbq).toBe('function');
    const queue = fbq.queue as unknown[];
    expect(asArrays(queue)).toEqual([
      ['consent', 'grant'],
      ['init', ID],
      ['track', 'PageView'],
    ]);
    for (const entry of queue) expect(isArguments(entry)).toBe(true);
  });

  it('loads fbevents.js once per start', () => {
    const { ctx, loaded } = fakeContext();
    facebook(ID).start(ctx);
    expect(loaded).toEqual(['https://connect.facebook.net/en_US/fbevents.js']);
  });

  it('sets up the stub as fbevents.js expects it', () => {
    const { win, ctx } = fakeContext();
    facebook(ID).start(ctx);
    const fbq = win.fbq as QueueFunction;
    expect(fbq.push).toBe(fbq);
    expect(fbq.loaded).toBe(true);
    expect(fbq.version).toBe('2.0');
    expect(win._fbq).toBe(fbq);
  });

  it('hands calls to callMethod once fbevents.js has loaded', () => {
    const { win, ctx } = fakeContext();
    const f = facebook(ID);
    f.start(ctx);
    const fbq = win.fbq as QueueFunction;
    const callMethod = vi.fn();
    fbq.callMethod = callMethod;
    f.stop?.(ctx);
    expect(callMethod).toHaveBeenCalledWith('consent', 'revoke');
    expect(fbq.queue).toHaveLength(3);
  });

  it('revokes consent on stop', () => {
    const { win, ctx } = fakeContext();
    const f = facebook(ID);
    f.start(ctx);
    f.stop?.(ctx);
    const queue = (win.fbq as QueueFunction).queue as unknown[];
    expect(asArrays(queue).slice(-1)[0]).toEqual(['consent', 'revoke']);
  });

  it('grants consent again on resume, without a second init', () => {
    const { win, ctx } = fakeContext();
    const f = facebook(ID);
    f.start(ctx);
    f.stop?.(ctx);
    f.resume?.(ctx);
    const queue = asArrays((win.fbq as QueueFunction).queue as unknown[]);
    expect(queue.slice(3)).toEqual([
      ['consent', 'revoke'],
      ['consent', 'grant'],
    ]);
  });

  it("reuses the page's fbq", () => {
    const pageFbq = vi.fn();
    const { win, ctx } = fakeContext({ fbq: pageFbq });
    const f = facebook(ID);
    f.start(ctx);
    f.stop?.(ctx);
    expect(win.fbq).toBe(pageFbq);
    expect(pageFbq.mock.calls).toEqual([
      ['consent', 'grant'],
      ['init', ID],
      ['track', 'PageView'],
      ['consent', 'revoke'],
    ]);
  });

  it("keeps a page's own _fbq", () => {
    const own = {};
    const { win, ctx } = fakeContext({ _fbq: own });
    facebook(ID).start(ctx);
    expect(win._fbq).toBe(own);
  });
});
