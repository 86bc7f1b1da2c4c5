import type { Texts } from './types';

export const de: Texts = {
  bannerLabel: 'Cookie-Einwilligung',
  bannerTitle: 'Ihre Daten, Ihre Wahl',
  bannerText:
    'Wir möchten Cookies nutzen, um Besuche zu messen und für Marketing. Sie bleiben aus, solange Sie nicht zustimmen. Sie können Ihre Wahl jederzeit ändern.',
  policyLink: 'Datenschutzerklärung',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  customize: 'Anpassen',
  preferencesTitle: 'Datenschutz-Einstellungen',
  preferencesIntro:
    'Wählen Sie, was diese Website nutzen darf. Ihre Wahl wird auf diesem Gerät gespeichert und lässt sich jederzeit ändern.',
  necessary: 'Notwendig',
  necessaryDescription: 'Hält die Website funktionsfähig und speichert diese Wahl. Immer aktiv.',
  analytics: 'Statistik',
  analyticsDescription:
    'Zählt Besuche und zeigt, welche Seiten gelesen werden, damit wir die Website verbessern können.',
  marketing: 'Marketing',
  marketingDescription: 'Erlaubt Werbepartnern, Kampagnen zu messen und besuchende Unternehmen zu erkennen.',
  alwaysOn: 'Immer aktiv',
  cookies: 'Cookies',
  vendorPolicy: 'Datenschutzerklärung von {name}',
  save: 'Auswahl speichern',
  close: 'Schließen',
  reopen: 'Cookie-Einstellungen',
  consentId: 'Einwilligungs-ID',
  signalHonoured:
    'Ihr Browser sendet ein {signal}-Signal, daher wurden alle optionalen Cookies für Sie abgelehnt. Sie können einzelne unten trotzdem erlauben.',
  googleAnalyticsPurpose: 'Statistiken über Besuche und gelesene Seiten.',
  leadlanderPurpose: 'Erkennt Unternehmen, die die Website besuchen.',
  twitterPurpose: 'Misst Werbekampagnen auf X (Twitter).',
  facebookPurpose: 'Misst Werbekampagnen auf Meta (Facebook).',
};
