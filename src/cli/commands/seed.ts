import type { Database } from '../../db/connection.ts';
import { formatFen } from '../../domain/money.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { AREA_PRESETS, DEFAULT_AREA, parseAreas } from '../../domain/seed/areas.ts';
import { DEMO_PASSWORD } from '../../domain/seed/demo-accounts.ts';
import { ROLE_NAMES } from '../../modules/auth/actor.ts';
import type { SavedUser } from '../../modules/auth/users.service.ts';
import {
  type DemoClaimsSummary,
  type DemoFairsSummary,
  type DemoPostSubsidySummary,
  ensureDemoUsers,
  type SeedSummary,
  seedDemoClaims,
  seedDemoDesignations,
  seedDemoFairs,
  seedDemoPostSubsidy,
  seedPopulation,
} from '../../modules/seed/index.ts';
import { parseCommandArgs, withUsage } from '../args.ts';
import type { Command } from '../command.ts';
import { openMigrated } from '../open.ts';
import { formatTable } from '../table.ts';

export const DEFAULT_LABORERS = 3000;
export const DEFAULT_SEED = 2026;

export function summaryTable(s: SeedSummary): string {
  const rows = s.counties.map((c) => [`${c.name}（${c.code}）`, c.villages, c.households, c.persons, c.laborers, c.employed]);
  rows.push(['合计', s.villages.length, s.households, s.persons, s.laborers, s.employed]);
  return [
    formatTable(['旗县', '>村', '>户', '>人', '>劳动力', '>已就业'], rows),
    `就业经历 ${s.spells.toLocaleString('en-US')} 条，疑似重复人员 ${s.duplicates} 对（待复核）；用时 ${s.seconds.toFixed(1)} 秒`,
  ].join('\n');
}

/**
 * Makes the demo cycles: the designated-county lists first (the decisions read them), then the
 * Huize claims, fairs and export batches and the Hunan 岗位补贴 round; answers a summary line
 * for each part made.
 */
export async function seedDemoCycle(database: Database, today: string): Promise<string[]> {
  const listed = await seedDemoDesignations(database);
  const claims = await seedDemoClaims(database, today);
  const fairs = await seedDemoFairs(database, today);
  const posts = await seedDemoPostSubsidy(database);
  return [
    ...(listed.length ? [`演示区划认定：${listed.join('、')}，试算和申领时自动读取`] : []),
    ...(claims ? [demoClaimsLine(claims)] : []),
    ...(fairs ? [demoFairsLine(fairs)] : []),
    ...(posts ? [demoPostSubsidyLine(posts)] : []),
  ];
}

function demoPostSubsidyLine(p: DemoPostSubsidySummary): string {
  return `演示岗位补贴（花垣县，账号 huayuan）：企业吸纳脱贫户劳动力 ${p.hires} 人，2019 年度 ${p.paid} 人已公示并拨付 ${formatFen(p.paidFen)} 元（贫困县企业吸纳本县劳动力，每人 ${formatFen(p.paid ? p.paidFen / p.paid : 0)} 元），2020 年度 ${p.submitted} 条待审核`;
}

function demoClaimsLine(c: DemoClaimsSummary): string {
  return `演示补贴申领（会泽县交通补助，账号 huize）：${c.claims} 条，其中已拨付 ${c.paid} 条、银行退回待重新拨付 1 条、公示中 ${c.publicized} 条，其余待审核或退回修改`;
}

function demoFairsLine(f: DemoFairsSummary): string {
  return `演示招聘会和劳务输出（会泽县，账号 huize）：招聘会 ${f.fairs} 场（今年已举办 1 场，邀请 ${f.invited} 人、到场 ${f.attended} 人、现场录用 ${f.hired} 人；筹备中 1 场，已邀请 ${f.plannedInvited} 人），有组织劳务输出 ${f.batches} 批（${f.exportedOn} 赴${f.exportedTo} ${f.exported} 人，在输出补贴政策有效期内，可测算补贴；待出发 ${f.nextBatch} 人）`;
}

