/**
 * Entry of `crumb-widget.<lang>.js`: what the page shows and watches, and what decides (`control.ts`), loaded once
 * the core has started the trackers,
 * with its language's banner texts (the build aliases `crumb-ui-texts` to that language's file).
 */
import { banner } from 'crumb-ui-texts';
import { handOver } from '../chunks';
import { takeOver } from '../control';
import { startWidget } from './widget';

handOver({ startWidget, takeOver, texts: banner });
