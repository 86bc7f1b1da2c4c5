/**
 * Entry of `crumb-diagnostics.js`: loaded when the configuration has a mistake, or a stored record is not used, to
 * say what and where.
 */
import { handOver } from '../chunks';
import { reportMisgated, reportProblems, warnStoredProblem } from './diagnostics';

handOver({ reportProblems, warnStoredProblem, reportMisgated });
