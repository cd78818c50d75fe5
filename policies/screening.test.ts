// 政策找人 over units (政策找车间, 政策找单位) screens each unit on the facts bangfu's records give and
// lists it "to verify" the rest. Screening stops at the first fact a case lacks, so a rule it runs
// must check every fact the records give before any they do not: otherwise a unit that fails a
// known condition read after an unknown one is listed as 待核实. For each such rule, each eligible
// case of its case file, and each record fact that can fail (a yes turned no, a count turned 0),
// the case without the facts no record holds must be refused, not left to verify.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { namesLaborer } from '../src/domain/claims/employer-claims.ts';
import { employerLaborerFacts } from '../src/domain/rules/employer-facts.ts';
import { type Case, evaluateRule, type FactInput, type Rule } from '../src/domain/rules/index.ts';
import type { RegisterPerson, RegisterSpell } from '../src/domain/rules/person-facts.ts';
import { WorkshopTally, workshopFacts } from '../src/domain/rules/workshop-facts.ts';
import { loadCatalog, POLICIES_DIR } from '../src/modules/rules/catalog.ts';

const catalog = await loadCatalog();

/** The facts a unit run fills from bangfu's records, by the kind of run. */
function recordFacts(rule: Rule): Set<string> {
  if (rule.subject === 'workshop') {
    const person = { householdType: '脱贫户' } as RegisterPerson;
    const spell = { startDate: '2018-01-01', monthlyIncomeFen: 150000 } as RegisterSpell;
    const tally = new WorkshopTally();
    tally.add(person, spell, '2019-06-30');
    return new Set(Object.keys(workshopFacts({ name: '', isWorkshop: true, isBase: false, ruralSite: true }, tally)));
  }
  const person: RegisterPerson = {
    sex: '男',
    birthDate: '1985-01-01',
    workCapacity: '普通劳动力',
    studentStatus: '非在校生',
    disability: null,
    health: null,
    migrateWilling: true,
    householdType: '脱贫户',
    relocated: false,
    spells: [],
  };
  const spell: RegisterSpell = {
    startDate: '2018-01-01',
    endDate: null,
    channel: '就地就近',
    placeCode: null,
    outOfProvince: false,
    monthlyIncomeFen: 150000,
    insured: true,
  };
  return new Set(Object.keys(employerLaborerFacts(person, spell, '530326001001', '2019-06-30')));
}

/** The value that makes a record fact fail its condition, where there is an obvious one. */
function failing(value: FactInput): FactInput | undefined {
  if (value === true) return false;
  if (typeof value === 'number' && value > 0) return 0;
  return undefined;
}

/** Record facts whose condition also needs a fact no record holds, so no record value fails it alone. */
const UNDECIDABLE: Record<string, string[]> = {
  // compared with the league's minimum wage (localMinimumWageFen), which the office states
  'WS-NM': ['lowestMonthlyWageFen'],
};

const screened = catalog.rules.filter((r) => r.subject === 'workshop' || (r.subject === 'employer' && namesLaborer(r)));

interface FileCase {
  name: string;
  region: string;
  date: string | Date;
  facts?: Record<string, FactInput>;
  expect: { status: string };
}

/** The eligible cases of every case file, by rule. */
const eligible = new Map<string, FileCase[]>();
for (const dir of readdirSync(POLICIES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const name of readdirSync(join(POLICIES_DIR, dir.name)).filter((f) => f.endsWith('.cases.yaml'))) {
    const spec = parse(readFileSync(join(POLICIES_DIR, dir.name, name), 'utf8')) as { rule: string; cases: FileCase[] };
    eligible.set(spec.rule, [...(eligible.get(spec.rule) ?? []), ...spec.cases.filter((c) => c.expect.status === 'eligible')]);
  }
}

describe.each(screened.map((r) => [r.id, r] as const))('%s is screened on its record facts first', (_id, rule) => {
  const known = recordFacts(rule);
  // The order of the checks is the same in every case: the first eligible one is enough.
  const cases = (eligible.get(rule.id) ?? []).slice(0, 1);

  it('has eligible cases to start from', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    const date = c.date instanceof Date ? c.date.toISOString().slice(0, 10) : c.date;
    const recorded = Object.fromEntries(Object.entries(c.facts ?? {}).filter(([k]) => known.has(k)));
    for (const [fact, value] of Object.entries(recorded)) {
      const bad = failing(value);
      if (bad === undefined || UNDECIDABLE[rule.id]?.includes(fact)) continue;
      it(`${c.name}: with ${fact} = ${String(bad)} and only the record facts, it is refused`, () => {
        const input: Case = {
          subject: { kind: rule.subject },
          region: c.region,
          date,
          facts: { ...recorded, [fact]: bad },
        };
        const d = evaluateRule(catalog, rule, input, { trace: false, screen: true });
        expect(d.status, d.message).toBe('not_eligible');
      });
    }
  }
});
