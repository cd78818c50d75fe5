// Option parsing for commands: node's parseArgs with the usage line and Chinese messages.
import { type ParseArgsConfig, parseArgs } from 'node:util';

export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Parses or throws UsageError (print the message and the usage, exit 2); --help/-h prints usage. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  usage: string,
  positionals = false,
) {
  if (args.includes('--help') || args.includes('-h')) throw new UsageError(`用法: ${usage}`, 0);
  try {
    return parseArgs({ args, options, allowPositionals: positionals, strict: true });
  } catch (e) {
    const m = /'(-[^']+)'/.exec((e as Error).message);
    throw new UsageError(`参数错误${m ? `：无法识别或缺少取值的参数 ${m[1]}` : `：${(e as Error).message}`}\n用法: ${usage}`);
  }
}

/** Runs a command body, turning a UsageError into its message and exit code (0 for --help). */
export async function withUsage(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof UsageError) {
      (e.exitCode === 0 ? console.log : console.error)(e.message);
      return e.exitCode;
    }
    throw e;
  }
}
