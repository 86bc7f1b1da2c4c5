import {
  completeTracker,
  coreService,
  type QueueFunction,
  type Tracker,
  type TrackerCookies,
  type TrackerShown,
  type TrackerWindow,
} from './types';

/** The `twq` queue as uwt.js expects to find it. */
function twqOf(win: TrackerWindow): QueueFunction {
  if (typeof win.twq === 'function') return win.twq as QueueFunction;
  const twq: QueueFunction = function () {
    // biome-ignore lint/complexity/noArguments: uwt.js replays the queued `arguments` objects.
    if (twq.exe) (twq.exe as (...a: unknown[]) => void).apply(twq, arguments as never);
    // biome-ignore lint/complexity/noArguments: as above.
    else (twq.queue as unknown[]).push(arguments);
  } as QueueFunction;
  twq.version = '1.1';
  twq.queue = [];
  win.twq = twq;
  return twq;
}

/** The X (Twitter) pixel. It has no consent API: it is gated by not loading it. */
export function twitterStart(pixelId: string): Tracker {
  return {
    service: coreService('twitter', 'marketing'),
    start({ win, load }) {
      const twq = twqOf(win);
      load('https://static.ads-twitter.com/uwt.js');
      twq('config', pixelId);
    },
  };
}

/** X (Twitter)'s cookies, deleted on withdrawal. */
export const twitterCookies = (): TrackerCookies => ({ cookies: ['_twclid'] });
/** X (Twitter) as the dialog shows it. */
export const twitterShown = (): TrackerShown => ({ name: 'X (Twitter)', policyUrl: 'https://x.com/en/privacy' });

export const twitter = (pixelId: string) =>
  completeTracker(twitterStart(pixelId), { ...twitterCookies(), ...twitterShown() });
