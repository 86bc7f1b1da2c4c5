import type { BannerTexts, Texts } from './types';

/** What the banner and the "Cookie settings" button show: all the widget chunk carries. */
export const banner: BannerTexts = {
  bannerLabel: 'Cookie consent',
  bannerTitle: 'Your privacy, your choice',
  bannerText:
    'We’d like to use cookies for analytics and marketing. They stay off unless you accept, and you can change your mind at any time.',
  policyLink: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  reopen: 'Cookie settings',
};

export const en: Texts = {
  ...banner,
  preferencesTitle: 'Privacy preferences',
  preferencesIntro:
    'Choose what this site may use. Your choice is kept on this device and you can change it at any time.',
  necessary: 'Necessary',
  necessaryDescription: 'Keep the site working and remember your choice.',
  analytics: 'Analytics',
  analyticsDescription: 'Count visits and show which pages are read, so we can improve the site.',
  marketing: 'Marketing',
  marketingDescription: 'Let advertising partners measure campaigns and recognize companies that visit the site.',
  alwaysOn: 'Always on',
  cookies: 'Cookies',
  vendorPolicy: '{name} privacy policy',
  save: 'Save choices',
  close: 'Close',
  consentId: 'Consent ID',
  signalHonoured:
    'Your browser sends a {signal} signal, so all optional cookies were refused for you. You can still allow some below.',
  embedNotice: 'This content is hosted by {provider}, which may set cookies ({purpose}).',
  embedAllow: 'Allow {provider}',
  googleAnalyticsPurpose: 'Statistics on visits and pages viewed.',
  leadlanderPurpose: 'Recognizes companies that visit the site by fingerprinting the browser; it sets no cookies.',
  twitterPurpose: 'Measures X (Twitter) ad campaigns.',
  facebookPurpose: 'Measures Meta (Facebook) ad campaigns.',
};
export { en as texts };
