/**
 * Config parsing as a page sees it: `parseConfig` / `readConfig` with each problem's sentence (`describeProblem`, the
 * diagnostics chunk) attached as `message`, so tests check the words visitors' developers read in the console.
 */
import { describeProblem } from '../../src/config/diagnostics';
import { type ParseInput, parseConfig as parse } from '../../src/config/parse-config';
import { readConfig as read } from '../../src/config/read-config';
import type { ConfigProblem, CrumbConfig } from '../../src/config/types';

export type Described = ConfigProblem & { message: string };

const described = ({ config, problems }: { config: CrumbConfig; problems: ConfigProblem[] }) => ({
  config,
  problems: problems.map((p): Described => ({ ...p, message: describeProblem(p) })),
});

export const parseConfig = (input: ParseInput) => described(parse(input));
export const readConfig = (...args: Parameters<typeof read>) => described(read(...args));
