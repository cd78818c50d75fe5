// SQL of runs, recommendations, shortfalls and the funnel.
import { sql } from 'kysely';
import type { Scoped } from '../../db/connection.ts';
import type { RecommendationRow } from '../../db/schema-recommendations.ts';

export function insertRun(trx: Scoped, region: string, asOf: string, userId: string) {
  return trx
    .insertInto('matching_runs')
    .values({ region_code: region, as_of: asOf, created_by: userId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function getRun(trx: Scoped, id: string) {
  return trx.selectFrom('matching_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRuns(trx: Scoped, region: string, page: number, pageSize: number) {
  const q = trx.selectFrom('matching_runs').where('region_code', 'like', `${region}%`);
  const total = await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), items };
}

/** The latest finished run whose region covers `region` (or lies inside it). */
export function latestRunFor(trx: Scoped, region: string) {
  return trx
    .selectFrom('matching_runs')
    .selectAll()
    .where('status', '=', 'done')
    .where(sql<boolean>`(region_code LIKE ${`${region}%`} OR ${region} LIKE region_code || '%')`)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function shortfalls(trx: Scoped, runId: string, region: string, page: number, pageSize: number) {
  const q = trx
    .selectFrom('recommendation_shortfalls as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .where('s.run_id', '=', runId)
    .where('s.region_code', 'like', `${region}%`);
  const total = await q.select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .select([
      's.person_id',
      's.found',
      's.excluded',
      's.main_reason',
      'p.name',
      'p.id_number',
      'p.sex',
      'p.birth_date',
      'p.village_code',
      'p.work_capacity',
      'p.preferred_work',
      'p.preferred_places',
    ])
    .orderBy('s.region_code')
    .orderBy('s.person_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  // Which constraints keep laborers short, over the whole list: what kind of jobs to collect.
  const byReason = await sql<{ constraint: string; laborers: string }>`
    SELECT key AS constraint, count(*) AS laborers
      FROM recommendation_shortfalls s, jsonb_each(s.excluded)
     WHERE s.run_id = ${runId} AND s.region_code LIKE ${`${region}%`}
     GROUP BY key ORDER BY 2 DESC`.execute(trx);
  return { total: Number(total.n), items, byReason: byReason.rows };
}

export function recommendationsOf(trx: Scoped, personId: string) {
  return trx
    .selectFrom('recommendations')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('run_id', 'desc')
    .orderBy('rank')
    .execute();
}

export function recommendationsOfJob(trx: Scoped, jobId: string, limit: number) {
  return trx
    .selectFrom('recommendations')
    .selectAll()
    .where('job_id', '=', jobId)
    .orderBy('run_id', 'desc')
    .orderBy('score', 'desc')
    .limit(limit)
    .execute();
}

export function shortfallOf(trx: Scoped, runId: string, personId: string) {
  return trx
    .selectFrom('recommendation_shortfalls')
    .selectAll()
    .where('run_id', '=', runId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export function getRecommendation(trx: Scoped, id: string) {
  return trx.selectFrom('recommendations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function updateAtVersion(trx: Scoped, id: string, version: number, set: Record<string, unknown>) {
  return trx
    .updateTable('recommendations')
    .set({ ...set, version: sql`version + 1` } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function spellEnds(trx: Scoped, spellIds: readonly (string | null)[]): Promise<Map<string, string | null>> {
  const ids = spellIds.filter((x): x is string => x !== null);
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('employment_spells').select(['id', 'end_date']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.end_date]));
}

export function recommendationsForPush(
  trx: Scoped,
  o: { ids?: string[]; runId?: string; region: string },
): Promise<RecommendationRow[]> {
  let q = trx.selectFrom('recommendations').selectAll().where('region_code', 'like', `${o.region}%`);
  if (o.ids) q = q.where('id', 'in', o.ids.length ? o.ids : ['0']);
  if (o.runId) q = q.where('run_id', '=', o.runId).where('declined_at', 'is', null).where('hired_on', 'is', null);
  return q.orderBy('id').execute();
}

export function wechatOpenids(trx: Scoped, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return trx
    .selectFrom('wechat_bindings')
    .select(['person_id', 'openid'])
    .where('person_id', 'in', [...personIds])
    .execute();
}

export interface FunnelRow {
  code: string;
  name: string | null;
  laborers: string;
  recommended: string;
  pushed: string;
  seen: string;
  interested: string;
  applied: string;
  interviewed: string;
  hired: string;
  due3: string;
  stable3: string;
  due6: string;
  stable6: string;
}

/**
 * The funnel per child region of `region`: recommendations that reached each step (a later
 * step counts for the earlier ones), hires, and of the hires whose 3 / 6 months have passed
 * (due), those whose spell had not ended by then (stable).
 */
export async function funnel(trx: Scoped, region: string, childLen: number, today: string): Promise<FunnelRow[]> {
  const r = await sql<FunnelRow>`
    WITH rec AS (
      SELECT substr(r.region_code, 1, ${childLen}) AS code, r.person_id,
             CASE WHEN r.hired_on IS NOT NULL THEN 6 WHEN r.interviewed_at IS NOT NULL THEN 5
                  WHEN r.applied_at IS NOT NULL THEN 4 WHEN r.interested_at IS NOT NULL THEN 3
                  WHEN r.seen_at IS NOT NULL THEN 2 WHEN r.pushed_at IS NOT NULL THEN 1 ELSE 0 END AS step,
             r.hired_on, s.end_date
        FROM recommendations r
        LEFT JOIN employment_spells s ON s.id = r.spell_id
       WHERE r.region_code LIKE ${`${region}%`}
    )
    SELECT rec.code, g.name,
           count(DISTINCT person_id) AS laborers, count(*) AS recommended,
           count(*) FILTER (WHERE step >= 1) AS pushed, count(*) FILTER (WHERE step >= 2) AS seen,
           count(*) FILTER (WHERE step >= 3) AS interested, count(*) FILTER (WHERE step >= 4) AS applied,
           count(*) FILTER (WHERE step >= 5) AS interviewed, count(*) FILTER (WHERE step >= 6) AS hired,
           count(*) FILTER (WHERE hired_on IS NOT NULL AND (hired_on + interval '3 months')::date <= ${today}::date) AS due3,
           count(*) FILTER (WHERE hired_on IS NOT NULL AND (hired_on + interval '3 months')::date <= ${today}::date
                             AND (end_date IS NULL OR end_date >= (hired_on + interval '3 months')::date)) AS stable3,
           count(*) FILTER (WHERE hired_on IS NOT NULL AND (hired_on + interval '6 months')::date <= ${today}::date) AS due6,
           count(*) FILTER (WHERE hired_on IS NOT NULL AND (hired_on + interval '6 months')::date <= ${today}::date
                             AND (end_date IS NULL OR end_date >= (hired_on + interval '6 months')::date)) AS stable6
      FROM rec
      LEFT JOIN regions g ON g.code = rec.code AND g.valid_to IS NULL
     GROUP BY rec.code, g.name
     ORDER BY rec.code`.execute(trx);
  return r.rows;
}
