/** Entry of `crumb-diagnostics.js`: loaded when the configuration has a mistake, to say what and where. */
import { handOver } from '../chunks';
import { reportProblems } from './diagnostics';

handOver({ reportProblems });
