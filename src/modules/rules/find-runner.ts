// 政策找人 in the background: the run's rule over every person of the run's region on the
// register's facts on its date. The persons come from the province's register held in memory
// (snapshot/), brought up to date when the run starts, in person id order; each chunk's list
// entries and the run's counts and cursor commit together inside the run's region scope (row-
// level security holds the writes to it), so a run stopped by a restart resumes after its
// last whole chunk and the page shows live progress.

import { type Insertable, sql } from 'kysely';
import { BackgroundRuns, RunInterrupted, THIS_WORKER } from '../../background/runs.ts';
import { type Database, inScope } from '../../db/connection.ts';
import type { FindResultsTable, FindRunStatus } from '../../db/schema-rules.ts';
import { type Catalog, type Decision, evaluateRule, type FactInput, findRule, type Rule } from '../../domain/rules/index.ts';
import { personFacts, type RegisterPerson } from '../../domain/rules/person-facts.ts';
import { catalog } from './catalog.ts';
import { runEmployerFind } from './find-employers.ts';
import { limitWindow } from './find-window.ts';
import { runWorkshopFind } from './find-workshops.ts';
import { personsWithLiveClaims } from './rules.repository.ts';
import { type RegionalInputs, regionalInputs } from './rules.service.ts';
import { registerSnapshots } from './snapshot/register-snapshots.ts';

export const FIND_CHUNK = 5000;

/** The rule's decision for a person on the register's facts, when it puts them on the list. */
export function qualifying(
  cat: Catalog,
  rule: Rule,
  regional: RegionalInputs,
  person: RegisterPerson,
  village: string,
  date: string,
): Decision | undefined {
  const facts = personFacts(person, date) as Record<string, FactInput>;
  const d = evaluateRule(cat, rule, { subject: { kind: 'person' }, region: village, date, facts }, { ...regional, trace: false });
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
    const byUnit =
      rule?.subject === 'workshop' && run.subject === 'workshop'
        ? runWorkshopFind
        : rule?.subject === 'employer' && run.subject === 'employer'
          ? runEmployerFind
          : undefined;
    if (rule && byUnit) {
      const message = await byUnit(database, run, cat, rule);
      await db
        .updateTable('find_runs')
        .set({ status: 'done', finished_at: new Date(), message })
        .where('id', '=', runId)
        .execute();
      return 'done';
    }
    if (rule?.subject !== 'person') throw new Error(`规则 ${run.rule_id} 不存在或其对象不是劳动力个人`);
    const window = limitWindow(cat, rule, date);
    const register = await registerSnapshots(database).current(region);
    const inside = register.under(region);
    const { regional, claimed } = await inScope(db, region, async (trx) => ({
      regional: await regionalInputs(trx, cat, [rule.id]),
      claimed: await personsWithLiveClaims(trx, window.rules, window.year, region),
    }));
    await db
      .updateTable('find_runs')
      .set({
        status: 'running',
        worker: THIS_WORKER,
        total: register.countUnder(region),
        started_at: run.started_at ?? new Date(),
      })
      .where('id', '=', runId)
      .execute();
    const chunk = o.chunk ?? FIND_CHUNK;
    let after = Number(run.cursor_person);
    for (;;) {
      // Found again by person id each chunk: another run in the province may have brought the
      // register up to date while this one waited on the database, which can move slots.
      let slot = register.firstAfter(after);
      if (slot >= register.slots) break;
      if (o.signal?.aborted) throw new RunInterrupted('政策找人已中断（服务停止），重新启动后从中断处继续');
      const rows: Insertable<FindResultsTable>[] = [];
      let evaluated = 0;
      let already = 0;
      let notSet = 0;
      let amount = 0;
      let max = 0;
      let cursor = after;
      for (; slot < register.slots && evaluated < chunk; slot++) {
        cursor = register.idOf(slot);
        if (!inside(slot)) continue;
        evaluated++;
        const village = register.villageOf(slot);
        const d = qualifying(cat, rule, regional, register.person(slot), village, date);
        if (!d) continue;
        const personId = String(cursor);
        if (claimed.has(personId)) {
          already++;
          continue;
        }
        if (d.status === 'amount_not_set') notSet++;
        amount += d.amountFen ?? 0;
        max += d.maxAmountFen ?? 0;
        rows.push({
          run_id: runId,
          person_id: personId,
          region_code: village,
          status: d.status as 'eligible' | 'amount_not_set',
          amount_fen: d.amountFen,
          max_amount_fen: d.maxAmountFen,
          message: d.message,
        });
      }
      after = cursor;
      if (evaluated === 0) break;
      await inScope(db, region, async (trx) => {
        for (let i = 0; i < rows.length; i += 2000) {
          await trx
            .insertInto('find_results')
            .values(rows.slice(i, i + 2000))
            .onConflict((c) => c.doNothing())
            .execute();
        }
        await trx
          .updateTable('find_runs')
          .set({
            evaluated: sql`evaluated + ${evaluated}`,
            qualified: sql`qualified + ${rows.length}`,
            already_claimed: sql`already_claimed + ${already}`,
            amount_not_set: sql`amount_not_set + ${notSet}`,
            amount_fen: sql`amount_fen + ${amount}`,
            max_amount_fen: sql`max_amount_fen + ${max}`,
            cursor_person: String(cursor),
          } as never)
          .where('id', '=', runId)
          .execute();
      });
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
