// `bangfu regions ...`: load provinces of the division dataset, show a region on a date,
// and register changes of the tree (rename, merge, move) as new versions.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { Database } from '../../db/connection.ts';
import { LEVEL_NAMES, type RegionLevel } from '../../domain/region/region-code.ts';
import { isIsoDate } from '../../domain/region/region-version.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import {
  applyRegionChange,
  type ChangePlan,
  listDatasetProvinces,
  loadProvinces,
  planChange,
  type RegionChange,
  regionsRepository as repo,
} from '../../modules/regions/index.ts';
import type { Command } from '../command.ts';
import { withMigratedDatabase } from '../open.ts';
import { formatTable } from '../table.ts';

function withDatabase(run: (database: Database, args: string[]) => Promise<number>): Command['run'] {
  return (args, config) => withMigratedDatabase(config, (database) => run(database, args));
}

const LOAD_USAGE = 'bangfu regions load PROVINCE... | --all';

export async function runRegionsLoad(database: Database, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { all: { type: 'boolean' } } });
  const dataset = await listDatasetProvinces();
  const names = new Map(dataset.map((p) => [p.code, p.name]));
  const wanted = values.all ? dataset.map((p) => p.code) : positionals;
  if (wanted.length === 0) {
    console.error(`用法: ${LOAD_USAGE}\n省级代码: ${dataset.map((p) => `${p.code}${p.name}`).join(' ')}`);
    return 2;
  }
  const unknown = wanted.filter((p) => !names.has(p));
  if (unknown.length > 0) {
    console.error(`数据集中没有这些省级区划代码：${unknown.join('、')}（应为2位，如 15 内蒙古自治区、43 湖南省、53 云南省）`);
    return 2;
  }
  const started = performance.now();
  const counts = await loadProvinces(database, wanted);
  const loads = new Map((await repo.listLoads(database.kysely)).map((l) => [l.province_code, l]));
  const rows = wanted.map((p) => {
    const n = counts[p] ?? 0;
    return [p, names.get(p) ?? '', n > 0 ? '新载入' : '已载入', n > 0 ? n : (loads.get(p)?.rows ?? 0)];
  });
  console.log(formatTable(['代码', '名称', '状态', '>区划数'], rows));
  console.log(`用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒；数据来源：${[...loads.values()][0]?.source ?? ''}`);
  return 0;
}

const SHOW_USAGE = 'bangfu regions show CODE [--date YYYY-MM-DD]';

export async function runRegionsShow(database: Database, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { date: { type: 'string' } } });
  const code = positionals[0];
  const date = values.date ?? todayInShanghai();
  if (!code || positionals.length > 1 || !isIsoDate(date)) {
    console.error(`用法: ${SHOW_USAGE}`);
    return 2;
  }
  const db = database.kysely;
  const region = await repo.findRegionOn(db, code, date);
  const history = await repo.versionsOf(db, [code]);
  const changes = await repo.changesOf(db, code);
  if (!region) {
    console.error(`区划 ${code} 在 ${date} 不存在${history.length ? '（见下方各版本的有效期）' : ''}`);
  } else {
    const path = await repo.findPathOn(db, code, date);
    const children = await repo.findChildrenOn(db, code, date);
    console.log(`${region.name}（${region.code}，${LEVEL_NAMES[region.level]}）  ${date} 的区划`);
    console.log(`路径：${path.map((p) => p.name).join(' / ')}`);
    console.log(`有效期：${region.validFrom} 起${region.validTo ? `，至 ${region.validTo} 前` : '，至今有效'}`);
    if (region.level < 5) {
      console.log(`下级区划 ${children.length} 个，村级区划 ${await repo.countVillagesUnder(db, code, date)} 个`);
      if (children.length > 0) {
        console.log(
          formatTable(
            ['代码', '名称', '级别', '>下级数'],
            children.map((c) => [c.code, c.name, LEVEL_NAMES[c.level as RegionLevel], c.childCount]),
          ),
        );
      }
    }
  }
  if (history.length > 1 || changes.length > 0) {
    console.log('\n各版本：');
    console.log(
      formatTable(
        ['起', '止（不含）', '名称', '上级'],
        history.map((v) => [v.validFrom, v.validTo ?? '', v.name, v.parentCode ?? '']),
      ),
    );
  }
  if (changes.length > 0) {
    console.log('\n变更记录：');
    console.log(
      formatTable(
        ['生效日期', '类型', '原代码', '新代码', '说明'],
        changes.map((c) => [c.effective, c.kind, c.old_code ?? '', c.new_code ?? '', c.note]),
      ),
    );
  }
  return region ? 0 : 1;
}

