/**
 * The "Cookie settings" button's label per built-in language: the one text the core shows itself (the button is
 * rendered without the UI chunk), so it lives apart from the language files, which use it from here.
 */
export const REOPEN: Record<string, string> = {
  en: 'Cookie settings',
  de: 'Cookie-Einstellungen',
  fr: 'Paramètres des cookies',
  es: 'Configuración de cookies',
};
