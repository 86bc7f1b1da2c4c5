import type { BannerTexts, Texts } from './types';

/** What the banner and the "Cookie settings" button show: all the widget chunk carries. */
export const banner: BannerTexts = {
  bannerLabel: 'Consentimiento de cookies',
  bannerTitle: 'Tu privacidad, tu elección',
  bannerText:
    'Queremos usar cookies de analítica y marketing. No se activan si no las aceptas, y puedes cambiar de opinión cuando quieras.',
  policyLink: 'Política de privacidad',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  customize: 'Personalizar',
  reopen: 'Configuración de cookies',
};

export const es: Texts = {
  ...banner,
  preferencesTitle: 'Preferencias de privacidad',
  preferencesIntro:
    'Elige qué puede usar este sitio. Tu elección se guarda en este dispositivo y puedes cambiarla cuando quieras.',
  necessary: 'Necesarias',
  necessaryDescription: 'Hacen que el sitio funcione y recuerdan tu elección.',
  analytics: 'Analítica',
  analyticsDescription: 'Cuentan las visitas y muestran qué páginas se leen, para que podamos mejorar el sitio.',
  marketing: 'Marketing',
  marketingDescription:
    'Permiten a los socios publicitarios medir sus campañas y reconocer a las empresas que visitan el sitio.',
  alwaysOn: 'Siempre activas',
  cookies: 'Cookies',
  vendorPolicy: 'Política de privacidad de {name}',
  save: 'Guardar selección',
  close: 'Cerrar',
  consentId: 'ID de consentimiento',
  signalHonoured:
    'Tu navegador envía la señal «{signal}», así que hemos rechazado en tu nombre todas las cookies opcionales. Aun así, puedes permitir algunas a continuación.',
  embedNotice: 'Este contenido está alojado por {provider}, que puede instalar cookies ({purpose}).',
  embedAllow: 'Permitir {provider}',
  googleAnalyticsPurpose: 'Estadísticas de visitas y páginas vistas.',
  leadlanderPurpose: 'Reconoce a las empresas que visitan el sitio por la huella del navegador; no instala cookies.',
  twitterPurpose: 'Mide las campañas publicitarias en X (Twitter).',
  facebookPurpose: 'Mide las campañas publicitarias en Meta (Facebook).',
};
export { es as texts };
