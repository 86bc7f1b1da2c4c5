/**
 * Entry of `crumb-ui.<lang>.js`, the UI chunk the script tag loads: one per built-in language (the build aliases
 * `crumb-ui-texts` to that language's file). It hands itself to the core through its own `<script>` element, so it
 * needs no global and runs only when the core asked for it.
 */
import { texts } from 'crumb-ui-texts';
import type { UiScript } from './contract';
import { ui } from './index';

(document.currentScript as UiScript | null)?.crumb?.({ ...ui, texts, version: __CRUMB_VERSION__ });
