// 政策找人 over the 帮扶车间 of a region (workshop rules): every recognised workshop registered
// there (and 就业帮扶基地 where the rule admits them) with the register's laborers at it,
// screened by the engine on what bangfu holds. A workshop whose known conditions all pass is
// listed as eligible or "to verify" with the facts bangfu does not hold (contract lengths, the
// local minimum wage, the league's tier), unless it already holds a live claim in the rule's
// window. Workshops are few (hundreds in a county), so the list is written in one transaction.
import type { Insertable, Selectable } from 'kysely';
import { THIS_WORKER } from '../../background/runs.ts';
import { type Database, inScope } from '../../db/connection.ts';
import type { FindRunsTable, FindWorkshopResultsTable, UnmatchedWorkshop } from '../../db/schema-rules.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { type Catalog, evaluateRule, type FactInput, type Rule } from '../../domain/rules/index.ts';
import { CarrierIndex, ruralSiteOf, WorkshopTally, workshopFacts, workshopOf } from '../../domain/rules/workshop-facts.ts';
import { regionsRepository } from '../regions/index.ts';
import { listedConclusion, unitRunCounts } from './find-unit-results.ts';
import { limitWindow } from './find-window.ts';
import { carriersUnder, unitsWithLiveClaims } from './rules.repository.ts';
import { regionalInputs } from './rules.service.ts';
import { registerSnapshots } from './snapshot/register-snapshots.ts';

/** How many unmatched names a run keeps (the largest first). */
const UNMATCHED_SHOWN = 100;

/**
 * The laborers a unit run (workshops, employers) counts: those of the run's county (or the whole
 * region above one), who live around the units and whom the county's officers may see.
 */
export function laborersRegion(region: string): string {
  return region.length > 6 ? region.slice(0, 6) : region;
}

export async function runWorkshopFind(
  database: Database,
  run: Selectable<FindRunsTable>,
  cat: Catalog,
  rule: Rule,
): Promise<string> {
  const db = database.kysely;
  const region = run.region_code;
  const date = run.case_date;
  const window = limitWindow(cat, rule, date);
  // One read: every carrier registered in the county (their names decide which employment
  // records count nowhere), of which the run lists the rule's kinds registered in its region.
  const { workshops, carriers, regional, townships, claimed } = await inScope(db, region, async (trx) => {
    const carriers = await carriersUnder(trx, laborersRegion(region));
    const workshops = carriers.filter(
      (w) => w.region_code.startsWith(region) && (w.is_workshop || (rule.bases === true && w.is_base)),
    );
    return {
      workshops,
      carriers: new CarrierIndex(carriers.map((w) => ({ id: Number(w.id), name: w.name }))),
      regional: await regionalInputs(trx, cat, [rule.id]),
      // Current names: the division dataset starts in 2023, before most runs' dates.
      townships: await regionsRepository.namesOn(
        trx,
        workshops.filter((w) => w.region_code.length >= 9).map((w) => w.region_code.slice(0, 9)),
        todayInShanghai(),
      ),
      claimed: await unitsWithLiveClaims(
        trx,
        window.rules,
        window.year,
        workshops.map((w) => w.credit_code),
      ),
    };
  });
  await db
    .updateTable('find_runs')
    .set({ status: 'running', worker: THIS_WORKER, total: workshops.length, started_at: run.started_at ?? new Date() })
    .where('id', '=', run.id)
    .execute();

  // The register's laborers at each workshop, by the link their employment records hold or else
  // the name the workshop is registered under; and, for the officers to put right, the names the
  // region's laborers work at that count for no carrier registered in the county.
  const tallies = new Map(workshops.map((w) => [Number(w.id), new WorkshopTally()]));
  const unmatched = new Map<string, WorkshopTally>();
  const register = await registerSnapshots(database).current(region);
  const inside = register.under(laborersRegion(region));
  const inRun = register.under(region);
  for (let slot = 0; slot < register.slots; slot++) {
    if (!inside(slot)) continue;
    const person = register.person(slot);
    const at = workshopOf(person, date);
    if (!at) continue;
    const carrier = carriers.carrierOf(at);
    if (carrier !== undefined) tallies.get(carrier)?.add(person, at.spell, date);
    else if (inRun(slot)) {
      const t = unmatched.get(at.employer) ?? new WorkshopTally();
      unmatched.set(at.employer, t);
      t.add(person, at.spell, date);
    }
  }
  const unmatchedList: UnmatchedWorkshop[] = [...unmatched]
    .map(([name, t]) => ({ name, laborers: t.laborers, poorLaborers: t.poorLaborers }))
    .sort((a, b) => b.laborers - a.laborers || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, UNMATCHED_SHOWN);

  const rows: Insertable<FindWorkshopResultsTable>[] = [];
  let already = 0;
  for (const w of workshops) {
    const tally = tallies.get(Number(w.id)) ?? new WorkshopTally();
    const facts = workshopFacts(
      {
        name: w.name,
        isWorkshop: w.is_workshop,
        isBase: w.is_base,
        ruralSite: ruralSiteOf(w.region_code, townships.get(w.region_code.slice(0, 9))),
      },
      tally,
    ) as Record<string, FactInput>;
    const d = evaluateRule(
      cat,
      rule,
      { subject: { kind: 'workshop', name: w.name }, region: w.region_code, date, facts },
      { ...regional, trace: false, screen: true },
    );
    const conclusion = listedConclusion(d, rule);
    if (!conclusion) continue;
    if (claimed.has(w.credit_code)) {
      already++;
      continue;
    }
    rows.push({
      run_id: run.id,
      employer_id: w.id,
      region_code: w.region_code,
      ...conclusion,
      laborers: tally.laborers,
      poor_laborers: tally.poorLaborers,
    });
  }
  const counts = unitRunCounts(rows, workshops.length, already);
  await inScope(db, region, async (trx) => {
    if (rows.length > 0)
      await trx
        .insertInto('find_workshop_results')
        .values(rows)
        .onConflict((c) => c.doNothing())
        .execute();
    await trx
      .updateTable('find_runs')
      .set({
        ...counts,
        unmatched_workshops: JSON.stringify(unmatchedList),
      })
      .where('id', '=', run.id)
      .execute();
  });
  const toVerify = counts.to_verify;
  const unmatchedLaborers = [...unmatched.values()].reduce((n, t) => n + t.laborers, 0);
  return (
    `评估 ${workshops.length} 个帮扶车间：${rows.length} 个符合或可能符合「${rule.title}」条件且尚未申领` +
    (toVerify > 0 ? `（其中 ${toVerify} 个已知条件均符合，待核实其余条件）` : '') +
    `，${already} 个已申领` +
    (unmatched.size > 0
      ? `；另有 ${unmatchedLaborers} 名劳动力的就业记录写在 ${unmatched.size} 个对应不到已登记帮扶车间的单位名称下（未登记、未关联或重名），未计入任何车间`
      : '')
  );
}
