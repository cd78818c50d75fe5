// Dispatches `bangfu <command...>` to the command whose words match the longest prefix.
import { loadConfig } from '../config.ts';
import type { Command } from './command.ts';
import { auditVerify } from './commands/audit.ts';
import { dbMigrate } from './commands/db.ts';
import { importLaborers } from './commands/import.ts';
import { regionCommands } from './commands/regions.ts';
import { rulesEval } from './commands/rules.ts';
import { seed } from './commands/seed.ts';
import { serve } from './commands/serve.ts';
import { usersAdd, usersList } from './commands/users.ts';

const COMMANDS: Command[] = [
  dbMigrate,
  auditVerify,
  seed,
  serve,
  usersAdd,
  usersList,
  importLaborers,
  rulesEval,
  ...regionCommands,
];

function help(): string {
  return ['用法: bangfu <命令> [参数]', '', ...COMMANDS.map((c) => `  ${c.usage.padEnd(52)} ${c.summary}`)].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const matches = COMMANDS.filter((c) => c.path.every((w, i) => argv[i] === w)).sort((a, b) => b.path.length - a.path.length);
  const command = matches[0];
  if (!command || argv[0] === '--help' || argv[0] === '-h') {
    console.log(help());
    return command || argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' ? 0 : 2;
  }
  try {
    return await command.run(argv.slice(command.path.length), loadConfig());
  } catch (e) {
    console.error(`错误: ${(e as Error).message}`);
    return 1;
  }
}
