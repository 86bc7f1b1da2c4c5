import {
  completeTracker,
  coreService,
  type QueueFunction,
  type Tracker,
  type TrackerCookies,
  type TrackerShown,
  type TrackerWindow,
} from './types';

/** The `fbq` queue as fbevents.js expects to find it. */
function fbqOf(win: TrackerWindow): QueueFunction {
  if (typeof win.fbq === 'function') return win.fbq as QueueFunction;
  const fbq: QueueFunction = function () {
    // biome-ignore lint/complexity/noArguments: fbevents.js replays the queued `arguments` objects.
    if (fbq.callMethod) (fbq.callMethod as (...a: unknown[]) => void).apply(fbq, arguments as never);
    // biome-ignore lint/complexity/noArguments: as above.
    else (fbq.queue as unknown[]).push(arguments);
  } as QueueFunction;
  fbq.push = fbq;
  fbq.loaded = true;
  fbq.version = '2.0';
  fbq.queue = [];
  win.fbq = fbq;
  if (!win._fbq) win._fbq = fbq;
  return fbq;
}

/** The Meta (Facebook) pixel: consent granted before `init`, revoked on withdrawal. */
export function facebookStart(pixelId: string): Tracker {
  return {
    service: coreService('facebook', 'marketing'),
    start({ win, load }) {
      const fbq = fbqOf(win);
      load('https://connect.facebook.net/en_US/fbevents.js');
      fbq('consent', 'grant');
      fbq('init', pixelId);
      fbq('track', 'PageView');
    },
    stop: ({ win }) => fbqOf(win)('consent', 'revoke'),
    resume: ({ win }) => fbqOf(win)('consent', 'grant'),
  };
}

/** Facebook's cookies, deleted on withdrawal. */
export const facebookCookies = (): TrackerCookies => ({ cookies: ['_fbp', '_fbc'] });
/** Facebook as the dialog shows it. */
export const facebookShown = (): TrackerShown => ({
  name: 'Facebook',
  policyUrl: 'https://www.facebook.com/privacy/policy/',
});

export const facebook = (pixelId: string) =>
  completeTracker(facebookStart(pixelId), { ...facebookCookies(), ...facebookShown() });
