import type { Config } from '../config.ts';

export interface Command {
  /** Words that select the command, e.g. ['import', 'laborers']. */
  path: string[];
  usage: string;
  summary: string;
  /** Returns the exit code. */
  run(args: string[], config: Config): Promise<number>;
}
