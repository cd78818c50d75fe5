// 政策找单位: 政策找人 over the employers of a region for an employer rule claimed per laborer
// (岗位补贴 POST-HN, 社会保险补贴 SI-HN / SI-YN). Every employer registered in the region, with each
// laborer of the register whose current employment is linked to it, is screened by the engine on
// what bangfu holds: a pair whose known conditions all pass is listed as eligible or "to verify"
// with the facts no record holds (the labor contract, the employer's own situation), unless a
// claim for that laborer is already live in the rule's window. Only linked employment counts: a
// name alone is no ground for paying an employer for a person. The employer's credit code says
// whether it is an enterprise (the higher post subsidy; a labor company is one). The laborers are
// those of the run's county, whom its officers may see; the list is written in one transaction (a
// county's employers hold thousands of the register's laborers, not millions).
import type { Insertable, Selectable } from 'kysely';
import { THIS_WORKER } from '../../background/runs.ts';
import { type Database, inScope } from '../../db/connection.ts';
import type { FindEmployerResultsTable, FindRunsTable } from '../../db/schema-rules.ts';
import { employerCodeFacts, employerLaborerFacts, linkedSpellOn } from '../../domain/rules/employer-facts.ts';
import { type Catalog, evaluateRule, type Rule } from '../../domain/rules/index.ts';
import { wholeMonths } from '../../domain/rules/person-facts.ts';
import { listedConclusion, unitRunCounts } from './find-unit-results.ts';
import { limitWindow } from './find-window.ts';
import { laborersRegion } from './find-workshops.ts';
import { employersUnder, laborerClaims } from './rules.repository.ts';
import { regionalInputs } from './rules.service.ts';
import { registerSnapshots } from './snapshot/register-snapshots.ts';

export async function runEmployerFind(
  database: Database,
  run: Selectable<FindRunsTable>,
  cat: Catalog,
  rule: Rule,
): Promise<string> {
  const db = database.kysely;
  const region = run.region_code;
  const date = run.case_date;
  const window = limitWindow(cat, rule, date);
  const { employers, regional } = await inScope(db, region, async (trx) => ({
    employers: await employersUnder(trx, region),
    regional: await regionalInputs(trx, cat, [rule.id]),
  }));
  const byId = new Map(employers.map((e) => [Number(e.id), e]));

  // Each laborer of the county at one of the region's employers on the run's date.
  const register = await registerSnapshots(database).current(region);
  const inside = register.under(laborersRegion(region));
  const pairs: { employerId: number; personId: string; village: string; facts: ReturnType<typeof employerLaborerFacts> }[] = [];
  const months = new Map<string, number>();
  const ids = new Set(byId.keys());
  for (let slot = 0; slot < register.slots; slot++) {
    if (!inside(slot)) continue;
    const person = register.person(slot);
    const spell = linkedSpellOn(person, ids, date);
    if (!spell) continue;
    const personId = String(register.idOf(slot));
    const village = register.villageOf(slot);
    pairs.push({ employerId: spell.employerId, personId, village, facts: employerLaborerFacts(person, spell, village, date) });
    months.set(personId, wholeMonths(spell.startDate, date));
  }
  await db
    .updateTable('find_runs')
    .set({ status: 'running', worker: THIS_WORKER, total: pairs.length, started_at: run.started_at ?? new Date() })
    .where('id', '=', run.id)
    .execute();

  // A claim for the laborer in the window keeps the pair off the list: by any employer where the
  // limit is per laborer ("每人每年"), else by this employer.
  const claims = await inScope(db, region, (trx) =>
    laborerClaims(
      trx,
      window.rules,
      window.year,
      pairs.map((p) => p.personId),
    ),
  );
  const claimants = new Map<string, string[]>();
  for (const c of claims) claimants.set(String(c.person_id), [...(claimants.get(String(c.person_id)) ?? []), c.subject_key]);
  const perLaborer = rule.limit?.per === 'laborer';
  const claimed = (employerCode: string, personId: string) => {
    const by = claimants.get(personId) ?? [];
    return perLaborer ? by.length > 0 : by.includes(employerCode);
  };

  const rows: Insertable<FindEmployerResultsTable>[] = [];
  let already = 0;
  for (const p of pairs) {
    const employer = byId.get(p.employerId);
    if (!employer) continue;
    const d = evaluateRule(
      cat,
      rule,
      {
        subject: { kind: 'employer', name: employer.name },
        region: employer.region_code,
        date,
        facts: { ...p.facts, ...employerCodeFacts(employer.credit_code) },
      },
      { ...regional, trace: false, screen: true },
    );
    const conclusion = listedConclusion(d, rule);
    if (!conclusion) continue;
    if (claimed(employer.credit_code, p.personId)) {
      already++;
      continue;
    }
    rows.push({
      run_id: run.id,
      employer_id: employer.id,
      person_id: p.personId,
      region_code: p.village,
      ...conclusion,
      months_in_post: months.get(p.personId) ?? 0,
    });
  }
  const counts = unitRunCounts(rows, pairs.length, already);
  const listedEmployers = new Set(rows.map((r) => r.employer_id)).size;
  await inScope(db, region, async (trx) => {
    if (rows.length > 0)
      await trx
        .insertInto('find_employer_results')
        .values(rows)
        .onConflict((c) => c.doNothing())
        .execute();
    await trx
      .updateTable('find_runs')
      .set({
        ...counts,
      })
      .where('id', '=', run.id)
      .execute();
  });
  const toVerify = counts.to_verify;
  const withLaborers = new Set(pairs.map((p) => p.employerId)).size;
  return (
    `评估辖区 ${employers.length} 个用人单位，其中 ${withLaborers} 个有台账在岗劳动力共 ${pairs.length} 名：` +
    `${listedEmployers} 个单位的 ${rows.length} 名劳动力符合或可能符合「${rule.title}」条件且尚未申领` +
    (toVerify > 0 ? `（其中 ${toVerify} 名已知条件均符合，待核实其余条件）` : '') +
    `，${already} 名已申领；只统计已关联用人单位（统一社会信用代码）的就业经历`
  );
}