export function accountsTable(
  users:
    | readonly SavedUser[]
    | readonly {
        username: string;
        role: string;
        region_code: string;
        region_name: string | null;
        display_name: string;
        can_view_full_id: boolean;
      }[],
): string {
  const rows = users.map((u) =>
    'regionCode' in u
      ? [u.username, ROLE_NAMES[u.role], `${u.regionName}（${u.regionCode}）`, u.displayName, u.canViewFullId ? '是' : '否']
      : [
          u.username,
          ROLE_NAMES[u.role as keyof typeof ROLE_NAMES] ?? u.role,
          `${u.region_name ?? ''}（${u.region_code}）`,
          u.display_name,
          u.can_view_full_id ? '是' : '否',
        ],
  );
  return formatTable(['用户名', '角色', '管辖区划', '名称', '看完整身份证号'], rows);
}

const USAGE = `bangfu seed [--area ${Object.keys(AREA_PRESETS).join('|')}|区划代码,...] [--laborers N] [--seed S] [--today YYYY-MM-DD] [--append] [--no-users]`;

export const seed: Command = {
  path: ['seed'],
  usage: 'bangfu seed [--area nm|huize|CODE] [--laborers N]',
  summary: '生成演示数据（真实区划的脱贫户、劳动力、就业经历）和演示账号',
  run: (args, config) =>
    withUsage(async () => {
      const { values } = parseCommandArgs(
        args,
        {
          area: { type: 'string', default: DEFAULT_AREA },
          laborers: { type: 'string', default: String(DEFAULT_LABORERS) },
          seed: { type: 'string', default: String(DEFAULT_SEED) },
          today: { type: 'string' },
          append: { type: 'boolean', default: false },
          'no-users': { type: 'boolean', default: false },
        },
        USAGE,
      );
      const areas = parseAreas(values.area);
      if (!areas.ok) {
        console.error(`${areas.message}\n用法: ${USAGE}`);
        return 2;
      }
      const laborers = Number(values.laborers);
      const seedNumber = Number(values.seed);
      if (!Number.isInteger(laborers) || laborers < 1 || laborers > 10_000_000) {
        console.error('--laborers 应为 1 到 10000000 之间的整数');
        return 2;
      }
      if (!Number.isInteger(seedNumber) || seedNumber < 0) {
        console.error('--seed 应为非负整数');
        return 2;
      }
      if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
        console.error('--today 应为 YYYY-MM-DD');
        return 2;
      }
      const database = await openMigrated(config);
      try {
        const preset = AREA_PRESETS[values.area.toLowerCase()];
        console.log(
          `正在生成演示数据：${preset ? preset.label : areas.codes.join('、')}，劳动力 ${laborers.toLocaleString('en-US')} 人，随机种子 ${seedNumber}`,
        );
        let lastReport = performance.now();
        const summary = await seedPopulation(database, {
          areas: areas.codes,
          laborers,
          seed: seedNumber,
          ...(values.today ? { today: values.today } : {}),
          append: values.append,
          onProgress: (p) => {
            if (performance.now() - lastReport > 5000) {
              lastReport = performance.now();
              console.error(
                `  已写入 ${p.households.toLocaleString('en-US')} 户、${p.persons.toLocaleString('en-US')} 人（劳动力 ${p.laborers.toLocaleString('en-US')}）`,
              );
            }
          },
        });
        console.log(summaryTable(summary));
        if (!values['no-users']) {
          const users = await ensureDemoUsers(database, summary.villages);
          console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}，仅供演示，正式使用前请删除或改密）：`);
          console.log(accountsTable(users));
          const lines = await seedDemoCycle(database, values.today ?? todayInShanghai());
          if (lines.length) console.log(`\n${lines.join('\n')}`);
        }
        return 0;
      } finally {
        await database.close();
      }
    }),
};
