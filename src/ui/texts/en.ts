import type { Texts } from './types';

export const en: Texts = {
  bannerLabel: 'Cookie consent',
  bannerTitle: 'Your privacy, your choice',
  bannerText:
    'We would like to use cookies to measure visits and for marketing. They stay off unless you accept. You can change your mind at any time.',
  policyLink: 'Privacy policy',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  preferencesTitle: 'Privacy preferences',
  preferencesIntro:
    'Choose what this site may use. Your choice is kept on this device and you can change it at any time.',
  necessary: 'Necessary',
  necessaryDescription: 'Keeps the site working and remembers this choice. Always on.',
  analytics: 'Analytics',
  analyticsDescription: 'Counts visits and shows which pages are read, so we can improve the site.',
  marketing: 'Marketing',
  marketingDescription: 'Lets advertising partners measure campaigns and recognise visiting companies.',
  alwaysOn: 'Always on',
  cookies: 'Cookies',
  vendorPolicy: 'Privacy policy of {name}',
  save: 'Save choices',
  close: 'Close',
  reopen: 'Cookie settings',
  consentId: 'Consent ID',
  signalHonoured:
    'Your browser sends a {signal} signal, so all optional cookies were refused for you. You can still allow some below.',
  googleAnalyticsPurpose: 'Statistics about visits and pages read.',
  leadlanderPurpose: 'Recognises the companies that visit the site.',
  twitterPurpose: 'Measures X (Twitter) ad campaigns.',
  facebookPurpose: 'Measures Meta (Facebook) ad campaigns.',
};
