// 政策找人 in the background: the run's rule over every person of the run's region on the
// register's facts on its date. Persons are read in id order, a chunk at a time, inside the
// run's region scope (row-level security holds the run to it); each chunk's list entries and
// the run's counts and cursor commit together, so a run stopped by a restart resumes after
// its last whole chunk and the page shows live progress.

import { type Insertable, sql } from 'kysely';
import { BackgroundRuns, RunInterrupted, THIS_WORKER } from '../../background/runs.ts';
import { type Database, inScope } from '../../db/connection.ts';
import type { FindResultsTable, FindRunStatus } from '../../db/schema-rules.ts';
import {
  type Catalog,
  type Decision,
  evaluateRule,
  type FactInput,
  findRule,
  type RegionalSetting,
  type Rule,
} from '../../domain/rules/index.ts';
import { personFacts } from '../../domain/rules/person-facts.ts';
import { catalog } from './catalog.ts';
import { type PersonFactsRow, personsBatch, personsWithLiveClaims, type SpellFactsRow } from './rules.repository.ts';
import { registerPerson, settingsFor } from './rules.service.ts';

export const FIND_CHUNK = 5000;

/** Who the rule's frequency limit counts against: the rules of its group, in its window. */
export function limitWindow(cat: Catalog, rule: Rule, date: string): { rules: string[]; year: number | null } {
  const rules = rule.limit ? cat.rules.filter((r) => r.limit?.group === rule.limit?.group).map((r) => r.id) : [rule.id];
  return { rules, year: rule.limit?.window === 'calendar_year' ? Number(date.slice(0, 4)) : null };
}

/** The rule's decision for a person on the register's facts, when it puts them on the list. */
export function qualifying(
  cat: Catalog,
  rule: Rule,
  settings: readonly RegionalSetting[],
  p: PersonFactsRow,
  spells: readonly SpellFactsRow[],
  date: string,
): Decision | undefined {
  const facts = personFacts(registerPerson(p, spells), date) as Record<string, FactInput>;
  const d = evaluateRule(
    cat,
    rule,
    { subject: { kind: 'person' }, region: p.village_code, date, facts },
    { settings, trace: false },
  );
  return d.status === 'eligible' || d.status === 'amount_not_set' ? d : undefined;
}

export async function runFind(
  database: Database,
  runId: string,
  o: { chunk?: number; signal?: AbortSignal } = {},
): Promise<FindRunStatus> {
  const db = database.kysely;
  const run = await db.selectFrom('find_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
  if (run.status === 'done' || run.status === 'failed') return run.status;
  const region = run.region_code;
  const date = run.case_date;
  try {
    const cat = await catalog();
    const rule = findRule(cat, run.rule_id);
    if (rule?.subject !== 'person') throw new Error(`规则 ${run.rule_id} 不存在或其对象不是劳动力个人`);
    const window = limitWindow(cat, rule, date);
    const { total, settings, claimed } = await inScope(db, region, async (trx) => ({
      total: Number(
        (
          await trx
            .selectFrom('persons')
            .select(sql<string>`count(*)`.as('n'))
            .where('village_code', 'like', `${region}%`)
            .where('merged_into', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
      settings: await settingsFor(trx, cat, [rule.id]),
      claimed: await personsWithLiveClaims(trx, window.rules, window.year, region),
    }));
    await db
      .updateTable('find_runs')
      .set({ status: 'running', worker: THIS_WORKER, total, started_at: run.started_at ?? new Date() })
      .where('id', '=', runId)
      .execute();
    let cursor = run.cursor_person;
    for (;;) {
      if (o.signal?.aborted) throw new RunInterrupted('政策找人已中断（服务停止），重新启动后从中断处继续');
      const more = await inScope(db, region, async (trx) => {
        const { persons, spells } = await personsBatch(trx, region, date, cursor, o.chunk ?? FIND_CHUNK);
        if (persons.length === 0) return false;
        const byPerson = new Map<string, SpellFactsRow[]>();
        for (const s of spells) {
          const list = byPerson.get(s.person_id);
          if (list) list.push(s);
          else byPerson.set(s.person_id, [s]);
        }
        const rows: Insertable<FindResultsTable>[] = [];
        let already = 0;
        let notSet = 0;
        let amount = 0;
        let max = 0;
        for (const p of persons) {
          const d = qualifying(cat, rule, settings, p, byPerson.get(p.id) ?? [], date);
          if (!d) continue;
          if (claimed.has(p.id)) {
            already++;
            continue;
          }
          if (d.status === 'amount_not_set') notSet++;
          amount += d.amountFen ?? 0;
          max += d.maxAmountFen ?? 0;
          rows.push({
            run_id: runId,
            person_id: p.id,
            region_code: p.village_code,
            status: d.status as 'eligible' | 'amount_not_set',
            amount_fen: d.amountFen,
            max_amount_fen: d.maxAmountFen,
            message: d.message,
          });
        }
        for (let i = 0; i < rows.length; i += 2000) {
          await trx
            .insertInto('find_results')
            .values(rows.slice(i, i + 2000))
            .onConflict((c) => c.doNothing())
            .execute();
        }
        cursor = (persons[persons.length - 1] as PersonFactsRow).id;
        await trx
          .updateTable('find_runs')
          .set({
            evaluated: sql`evaluated + ${persons.length}`,
            qualified: sql`qualified + ${rows.length}`,
            already_claimed: sql`already_claimed + ${already}`,
            amount_not_set: sql`amount_not_set + ${notSet}`,
            amount_fen: sql`amount_fen + ${amount}`,
            max_amount_fen: sql`max_amount_fen + ${max}`,
            cursor_person: cursor,
          } as never)
          .where('id', '=', runId)
          .execute();
        return true;
      });
      if (!more) break;
      await new Promise((r) => setImmediate(r)); // let requests in between chunks
    }
    const end = await db.selectFrom('find_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
    await db
      .updateTable('find_runs')
      .set({
        status: 'done',
        finished_at: new Date(),
        message:
          `评估 ${end.evaluated} 人：${end.qualified} 人符合「${rule.title}」条件且尚未申领` +
          (end.amount_not_set > 0 ? `（其中 ${end.amount_not_set} 人金额尚待设定标准）` : '') +
          `，${end.already_claimed} 人符合条件但已申领`,
      })
      .where('id', '=', runId)
      .execute();
    return 'done';
  } catch (e) {
    if (!(e instanceof RunInterrupted)) {
      await db
        .updateTable('find_runs')
        .set({ status: 'failed', finished_at: new Date(), message: `政策找人失败：${(e as Error).message}` })
        .where('id', '=', runId)
        .execute();
    }
    throw e;
  }
}

/** 政策找人 runs of this process, resumed after a restart. */
export class FindJobs extends BackgroundRuns {
  constructor(database: Database, log: (msg: string, err?: unknown) => void = () => {}) {
    super(
      (id, signal) => runFind(database, id, { signal }),
      () =>
        database.kysely.selectFrom('find_runs').select(['id', 'worker']).where('status', 'in', ['queued', 'running']).execute(),
      log,
      '政策找人',
    );
  }
}
