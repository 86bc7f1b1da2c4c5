/** Entry of `crumb-widget.js`: what the page shows and watches, loaded once the core has started the trackers. */
import { handOver } from '../chunks';
import { startWidget } from './widget';

handOver({ startWidget });
