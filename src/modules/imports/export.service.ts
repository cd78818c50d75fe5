// The register export: what the list screen shows for the same filters, in the import
// template's columns (so that an exported file can be corrected and imported again), ID
// numbers and phones masked for viewers without the right to see them, formula-looking
// text neutralised, and the export itself audited.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type Database, inScope } from '../../db/connection.ts';
import { TEMPLATE_COLUMNS } from '../../domain/import/template.ts';
import { formatFen } from '../../domain/money.ts';
import { currentSpell, todayInShanghai } from '../../domain/registry/derive.ts';
import type { EmploymentChannel } from '../../domain/registry/vocabulary.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { idFor, phoneFor } from '../registry/laborer.presenter.ts';
import type { LaborerFilters } from '../registry/laborer-filters.ts';
import { personToRaw, spellToRaw } from '../registry/person-mapping.ts';
import { resolveRegion } from '../registry/registry.service.ts';
import { currentSpellsOf, type ExportPerson, type ExportSpell, peopleOf, villagesWithPeople } from './export.repository.ts';
import { registerSheet } from './workbooks.ts';

/** Villages per query: a few thousand people, sorted like the list, in one short transaction. */
const VILLAGES_PER_BATCH = 20;

/** One row of the export in template order: the register's text fields, numbers masked by right. */
export function exportCells(actor: Actor, p: ExportPerson, s: ExportSpell | undefined): (string | number)[] {
  const household = {
    number: p.household_number,
    village_code: p.village_code,
    type: p.household_type,
    monitoring_category: p.monitoring_category,
    relocated: p.relocated,
    relocation_site: p.relocation_site,
  };
  const v: Record<string, string | number> = {
    ...personToRaw(p, household),
    idNumber: idFor(actor, p.id_number),
    phone: phoneFor(actor, p.phone),
  };
  // Income as a number cell, so that Excel can add it up.
  if (s) Object.assign(v, spellToRaw(s), { monthlyIncome: Number(formatFen(s.monthly_income_fen)) });
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
    const byPerson = new Map<string, ExportSpell[]>();
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
