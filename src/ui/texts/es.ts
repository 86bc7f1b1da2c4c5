import type { Texts } from './types';

export const es: Texts = {
  bannerLabel: 'Consentimiento de cookies',
  bannerTitle: 'Tu privacidad, tu elección',
  bannerText:
    'Queremos usar cookies para medir las visitas y para marketing. Permanecen desactivadas mientras no las aceptes. Puedes cambiar de opinión en cualquier momento.',
  policyLink: 'Política de privacidad',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  customize: 'Personalizar',
  preferencesTitle: 'Preferencias de privacidad',
  preferencesIntro:
    'Elige qué puede usar este sitio. Tu elección se guarda en este dispositivo y puedes cambiarla cuando quieras.',
  necessary: 'Necesarias',
  necessaryDescription: 'Mantienen el sitio en funcionamiento y recuerdan esta elección. Siempre activas.',
  analytics: 'Analítica',
  analyticsDescription: 'Cuenta las visitas y muestra qué páginas se leen, para mejorar el sitio.',
  marketing: 'Marketing',
  marketingDescription:
    'Permite a los socios publicitarios medir campañas y reconocer a las empresas que visitan el sitio.',
  alwaysOn: 'Siempre activas',
  cookies: 'Cookies',
  vendorPolicy: 'Política de privacidad de {name}',
  save: 'Guardar selección',
  close: 'Cerrar',
  reopen: 'Configuración de cookies',
  consentId: 'ID de consentimiento',
  signalHonoured:
    'Tu navegador envía una señal {signal}, así que se han rechazado por ti todas las cookies opcionales. Aun así, puedes permitir algunas abajo.',
  googleAnalyticsPurpose: 'Estadísticas de visitas y páginas leídas.',
  leadlanderPurpose: 'Reconoce a las empresas que visitan el sitio.',
  twitterPurpose: 'Mide las campañas publicitarias en X (Twitter).',
  facebookPurpose: 'Mide las campañas publicitarias en Meta (Facebook).',
};
