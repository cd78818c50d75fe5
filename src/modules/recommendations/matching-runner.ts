// A matching run in the background: every laborer of the run's region who wants to migrate
// gets the model's top jobs as recommendation records, or a shortfall record saying how many
// jobs each hard constraint ruled out. Laborers are read in chunks by id; each chunk's
// records and the run's progress (counts, cursor) commit together, so a run stopped by a
// restart resumes after the last whole chunk and the client shows live progress.
import { sql } from 'kysely';
import { BackgroundRuns, RunInterrupted, THIS_WORKER } from '../../background/runs.ts';
import type { Database } from '../../db/connection.ts';
import type { MatchingRunRow } from '../../db/schema-recommendations.ts';
import { type GeoLookup, JobIndex, type MatchContext, type MatchModel } from '../../domain/matching/index.ts';
import { countWilling, openJobs, pastSpells, RegionNames, toMatchJob, toMatchLaborer, willingAfter } from './matching-input.ts';

/** The model's numbers and the coordinates of regions, loaded once per process. */
export interface MatchingSetup {
  model: MatchModel;
  geo: GeoLookup;
}

/** A run counts a laborer as served when given at least this many jobs (seed 000 五: 至少3个). */
export const MIN_RECOMMENDATIONS = 3;
export const DEFAULT_CHUNK = 500;

export interface RunOptions {
  chunk?: number;
  signal?: AbortSignal;
}

export async function runMatching(
  database: Database,
  setup: MatchingSetup,
  runId: string,
  o: RunOptions = {},
): Promise<MatchingRunRow> {
  const db = database.kysely;
  const run = await db.selectFrom('matching_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
  if (run.status === 'done' || run.status === 'failed') return run;
  try {
    const total = await countWilling(db, run.region_code);
    await db
      .updateTable('matching_runs')
      .set({ status: 'running', worker: THIS_WORKER, total, started_at: run.started_at ?? new Date() })
      .where('id', '=', runId)
      .execute();
    const ctx: MatchContext = { model: setup.model, geo: setup.geo, date: run.as_of };
    const jobs = (await openJobs(db, run.as_of)).map(toMatchJob);
    const index = new JobIndex(jobs, ctx);
    const names = await RegionNames.load(db);
    const k = Math.max(setup.model.topK, MIN_RECOMMENDATIONS);
    let cursor = String(run.cursor_person);
    for (;;) {
      if (o.signal?.aborted) throw new RunInterrupted('匹配已中断（服务停止），重新启动后从中断处继续');
      const persons = await willingAfter(db, run.region_code, cursor, o.chunk ?? DEFAULT_CHUNK);
      if (persons.length === 0) break;
      const spells = await pastSpells(
        db,
        persons.map((p) => p.id),
      );
      const recs: {
        run_id: string;
        person_id: string;
        job_id: string;
        region_code: string;
        rank: number;
        score: number;
        reasons: string[];
      }[] = [];
      const shorts: {
        run_id: string;
        person_id: string;
        region_code: string;
        found: number;
        excluded: string;
        main_reason: string;
      }[] = [];
      let withThree = 0;
      for (const p of persons) {
        const l = toMatchLaborer(p, spells.get(p.id) ?? [], names);
        const top = index.recommend(l, k);
        for (const r of top) {
          recs.push({
            run_id: runId,
            person_id: p.id,
            job_id: r.jobId,
            region_code: p.village_code,
            rank: r.rank,
            score: Math.round(r.score * 100) / 100,
            reasons: r.reasons.map((x) => x.text),
          });
        }
        if (top.length >= MIN_RECOMMENDATIONS) withThree++;
        else {
          const s = index.shortfall(l, MIN_RECOMMENDATIONS);
          const excluded = Object.fromEntries(Object.entries(s.ruledOut).filter(([, n]) => n > 0));
          shorts.push({
            run_id: runId,
            person_id: p.id,
            region_code: p.village_code,
            found: top.length,
            excluded: JSON.stringify(excluded),
            main_reason: s.mainReasonText || (index.jobCount === 0 ? '没有开放的岗位' : '符合条件的岗位不足'),
          });
        }
      }
      cursor = (persons[persons.length - 1] as { id: string }).id;
      const done = persons.length;
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < recs.length; i += 2000) {
          await trx
            .insertInto('recommendations')
            .values(recs.slice(i, i + 2000))
            .onConflict((c) => c.doNothing())
            .execute();
        }
        for (let i = 0; i < shorts.length; i += 2000) {
          await trx
            .insertInto('recommendation_shortfalls')
            .values(shorts.slice(i, i + 2000))
            .onConflict((c) => c.doNothing())
            .execute();
        }
        await trx
          .updateTable('matching_runs')
          .set({
            processed: sql`processed + ${done}`,
            with_three: sql`with_three + ${withThree}`,
            fewer: sql`fewer + ${shorts.length}`,
            recommendations: sql`recommendations + ${recs.length}`,
            jobs_considered: index.jobCount,
            cursor_person: cursor,
          } as never)
          .where('id', '=', runId)
          .execute();
      });
      // Let requests in between chunks.
      await new Promise((r) => setImmediate(r));
    }
    const end = await db.selectFrom('matching_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
    return await db
      .updateTable('matching_runs')
      .set({
        status: 'done',
        finished_at: new Date(),
        message: `共 ${end.processed} 名有外出意愿的劳动力：${end.with_three} 人获得至少 ${MIN_RECOMMENDATIONS} 个推荐岗位，${end.fewer} 人不足 ${MIN_RECOMMENDATIONS} 个（见“推荐不足名单”）；参与匹配的开放岗位 ${index.jobCount} 个`,
      })
      .where('id', '=', runId)
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (e) {
    if (!(e instanceof RunInterrupted)) {
      await db
        .updateTable('matching_runs')
        .set({ status: 'failed', finished_at: new Date(), message: `匹配失败：${(e as Error).message}` })
        .where('id', '=', runId)
        .execute();
    }
    throw e;
  }
}

/** Matching runs of this process, resumed after a restart. */
export class MatchingJobs extends BackgroundRuns {
  constructor(database: Database, setup: () => Promise<MatchingSetup>, log: (msg: string, err?: unknown) => void = () => {}) {
    super(
      async (id, signal) => runMatching(database, await setup(), id, { signal }),
      () =>
        database.kysely
          .selectFrom('matching_runs')
          .select(['id', 'worker'])
          .where('status', 'in', ['queued', 'running'])
          .execute(),
      log,
      '匹配批次',
    );
  }
}
