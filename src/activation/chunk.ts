/** Entry of `crumb-activation.js`: loaded when the page has gated scripts or iframes. */
import { handOver } from '../chunks';
import { createActivation } from './gated-elements';

handOver({ createActivation });
