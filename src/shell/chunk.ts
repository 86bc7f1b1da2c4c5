/**
 * Entry of `crumb-widget.<lang>.js`: what the page shows and watches, loaded once the core has started the trackers,
 * with its language's banner texts (the build aliases `crumb-ui-texts` to that language's file).
 */
import { banner } from 'crumb-ui-texts';
import { handOver } from '../chunks';
import { startWidget } from './widget';

handOver({ startWidget, texts: banner });
