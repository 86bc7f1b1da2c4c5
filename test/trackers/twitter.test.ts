import { describe, expect, it, vi } from 'vitest';
import { twitter } from '../../src/trackers/twitter';
import type { QueueFunction } from '../../src/trackers/types';
import { asArrays, fakeContext, isArguments } from '../helpers/trackers';

const ID = 'o1abc';

describe('twitter', () => {
  it('is the "X (Twitter)" service in marketing, with _twclid', () => {
    expect(twitter(ID).service).toMatchObject({
      id: 'twitter',
      name: 'X (Twitter)',
      category: 'marketing',
      cookies: ['_twclid'],
    });
  });

  it('queues config with the pixel ID, as an arguments object, and loads uwt.js', () => {
    const { win, ctx, loaded } = fakeContext();
    twitter(ID).start(ctx);
    const twq = win.twq as QueueFunction;
    expect(typeof twq).toBe('function');
    expect(twq.version).toBe('1.1');
    const queue = twq.queue as unknown[];
    expect(asArrays(queue)).toEqual([['config', ID]]);
    expect(isArguments(queue[0])).toBe(true);
    expect(loaded).toEqual(['https://static.ads-twitter.com/uwt.js']);
  });

  it('hands calls to exe once uwt.js has loaded', () => {
    const { win, ctx } = fakeContext();
    twitter(ID).start(ctx);
    const twq = win.twq as QueueFunction;
    const exe = vi.fn();
    twq.exe = exe;
    twq('event', 'x');
    expect(exe).toHaveBeenCalledWith('event', 'x');
    expect(twq.queue).toHaveLength(1);
  });

  it("reuses the page's twq", () => {
    const pageTwq = vi.fn();
    const { win, ctx } = fakeContext({ twq: pageTwq });
    twitter(ID).start(ctx);
    expect(win.twq).toBe(pageTwq);
    expect(pageTwq).toHaveBeenCalledWith('config', ID);
  });

  it('has no consent API to call: nothing to stop but cookies', () => {
    expect(twitter(ID).stop).toBeUndefined();
    expect(twitter(ID).init).toBeUndefined();
  });
});
