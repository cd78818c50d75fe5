// Counts for the workbench: one pass over the register of a region, in SQL.
import { sql } from 'kysely';
import type { Scoped } from '../../db/connection.ts';

export interface WorkbenchCounts {
  /** Everyone registered, household members of every age included. */
  persons: number;
  /** Of working age (NM-2018: men 16-60, women 16-55), able to work, not a student. */
  laborers: number;
  households: number;
  /** Laborers with a current employment spell today. */
  employed: number;
  migrateWilling: number;
  monitoringHouseholds: number;
  zeroEmploymentHouseholds: number;
}

/**
 * The laborer test in SQL, the same as isWorkingAge + hasWorkCapacity in
 * src/domain/registry/derive.ts (tested against each other in workbench.repository.test.ts).
 */
const IS_LABORER = (
  today: string,
) => sql<boolean>`(p.work_capacity NOT IN ('丧失劳动力', '无劳动力') AND p.student_status <> '在校生'
  AND p.birth_date <= (${today}::date - interval '16 years')
  AND p.birth_date > (${today}::date - (CASE WHEN p.sex = '男' THEN interval '61 years' ELSE interval '56 years' END)))`;

const IS_EMPLOYED = (today: string) => sql<boolean>`EXISTS (SELECT 1 FROM employment_spells s WHERE s.person_id = p.id
  AND s.start_date <= ${today}::date AND (s.end_date IS NULL OR s.end_date >= ${today}::date))`;

/** Counts for a region (code prefix) on a day, and the same split by the next level down. */
export async function workbenchCounts(trx: Scoped, region: string, today: string) {
  const prefix = `${region}%`;
  const counts = await sql<{
    persons: string;
    laborers: string;
    households: string;
    employed: string;
    migrate_willing: string;
    monitoring_households: string;
    zero_employment_households: string;
  }>`
    WITH p AS (
      SELECT p.id, p.household_id, p.migrate_willing, ${IS_EMPLOYED(today)} AS employed, ${IS_LABORER(today)} AS laborer
      FROM persons p
      WHERE p.village_code LIKE ${prefix} AND p.merged_into IS NULL
    ), h AS (
      SELECT household_id, bool_or(laborer) AS has_laborer, bool_or(laborer AND employed) AS any_employed
      FROM p GROUP BY household_id
    )
    SELECT (SELECT count(*) FROM p) AS persons,
           (SELECT count(*) FROM p WHERE laborer) AS laborers,
           (SELECT count(*) FROM h) AS households,
           (SELECT count(*) FROM p WHERE laborer AND employed) AS employed,
           (SELECT count(*) FROM p WHERE laborer AND migrate_willing) AS migrate_willing,
           (SELECT count(*) FROM households WHERE village_code LIKE ${prefix} AND type = '监测对象') AS monitoring_households,
           (SELECT count(*) FROM h WHERE has_laborer AND NOT any_employed) AS zero_employment_households`.execute(trx);
  const c = counts.rows[0];
  const byChannel = await sql<{ channel: string; count: string }>`
    SELECT cur.channel, count(*) AS count
    FROM (
      SELECT DISTINCT ON (s.person_id) s.person_id, s.channel
      FROM employment_spells s
      WHERE s.village_code LIKE ${prefix} AND s.start_date <= ${today}::date AND (s.end_date IS NULL OR s.end_date >= ${today}::date)
      ORDER BY s.person_id, s.start_date DESC
    ) cur
    JOIN persons p ON p.id = cur.person_id
    WHERE p.merged_into IS NULL AND ${IS_LABORER(today)}
    GROUP BY cur.channel ORDER BY count(*) DESC, cur.channel`.execute(trx);
  const childLen = ({ 2: 4, 4: 6, 6: 9, 9: 12 } as Record<number, number>)[region.length];
  const byChild = childLen
    ? (
        await sql<{ code: string; name: string | null; laborers: string; employed: string }>`
          SELECT substr(p.village_code, 1, ${childLen}) AS code, max(r.name) AS name,
                 count(*) FILTER (WHERE ${IS_LABORER(today)}) AS laborers,
                 count(*) FILTER (WHERE ${IS_LABORER(today)} AND ${IS_EMPLOYED(today)}) AS employed
          FROM persons p
          LEFT JOIN regions r ON r.code = substr(p.village_code, 1, ${childLen}) AND r.valid_to IS NULL
          WHERE p.village_code LIKE ${prefix} AND p.merged_into IS NULL
          GROUP BY 1 ORDER BY 1`.execute(trx)
      ).rows
    : [];
  return {
    counts: {
      persons: Number(c?.persons ?? 0),
      laborers: Number(c?.laborers ?? 0),
      households: Number(c?.households ?? 0),
      employed: Number(c?.employed ?? 0),
      migrateWilling: Number(c?.migrate_willing ?? 0),
      monitoringHouseholds: Number(c?.monitoring_households ?? 0),
      zeroEmploymentHouseholds: Number(c?.zero_employment_households ?? 0),
    } satisfies WorkbenchCounts,
    byChannel: byChannel.rows.map((r) => ({ channel: r.channel, count: Number(r.count) })),
    byChild: byChild.map((r) => ({
      code: r.code,
      name: r.name ?? r.code,
      laborers: Number(r.laborers),
      employed: Number(r.employed),
    })),
  };
}
