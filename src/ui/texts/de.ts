import type { BannerTexts, Texts } from './types';

/** What the banner and the "Cookie settings" button show: all the widget chunk carries. */
export const banner: BannerTexts = {
  bannerLabel: 'Cookie-Einwilligung',
  bannerTitle: 'Ihre Daten, Ihre Wahl',
  bannerText:
    'Wir möchten Cookies für Statistik und Marketing nutzen. Sie bleiben aus, bis Sie zustimmen, und Ihre Wahl können Sie jederzeit ändern.',
  policyLink: 'Datenschutzerklärung',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  customize: 'Anpassen',
  reopen: 'Cookie-Einstellungen',
};

export const de: Texts = {
  ...banner,
  preferencesTitle: 'Datenschutz-Einstellungen',
  preferencesIntro:
    'Wählen Sie, was diese Website nutzen darf. Ihre Wahl wird auf diesem Gerät gespeichert und lässt sich jederzeit ändern.',
  necessary: 'Notwendig',
  necessaryDescription: 'Sorgen dafür, dass die Website funktioniert, und speichern Ihre Auswahl.',
  analytics: 'Statistik',
  analyticsDescription:
    'Zählen Besuche und zeigen, welche Seiten gelesen werden, damit wir die Website verbessern können.',
  marketing: 'Marketing',
  marketingDescription:
    'Ermöglichen Werbepartnern, Kampagnen zu messen und Unternehmen zu erkennen, die unsere Website besuchen.',
  alwaysOn: 'Immer aktiv',
  cookies: 'Cookies',
  vendorPolicy: 'Datenschutzerklärung von {name}',
  save: 'Auswahl speichern',
  close: 'Schließen',
  consentId: 'Einwilligungs-ID',
  signalHonoured:
    'Ihr Browser sendet das Signal „{signal}“. Deshalb haben wir alle optionalen Cookies für Sie abgelehnt. Sie können einzelne davon unten trotzdem zulassen.',
  embedNotice: 'Dieser Inhalt wird von {provider} bereitgestellt, das Cookies setzen kann ({purpose}).',
  embedAllow: '{provider} erlauben',
  googleAnalyticsPurpose: 'Statistiken zu Besuchen und aufgerufenen Seiten.',
  leadlanderPurpose:
    'Erkennt Unternehmen, die die Website besuchen, am Fingerabdruck des Browsers; setzt keine Cookies.',
  twitterPurpose: 'Misst Werbekampagnen auf X (Twitter).',
  facebookPurpose: 'Misst Werbekampagnen auf Meta (Facebook).',
};
export { de as texts };
