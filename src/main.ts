/**
 * The script-tag entry (`dist/crumb.js`): the only module with side effects. It reads its own tag's attributes and
 * nonce synchronously, before anything else, then boots.
 */
import { boot } from './boot';
import { readConfig } from './config/read-config';

const script = document.currentScript as HTMLScriptElement | null;
try {
  boot(window, readConfig(document, script, location.hostname), script?.nonce || '', __CRUMB_VERSION__);
} catch (e) {
  console.error('Crumb: could not start; no tracker will load on this page', e);
}
