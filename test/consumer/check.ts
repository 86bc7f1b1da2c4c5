// Type-checked by `npm run check:consumer` as a project outside Crumb would: `moduleResolution: nodenext`, the built
// package's .d.ts only (dist/types), strict, library checks on. Not a Vitest test: it never runs, it only compiles.
import { type CrumbApi, type CrumbState, createCrumb, parseConfig } from 'crumb-consent';
import { acceptAll, choose, presetConsent, recordTrackers } from 'crumb-consent/testing';

const api: CrumbApi | undefined = createCrumb({ googleAnalytics: 'G-ABC123XYZ9' });
const state: CrumbState | undefined = api?.get();
const off: () => void = api ? api.on('change', (s) => s.categories.analytics) : () => {};
createCrumb({
  leadlander: 19428,
  reopenButton: 'false',
  services: [{ id: 'chat', name: 'Chat', category: 'marketing', cookies: ['/^chat_/'] }],
  texts: { en: { acceptAll: 'OK' } },
});
// @ts-expect-error: a mistyped option is caught where it is written.
createCrumb({ googleAnalytic: 'G-ABC123XYZ9' });
// @ts-expect-error: a service's category is analytics or marketing.
createCrumb({ services: [{ id: 'chat', name: 'Chat', category: 'ads' }] });
// @ts-expect-error: no such member. The types are real, not `any`.
api?.acceptEverything();
// @ts-expect-error: 'change' is the only event.
api?.on('changed', () => {});
api?.on('change', (s) => {
  // @ts-expect-error: the state a listener is told is frozen, and typed so.
  s.categories.analytics = false;
});
// A listener written for the state `get()` gives still fits.
api?.on('change', (s: CrumbState) => s.decided);
addEventListener('crumb:change', (e) => {
  // @ts-expect-error: so is the event's.
  e.detail.services.chat = true;
});
parseConfig({ attributes: { googleAnalytics: 'G-ABC123XYZ9' } });

export { acceptAll, choose, off, presetConsent, recordTrackers, state };
