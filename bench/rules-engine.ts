// The engine's side of the rules benchmark: every person of the in-memory register 政策找人
// uses (src/modules/rules/snapshot), the register's facts, and the rules evaluated with tracing
// off; counts and sums per rule, and the 帮扶车间 laborers gathered per workshop for WS-YN,
// which is decided once all persons are in.

import type { DesignationIndex } from '../src/domain/region/designation.ts';
import { currentSpell, isLaborer } from '../src/domain/registry/derive.ts';
import type { EmploymentChannel, WorkCapacity } from '../src/domain/registry/vocabulary.ts';
import { evaluateRule, type FactInput, type RegionalSetting, type Rule, valueOn } from '../src/domain/rules/index.ts';
import { personFacts, type RegisterPerson, type RegisterSpell } from '../src/domain/rules/person-facts.ts';
import type { RegisterStore } from '../src/modules/rules/snapshot/register-store.ts';

export const DATE = '2020-06-30';
export const HUIZE = '530326';
export const CONTRACT_CHANNELS = ['外出务工(有组织)', '外出务工(自主)', '帮扶车间', '就地就近'];
/** 云南 2018 minimum wage, lowest class (1350 yuan a month): the wage condition of WS-YN. */
export const MIN_WAGE_FEN = 135000;
export const RULES = ['TR-HZ', 'TR-YN', 'POST-HN', 'PWP-YN', 'WS-YN'] as const;
export type RuleId = (typeof RULES)[number];

/** The laborers on DATE with their current spell: the rows the SQL statement computes on. */
export function laborersQuery(): string {
  return `
  WITH cur AS (
    SELECT DISTINCT ON (person_id) person_id, channel, start_date, place_code, out_of_province, insured, employer, monthly_income_fen
    FROM employment_spells
    WHERE start_date <= DATE '${DATE}' AND (end_date IS NULL OR end_date >= DATE '${DATE}')
    ORDER BY person_id, start_date DESC
  )
  SELECT p.village_code, h.type AS household_type, h.relocated, p.sex, p.birth_date::text AS birth_date, p.work_capacity,
         p.student_status, p.disability, p.health, p.migrate_willing,
         c.channel, c.start_date::text AS start_date, c.place_code, c.out_of_province, c.insured,
         CASE WHEN c.channel = '帮扶车间' THEN c.employer END AS employer, c.monthly_income_fen
  FROM persons p
  JOIN households h ON h.id = p.household_id
  LEFT JOIN cur c ON c.person_id = p.id
  WHERE p.merged_into IS NULL AND p.work_capacity NOT IN ('丧失劳动力', '无劳动力') AND p.student_status <> '在校生'
    AND date_part('year', age(DATE '${DATE}', p.birth_date)) BETWEEN 16 AND CASE WHEN p.sex = '男' THEN 60 ELSE 55 END`;
}

/**
 * The designated-county lists of the run (区划认定): Yunnan's 深度贫困县 and Hunan's 贫困县, each
 * the province's counties whose code is even, from 2018-01-01. The engine reads them through the
 * index every evaluation gets (PWP-YN's 深度贫困县, POST-HN's 贫困地区); the SQL joins the tables.
 */
export const DESIGNATED = [
  { kind: 'deep_poverty_county', province: '53', title: '云南省深度贫困县名单（基准测试）' },
  { kind: 'poor_county', province: '43', title: '湖南省贫困县名单（基准测试）' },
] as const;
export const DESIGNATED_FROM = '2018-01-01';
export const isDesignatedCode = (county: string) => Number(county) % 2 === 0;

/** Huize reads 第16条 (county lines) for work elsewhere in Qujing: the regional setting of the run. */
export const SETTINGS: RegionalSetting[] = [
  { id: 'setting:1', rule: 'TR-HZ', parameter: 'distance_basis', region: HUIZE, from: '2018-01-01', to: null, value: 'county' },
];

export interface Totals {
  count: number;
  sumFen: number;
}
export type Result = Record<RuleId, Totals> & { laborers: number; workshops: number };

/** The 帮扶车间 laborers of one workshop (employer + village) who count for WS-YN. */
export interface Workshop {
  village: string;
  n: number;
  minMonths: number;
  minWage: number;
}

export function emptyResult(): Result {
  const r = { laborers: 0, workshops: 0 } as Result;
  for (const id of RULES) r[id] = { count: 0, sumFen: 0 };
  return r;
}

export function rulesOf(catalog: { rules: readonly Rule[] }): Record<RuleId, Rule> {
  return Object.fromEntries(
    RULES.map((id) => {
      const rule = catalog.rules.find((x) => x.id === id);
      if (!rule) throw new Error(`目录中没有规则 ${id}`);
      return [id, rule];
    }),
  ) as Record<RuleId, Rule>;
}

export function param(rule: Rule, name: string): number {
  const p = rule.parameters[name];
  const v = p ? valueOn(p.values, DATE) : undefined;
  if (typeof v?.value !== 'number') throw new Error(`${rule.id}.${name} 在 ${DATE} 没有数值`);
  return v.value;
}

type Decided = { status: string; amountFen: number | null; maxAmountFen: number | null };

