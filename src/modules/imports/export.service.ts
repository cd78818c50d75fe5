// The register export: what the list screen shows for the same filters, in the import
// template's columns (so that an exported file can be corrected and imported again), ID
// numbers and phones masked for viewers without the right to see them, formula-looking
// text neutralised, and the export itself audited.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type Database, inScope } from '../../db/connection.ts';
import type { SpellRow } from '../../db/schema.ts';
import { TEMPLATE_COLUMNS } from '../../domain/import/template.ts';
import { formatFen } from '../../domain/money.ts';
import { currentSpell, todayInShanghai } from '../../domain/registry/derive.ts';
import type { EmploymentChannel } from '../../domain/registry/vocabulary.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { LaborerFilters } from '../registry/laborer-filters.ts';
import { idFor, phoneFor } from '../registry/laborer.presenter.ts';
import { resolveRegion } from '../registry/registry.service.ts';
import { currentSpellsOf, type ExportPerson, peopleOf, villagesWithPeople } from './export.repository.ts';
import { registerSheet } from './workbooks.ts';

/** Villages per query: a few thousand people, sorted like the list, in one short transaction. */
const VILLAGES_PER_BATCH = 20;

const yesNo = (b: boolean) => (b ? '是' : '否');
const list = (xs: readonly string[]) => xs.join('、');

function placeOf(s: SpellRow): string {
  if (s.out_of_province) return `省外:${s.place_name}`;
  return s.place_code ?? s.place_name;
}

export function exportCells(actor: Actor, p: ExportPerson, s: SpellRow | undefined): (string | number)[] {
  const v: Record<string, string | number> = {
    householdNumber: p.household_number,
    villageCode: p.village_code,
    householdType: p.household_type,
    monitoringCategory: p.monitoring_category ?? '',
    relocated: yesNo(p.relocated),
    relocationSite: p.relocation_site ?? '',
    relationship: p.relationship,
    name: p.name,
    idNumber: idFor(actor, p.id_number),
    sex: p.sex,
    birthDate: p.birth_date,
    ethnicity: p.ethnicity ?? '',
    education: p.education ?? '',
    workCapacity: p.work_capacity,
    health: p.health ?? '',
    disability: p.disability ?? '',
    studentStatus: p.student_status,
    phone: phoneFor(actor, p.phone),
    skills: list(p.skills),
    certificates: list(p.certificates),
    migrateWilling: yesNo(p.migrate_willing),
    preferredPlaces: list(p.preferred_places),
    preferredWork: list(p.preferred_work),
    serviceNeeds: list(p.service_needs),
    trainingNeeds: list(p.training_needs),
  };
  if (s) {
    Object.assign(v, {
      channel: s.channel,
      startDate: s.start_date,
      endDate: s.end_date ?? '',
      place: placeOf(s),
      employer: s.employer,
      monthlyIncome: Number(formatFen(s.monthly_income_fen)),
      insured: yesNo(s.insured),
    });
  }
  return TEMPLATE_COLUMNS.map((c) => v[c.key] ?? '');
}

/** Writes the export to `out`; returns the number of people written. */
export async function exportRegister(database: Database, actor: Actor, filters: LaborerFilters, out: Writable): Promise<number> {
  const today = todayInShanghai();
  const region = resolveRegion(actor, filters.region);
  const wanted = { ...filters, region };
  const villages = await inScope(database.kysely, actor.scope, (trx) => villagesWithPeople(trx, region));
  const sheet = registerSheet(out);
  let rows = 0;
  for (let i = 0; i < villages.length; i += VILLAGES_PER_BATCH) {
    const batch = villages.slice(i, i + VILLAGES_PER_BATCH);
    const { people, spells } = await inScope(database.kysely, actor.scope, async (trx) => {
      const people = await peopleOf(trx, batch, wanted, today);
      return {
        people,
        spells: await currentSpellsOf(
          trx,
          people.map((p) => p.id),
          today,
        ),
      };
    });
    const byPerson = new Map<string, SpellRow[]>();
    for (const s of spells) byPerson.set(s.person_id, [...(byPerson.get(s.person_id) ?? []), s]);
    for (const p of people) {
      const mine = (byPerson.get(p.id) ?? []).map((s) => ({
        ...s,
        startDate: s.start_date,
        endDate: s.end_date,
        channel: s.channel as EmploymentChannel,
      }));
      sheet.addRow(exportCells(actor, p, currentSpell(mine, today)));
    }
    rows += people.length;
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  await inScope(database.kysely, actor.scope, (trx) =>
    appendAudit(trx, {
      actorId: actor.userId,
      actorName: actor.displayName,
      action: 'register.export',
      entity: 'register',
      entityId: region,
      regionCode: region,
      after: { filters: wanted, rows, masked: !actor.canViewFullId },
    }),
  );
  await sheet.finish();
  return rows;
}
