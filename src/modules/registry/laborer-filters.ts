// The register's list filters, shared by the list screen and the Excel export so that
// an export is exactly what the screen shows.
import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface LaborerFilters {
  /** Region code prefix inside the actor's scope. */
  region?: string | undefined;
  status?: '已就业' | '未就业' | undefined;
  channel?: string | undefined;
  willing?: boolean | undefined;
  capacity?: string | undefined;
  /** "16-30": whole years of age on `today`, inclusive. */
  ageBand?: string | undefined;
  householdType?: string | undefined;
  /** Name, ID number (or its start), or pinyin initials. */
  q?: string | undefined;
}

type PersonQuery<O> = SelectQueryBuilder<DB, 'persons' | 'households', O>;

/** The latest-started spell of a person that is current on `today`. */
export function currentSpellExists(eb: ExpressionBuilder<DB, 'persons'>, today: string, channel?: string): Expression<SqlBool> {
  let sub = eb
    .selectFrom('employment_spells as cs')
    .select(sql`1`.as('one'))
    .whereRef('cs.person_id', '=', 'persons.id')
    .where('cs.start_date', '<=', today)
    .where((w) => w.or([w('cs.end_date', 'is', null), w('cs.end_date', '>=', today)]));
  if (channel) sub = sub.where('cs.channel', '=', channel);
  return eb.exists(sub);
}

/** Shifts a YYYY-MM-DD date by whole years (29 Feb -> 28 Feb when needed). */
export function minusYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

export function parseAgeBand(band: string): [number, number] | undefined {
  const m = /^(\d{1,3})-(\d{1,3})$/.exec(band);
  if (!m) return undefined;
  const [lo, hi] = [Number(m[1]), Number(m[2])];
  return lo <= hi ? [lo, hi] : undefined;
}

export function applyLaborerFilters<O>(q: PersonQuery<O>, f: LaborerFilters, today: string): PersonQuery<O> {
  let out = q.where('persons.merged_into', 'is', null);
  if (f.region) out = out.where('persons.village_code', 'like', `${f.region}%`);
  if (f.status === '已就业') out = out.where((eb) => currentSpellExists(eb, today));
  if (f.status === '未就业') out = out.where((eb) => eb.not(currentSpellExists(eb, today)));
  if (f.channel) out = out.where((eb) => currentSpellExists(eb, today, f.channel));
  if (f.willing !== undefined) out = out.where('persons.migrate_willing', '=', f.willing);
  if (f.capacity) out = out.where('persons.work_capacity', '=', f.capacity);
  if (f.householdType) out = out.where('households.type', '=', f.householdType as '脱贫户' | '监测对象');
  if (f.ageBand) {
    const band = parseAgeBand(f.ageBand);
    if (band) {
      // age >= lo  <=> born on or before today - lo years; age <= hi <=> born after today - (hi+1) years.
      out = out
        .where('persons.birth_date', '<=', minusYears(today, band[0]))
        .where('persons.birth_date', '>', minusYears(today, band[1] + 1));
    }
  }
  const text = f.q?.trim();
  if (text) {
    if (/^\d{4,17}[\dXx]?$/.test(text)) out = out.where('persons.id_number', 'like', `${text.toUpperCase()}%`);
    else if (/^[a-zA-Z]+$/.test(text)) out = out.where('persons.name_initials', 'like', `${text.toLowerCase()}%`);
    else out = out.where('persons.name', 'like', `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  }
  return out;
}