const CHANGE_OPTIONS = {
  effective: { type: 'string' },
  note: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

function printPlan(plan: ChangePlan, applied: boolean): void {
  console.log(`${applied ? '已登记' : '预览（未写入）'}：${plan.effective} 起生效`);
  console.log(`结束的区划版本 ${plan.close.length} 个，新的区划版本 ${plan.open.length} 个`);
  console.log(
    formatTable(
      ['类型', '原代码', '新代码', '说明'],
      plan.log.map((l) => [l.kind, l.oldCode, l.newCode, l.note]),
    ),
  );
}

async function runChange(database: Database, change: RegionChange, dryRun: boolean | undefined): Promise<number> {
  const plan = await planChange(database.kysely, change);
  if (!dryRun) await applyRegionChange(database.kysely, change, { actorId: null, actorName: `命令行（${userInfo().username}）` });
  printPlan(plan, !dryRun);
  return 0;
}

const RENAME_USAGE = 'bangfu regions rename CODE 新名称 --effective YYYY-MM-DD [--note 文号] [--dry-run]';

export async function runRegionsRename(database: Database, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: CHANGE_OPTIONS });
  const [code, name] = positionals;
  if (!code || !name || positionals.length > 2 || !values.effective) {
    console.error(`用法: ${RENAME_USAGE}`);
    return 2;
  }
  return runChange(database, { kind: 'rename', code, name, effective: values.effective, note: values.note }, values['dry-run']);
}

const MERGE_USAGE =
  'bangfu regions merge CODE --into CODE --effective YYYY-MM-DD [--recode 原代码=新代码[:新名称]]... [--note 文号] [--dry-run]';

export async function runRegionsMerge(database: Database, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...CHANGE_OPTIONS, into: { type: 'string' }, recode: { type: 'string', multiple: true } },
  });
  const [code] = positionals;
  const recode = (values.recode ?? []).map((r) => /^(\d+)=(\d+)(?::(.+))?$/.exec(r));
  if (!code || positionals.length > 1 || !values.into || !values.effective || recode.some((m) => m === null)) {
    console.error(`用法: ${MERGE_USAGE}`);
    return 2;
  }
  return runChange(
    database,
    {
      kind: 'merge',
      code,
      into: values.into,
      effective: values.effective,
      note: values.note,
      recode: recode.map((m) => ({ from: m?.[1] as string, to: m?.[2] as string, name: m?.[3] })),
    },
    values['dry-run'],
  );
}

const MOVE_USAGE = 'bangfu regions move CODE --to 新代码 --effective YYYY-MM-DD [--name 新名称] [--note 文号] [--dry-run]';

export async function runRegionsMove(database: Database, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...CHANGE_OPTIONS, to: { type: 'string' }, name: { type: 'string' } },
  });
  const [code] = positionals;
  if (!code || positionals.length > 1 || !values.to || !values.effective) {
    console.error(`用法: ${MOVE_USAGE}`);
    return 2;
  }
  return runChange(
    database,
    { kind: 'move', code, newCode: values.to, effective: values.effective, name: values.name, note: values.note },
    values['dry-run'],
  );
}

export const regionCommands: Command[] = [
  {
    path: ['regions', 'load'],
    usage: LOAD_USAGE,
    summary: '载入省级区划（国家统计局2023年统计用区划代码，至村级），如 15 43 53',
    run: withDatabase(runRegionsLoad),
  },
  {
    path: ['regions', 'show'],
    usage: SHOW_USAGE,
    summary: '查看区划（某日的名称、路径、下级、各版本与变更记录）',
    run: withDatabase(runRegionsShow),
  },
  {
    path: ['regions', 'rename'],
    usage: 'bangfu regions rename CODE 新名称 --effective D',
    summary: '登记区划更名（自生效日起用新名称，此前仍为原名称）',
    run: withDatabase(runRegionsRename),
  },
  {
    path: ['regions', 'merge'],
    usage: 'bangfu regions merge CODE --into CODE --effective D',
    summary: '登记区划撤并（被并区划及其下级自生效日起撤销；--recode 给下级新代码）',
    run: withDatabase(runRegionsMerge),
  },
  {
    path: ['regions', 'move'],
    usage: 'bangfu regions move CODE --to 新代码 --effective D',
    summary: '登记区划改隶（新代码在新上级之下，下级随之换代码）',
    run: withDatabase(runRegionsMove),
  },
];
