// What an organized export batch earns under the policies (有组织劳务输出的补贴): each member's
// stay at the employer, read from the employment spell the departure wrote, becomes the facts
// of the export-service and job-seeking rules (months stable, place of work, organized export),
// and the engine decides them with the register's facts and live claims of each member, so
// officers see who is due what, under which article, and what is still missing. A cancelled
// batch exported nobody and is refused.

import type { Database } from '../../db/connection.ts';
import { inScope } from '../../db/connection.ts';
import { formatFen } from '../../domain/money.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { isIsoDate } from '../../domain/rules/facts.ts';
import { DECISION_STATUS_NAMES, type FactInput, inPeriod, outOfPeriodText, rulesTagged } from '../../domain/rules/index.ts';
import { wholeMonths } from '../../domain/rules/person-facts.ts';
import { errors } from '../../http/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { type CaseInput, type CaseResult, catalog, evaluate } from '../rules/index.ts';
import { exportRecord } from './fairs.service.ts';

export interface ExportSubsidyQuery {
  date?: string | undefined;
  /** The organizer is filed with (备案) or qualified by the human-resources office. */
  organizerFiled?: boolean | undefined;
}

export async function exportSubsidies(database: Database, actor: Actor, id: string, q: ExportSubsidyQuery) {
  if (actor.role === 'employer') throw errors.forbidden('用人单位账号不能查看劳务输出补贴');
  const date = q.date ?? todayInShanghai();
  const record = `劳务输出批次（ID ${id}）的补贴测算`;
  if (!isIsoDate(date) || date > todayInShanghai()) {
    throw errors.invalid(record, [{ field: 'date', label: '测算日期', message: '应为不晚于今天的有效日期', value: date }]);
  }
  const cat = await catalog();
  const { batch, members } = await inScope(database.kysely, actor.scope, async (trx) => {
    const b = await trx
      .selectFrom('export_batches')
      .select(['id', 'destination', 'destination_code', 'departure_date', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!b) throw errors.notFound(`劳务输出批次（ID ${id}）`);
    // A cancelled batch never left: nobody was exported by it, so it feeds no subsidy.
    if (b.status === 'cancelled') throw errors.conflict('EXPORT_CANCELLED', `${exportRecord(b)}已取消，不产生劳务输出补贴`);
    const m = await trx
      .selectFrom('export_batch_members as m')
      .innerJoin('persons as p', 'p.id', 'm.person_id')
      .leftJoin('employment_spells as s', 's.id', 'm.spell_id')
      .select(['m.person_id', 'p.name', 'p.village_code', 's.start_date', 's.end_date', 's.out_of_province', 's.place_code'])
      .where('m.batch_id', '=', id)
      .orderBy('m.person_id')
      .execute();
    return { batch: b, members: m };
  });

  // Rules paid for organized export are the ones whose policy file says `tags: [organized_export]`
  // (today the service subsidies EXP-YN, EXP-HZ, SVC-HN and the job-seeking subsidy JOBSEEK-NM);
  // each applies only where its document is in force, and takes the facts a batch gives.
  const rules = rulesTagged(cat, 'organized_export');
  const cases: CaseInput[] = [];
  const factsOf = new Map<string, Record<string, FactInput>>();
  for (const m of members) {
    const facts: Record<string, FactInput> = { organizedExport: true, homeRegion: m.village_code };
    if (q.organizerFiled !== undefined) {
      facts.organizerFiled = q.organizerFiled;
      facts.agencyQualified = q.organizerFiled;
    }
    const workRegion = m.out_of_province ? '省外' : (m.place_code ?? batch.destination_code ?? undefined);
    if (workRegion) facts.workRegion = workRegion;
    if (m.start_date !== null && m.start_date <= date) {
      const until = m.end_date !== null && m.end_date < date ? m.end_date : date;
      const months = wholeMonths(m.start_date, until);
      facts.employed = true;
      facts.stableMonths = months;
      facts.contractMonths = months;
    } else {
      facts.employed = false;
    }
    factsOf.set(m.person_id, facts);
    for (const r of rules) {
      if (!m.village_code.startsWith(r.region)) continue;
      cases.push({
        id: `${m.person_id}:${r.id}`,
        rule: r.id,
        personId: m.person_id,
        region: m.village_code,
        date,
        facts,
        subject: { kind: r.subject },
      });
    }
  }
  const results = cases.length > 0 ? ((await evaluate(database, actor, cases)) as CaseResult[]) : [];
  const byCase = new Map(results.map((r) => [r.caseId, r.decisions[0]]));

  const totals = new Map<string, { rule: string; title: string; eligible: number; amountFen: number }>();
  // Rules of one limit group pay for the same placement (EXP-HZ and EXP-YN in Huize): their
  // totals are alternatives, not amounts to add up.
  const sharing = (id: string) => {
    const group = rules.find((r) => r.id === id)?.limit?.group;
    return group ? [...totals.keys()].filter((o) => o !== id && rules.find((r) => r.id === o)?.limit?.group === group) : [];
  };
  const items = members.map((m) => ({
    personId: m.person_id,
    name: m.name,
    villageCode: m.village_code,
    departed: m.start_date,
    left: m.end_date,
    decisions: rules.flatMap((r) => {
      const d = byCase.get(`${m.person_id}:${r.id}`);
      if (d === undefined) return [];
      if (d.status === 'eligible') {
        const t = totals.get(r.id) ?? { rule: r.id, title: r.title, eligible: 0, amountFen: 0 };
        t.eligible++;
        t.amountFen += d.amountFen ?? d.maxAmountFen ?? 0;
        totals.set(r.id, t);
      }
      return [
        {
          rule: r.id,
          title: r.title,
          subject: r.subject,
          status: d.status,
          statusName: DECISION_STATUS_NAMES[d.status],
          amountFen: d.amountFen,
          maxAmountFen: d.maxAmountFen,
          message: d.message,
          missingFacts: d.missingFacts,
          citations: d.citations,
          facts: factsOf.get(m.person_id) ?? {},
        },
      ];
    }),
  }));
  // The rules of the members' places that are not in force on `date`, each said once with the
  // day its document expired (or began), so the card need not leave it to a tooltip per person.
  const outOfPeriod = rules
    .filter((r) => members.some((m) => m.village_code.startsWith(r.region)) && !inPeriod(date, r.from, r.to))
    .map((r) => ({ rule: r.id, title: r.title, from: r.from, to: r.to, message: outOfPeriodText(r, date) }));
  return {
    batchId: batch.id,
    destination: batch.destination,
    departureDate: batch.departure_date,
    date,
    organizerFiled: q.organizerFiled ?? null,
    totals: [...totals.values()].map((t) => ({ ...t, amountYuan: formatFen(t.amountFen), sharesLimitWith: sharing(t.rule) })),
    outOfPeriod,
    items,
  };
}
