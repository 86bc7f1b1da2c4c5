import type { BannerTexts, Texts } from './types';

/** What the banner and the "Cookie settings" button show: all the widget chunk carries. */
export const banner: BannerTexts = {
  bannerLabel: 'Consentement aux cookies',
  bannerTitle: 'Vos données, votre choix',
  bannerText:
    'Nous aimerions utiliser des cookies de mesure d’audience et de marketing. Sans votre accord, ils restent désactivés. Vous pouvez changer d’avis à tout moment.',
  policyLink: 'Politique de confidentialité',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  customize: 'Personnaliser',
  reopen: 'Paramètres des cookies',
};

export const fr: Texts = {
  ...banner,
  preferencesTitle: 'Préférences de confidentialité',
  preferencesIntro:
    'Choisissez ce que ce site peut utiliser. Votre choix est conservé sur cet appareil et vous pouvez le modifier à tout moment.',
  necessary: 'Nécessaires',
  necessaryDescription: 'Indispensables au fonctionnement du site, ils conservent aussi votre choix.',
  analytics: 'Mesure d’audience',
  analyticsDescription:
    'Comptent les visites et indiquent les pages consultées, afin que nous puissions améliorer le site.',
  marketing: 'Marketing',
  marketingDescription:
    'Permettent aux partenaires publicitaires de mesurer leurs campagnes et de reconnaître les entreprises qui visitent le site.',
  alwaysOn: 'Toujours actifs',
  cookies: 'Cookies',
  vendorPolicy: 'Politique de confidentialité de {name}',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  consentId: 'Identifiant de consentement',
  signalHonoured:
    'Votre navigateur envoie le signal « {signal} » : nous avons donc refusé pour vous tous les cookies facultatifs. Vous pouvez tout de même en autoriser certains ci-dessous.',
  embedNotice: 'Ce contenu est hébergé par {provider}, qui peut déposer des cookies ({purpose}).',
  embedAllow: 'Autoriser {provider}',
  googleAnalyticsPurpose: 'Statistiques sur les visites et les pages consultées.',
  leadlanderPurpose:
    'Reconnaît les entreprises qui visitent le site par l’empreinte du navigateur ; ne dépose aucun cookie.',
  twitterPurpose: 'Mesure les campagnes publicitaires sur X (Twitter).',
  facebookPurpose: 'Mesure les campagnes publicitaires sur Meta (Facebook).',
};
export { fr as texts };