/**
 * Evaluates the persons of the register one by one, as 政策找人 does, and keeps the totals and
 * the workshops seen. Only laborers count (working age, able, not students), as in the rows
 * the SQL statement computes on.
 */
export class LaborerEvaluator {
  readonly result = emptyResult();
  readonly workshops = new Map<string, Workshop>();
  private readonly catalog: { documents: []; rules: Rule[] };
  private readonly opts: { settings: readonly RegionalSetting[]; designations: DesignationIndex; trace: false };
  private readonly minWorked: number;

  constructor(
    private readonly rules: Record<RuleId, Rule>,
    designations: DesignationIndex,
  ) {
    this.catalog = { documents: [], rules: Object.values(rules) };
    this.opts = { settings: SETTINGS, designations, trace: false };
    this.minWorked = param(rules['WS-YN'], 'min_worked_months');
  }

  private add(id: RuleId, d: Decided): void {
    if (d.status !== 'eligible') return;
    const t = this.result[id];
    t.count++;
    t.sumFen += d.amountFen ?? d.maxAmountFen ?? 0;
  }

  /** Every person of an in-memory register (snapshot/register-store.ts). */
  store(store: RegisterStore): void {
    for (let slot = 0; slot < store.slots; slot++)
      if (store.isAlive(slot)) this.person(store.villageOf(slot), store.person(slot));
  }

  person(village: string, person: RegisterPerson): void {
    const { rules, catalog, opts } = this;
    if (!isLaborer(person as RegisterPerson & { workCapacity: WorkCapacity }, DATE)) return;
    const facts = personFacts(person, DATE) as Record<string, FactInput>;
    this.result.laborers++;
    const channel = (facts.channel as string | undefined) ?? null;
    const base = { subject: { kind: 'person' as const }, region: village, date: DATE };
    if (village.startsWith(HUIZE)) this.add('TR-HZ', evaluateRule(catalog, rules['TR-HZ'], { ...base, facts }, opts));
    if (village.startsWith('53')) {
      this.add('TR-YN', evaluateRule(catalog, rules['TR-YN'], { ...base, facts }, opts));
      if (facts.publicWelfarePost) {
        const age = facts.age as number;
        const group =
          age >= 50 ? '大龄劳动力' : facts.disabled ? '残疾人家庭劳动力' : facts.seriouslyIll ? '重病患者家庭劳动力' : '其他';
        // 深度贫困县 from the list (DESIGNATED), as in 政策找人 and 试算.
        const pwpFacts = {
          registeredPoor: facts.registeredPoor as boolean,
          cannotLeave: !person.migrateWilling,
          group,
          placedInPost: true,
          monthsInPost: Math.min(facts.monthsInPost as number, 12),
        };
        this.add('PWP-YN', evaluateRule(catalog, rules['PWP-YN'], { ...base, facts: pwpFacts }, opts));
      }
      if (channel === '帮扶车间') {
        const spells = person.spells as readonly (RegisterSpell & { channel: EmploymentChannel })[];
        const employer = currentSpell(spells, DATE)?.employer ?? '';
        const key = `${employer}\u0000${village}`;
        let w = this.workshops.get(key);
        if (!w) {
          w = { village, n: 0, minMonths: Number.MAX_SAFE_INTEGER, minWage: Number.MAX_SAFE_INTEGER };
          this.workshops.set(key, w);
        }
        const months = facts.stableMonths as number;
        if (facts.registeredPoor && months >= this.minWorked) {
          w.n++;
          w.minMonths = Math.min(w.minMonths, months);
          w.minWage = Math.min(w.minWage, facts.monthlyIncomeFen as number);
        }
      }
    } else if (village.startsWith('43') && facts.employed) {
      const postFacts = {
        registeredPoor: facts.registeredPoor as boolean,
        laborerHomeRegion: village,
        laborContract: CONTRACT_CHANNELS.includes(channel as string),
        monthsInPost: facts.monthsInPost as number,
        insured: facts.insured as boolean,
      };
      this.add(
        'POST-HN',
        evaluateRule(
          catalog,
          rules['POST-HN'],
          { subject: { kind: 'employer' }, region: village, date: DATE, facts: postFacts },
          opts,
        ),
      );
    }
  }
}

/** WS-YN once every laborer is in: one case per workshop. */
export function decideWorkshops(rules: Record<RuleId, Rule>, r: Result, workshops: Map<string, Workshop>): void {
  const catalog = { documents: [], rules: Object.values(rules) };
  for (const w of workshops.values()) {
    r.workshops++;
    const facts = {
      ruralSite: true,
      poorLaborers: w.n,
      shortestContractMonths: w.n > 0 ? w.minMonths : 0,
      shortestWorkedMonths: w.n > 0 ? w.minMonths : 0,
      wageAtLeastMinimum: w.n > 0 && w.minWage >= MIN_WAGE_FEN,
    };
    const d = evaluateRule(
      catalog,
      rules['WS-YN'],
      { subject: { kind: 'workshop' }, region: w.village, date: DATE, facts },
      { settings: SETTINGS, trace: false },
    );
    if (d.status === 'eligible') {
      r['WS-YN'].count++;
      r['WS-YN'].sumFen += d.amountFen ?? d.maxAmountFen ?? 0;
    }
  }
}
