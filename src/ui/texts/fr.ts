import type { Texts } from './types';

export const fr: Texts = {
  bannerLabel: 'Consentement aux cookies',
  bannerTitle: 'Vos données, votre choix',
  bannerText:
    'Nous souhaitons utiliser des cookies pour mesurer les visites et pour le marketing. Ils restent désactivés tant que vous n’acceptez pas. Vous pouvez changer d’avis à tout moment.',
  policyLink: 'Politique de confidentialité',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  customize: 'Personnaliser',
  preferencesTitle: 'Préférences de confidentialité',
  preferencesIntro:
    'Choisissez ce que ce site peut utiliser. Votre choix est conservé sur cet appareil et modifiable à tout moment.',
  necessary: 'Nécessaires',
  necessaryDescription: 'Font fonctionner le site et mémorisent ce choix. Toujours actifs.',
  analytics: 'Mesure d’audience',
  analyticsDescription: 'Compte les visites et montre quelles pages sont lues, pour améliorer le site.',
  marketing: 'Marketing',
  marketingDescription:
    'Permet aux partenaires publicitaires de mesurer les campagnes et de reconnaître les entreprises qui visitent le site.',
  alwaysOn: 'Toujours actifs',
  cookies: 'Cookies',
  vendorPolicy: 'Politique de confidentialité de {name}',
  save: 'Enregistrer mes choix',
  close: 'Fermer',
  reopen: 'Paramètres des cookies',
  consentId: 'Identifiant de consentement',
  signalHonoured:
    'Votre navigateur envoie un signal {signal} : tous les cookies optionnels ont donc été refusés pour vous. Vous pouvez tout de même en autoriser ci-dessous.',
  googleAnalyticsPurpose: 'Statistiques sur les visites et les pages lues.',
  leadlanderPurpose: 'Reconnaît les entreprises qui visitent le site.',
  twitterPurpose: 'Mesure les campagnes publicitaires sur X (Twitter).',
  facebookPurpose: 'Mesure les campagnes publicitaires sur Meta (Facebook).',
};
