/**
 * Entry of `crumb-ui.<lang>.js`, the UI chunk the script tag loads: one per built-in language (the build aliases
 * `crumb-ui-texts` to that language's file).
 */
import { texts } from 'crumb-ui-texts';
import { handOver } from '../chunks';
import { ui } from './index';

handOver({ ...ui, texts });
