// `bangfu rules eval FILE.json [--settings]`: evaluates one case or an array of cases (the
// format of POST /api/rules/evaluate, see README) and prints the decisions as JSON. Without
// --settings only the documents' own values are used; with it, the regional settings and the
// designated-county lists (贫困县、深度贫困县名单) stored in the database too.
import { readFile } from 'node:fs/promises';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import {
  type CaseInput,
  catalog,
  evaluateOffline,
  plainCase,
  type RegionalInputs,
  regionalInputs,
} from '../../modules/rules/index.ts';
import { parseCommandArgs, withUsage } from '../args.ts';
import type { Command } from '../command.ts';
import { withMigratedDatabase } from '../open.ts';

const USAGE = 'bangfu rules eval FILE.json [--settings]';

/** Parses the file's JSON into cases, or returns a Chinese message naming what is wrong. */
export function parseCases(text: string): { cases: CaseInput[]; many: boolean } | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return `文件不是有效的 JSON：${(e as Error).message}`;
  }
  const many = Array.isArray(json);
  const list = many ? (json as unknown[]) : [json];
  if (list.length === 0) return '文件中没有案例';
  for (const [i, c] of list.entries()) {
    const name = many ? `第 ${i + 1} 个案例` : '案例';
    if (c === null || typeof c !== 'object' || Array.isArray(c)) return `${name}应为对象（含 date、region、facts 等字段）`;
    const o = c as Record<string, unknown>;
    if (o.personId !== undefined) return `${name}含 personId：命令行不读取台账，请直接给出事实，或使用 POST /api/rules/evaluate`;
    if (o.facts !== undefined && (o.facts === null || typeof o.facts !== 'object' || Array.isArray(o.facts))) {
      return `${name}的 facts 应为对象`;
    }
  }
  return { cases: list as CaseInput[], many };
}

export async function runRulesEval(args: string[], loadRegional: (() => Promise<RegionalInputs>) | undefined): Promise<number> {
  const file = args[0] as string;
  const parsed = parseCases(await readFile(file, 'utf8'));
  if (typeof parsed === 'string') {
    console.error(`${file}：${parsed}`);
    return 1;
  }
  const cat = await catalog();
  const regional = loadRegional ? await loadRegional() : {};
  try {
    const results = evaluateOffline(cat, parsed.cases.map(plainCase), regional);
    console.log(JSON.stringify(parsed.many ? results : results[0], null, 2));
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`${file}：${e.message}`);
      return 1;
    }
    throw e;
  }
}

function databaseRegional(database: Database) {
  return async () => {
    const cat = await catalog();
    return database.kysely.transaction().execute((trx) => regionalInputs(trx, cat));
  };
}

export const rulesEval: Command = {
  path: ['rules', 'eval'],
  usage: USAGE,
  summary: '按政策规则评估案例（JSON 文件，一个或数组），输出判定、金额与引用条款',
  run: (args, config) =>
    withUsage(async () => {
      const { values, positionals } = parseCommandArgs(args, { settings: { type: 'boolean', default: false } }, USAGE, true);
      if (positionals.length !== 1) {
        console.error(`${positionals.length === 0 ? '缺少案例文件' : '只能给一个案例文件'}\n用法: ${USAGE}`);
        return 2;
      }
      if (!values.settings) return runRulesEval(positionals, undefined);
      return withMigratedDatabase(config, (database) => runRulesEval(positionals, databaseRegional(database)));
    }),
};
