// Facts a workshop rule can read from bangfu's records for 政策找人 over the 帮扶车间 of a region:
// the workshop's own record (recognised as a workshop or a base, where it is sited) and the
// register's laborers whose current employment is at that workshop (channel 帮扶车间, the
// employer named as the workshop is registered). What neither holds (contract lengths, the
// local minimum wage, the league's tier) stays missing, so the engine's screening answers
// "to verify" naming it instead of guessing.

import { currentSpell } from '../registry/derive.ts';
import type { EmploymentChannel } from '../registry/vocabulary.ts';
import { type RegisterPerson, type RegisterSpell, wholeMonths } from './person-facts.ts';
import type { FactInput } from './types.ts';

/** The workshop as the employers table records it. */
export interface WorkshopRecord {
  name: string;
  /** Recognised as a 帮扶车间. */
  isWorkshop: boolean;
  /** Recognised as a 就业帮扶基地. */
  isBase: boolean;
  /**
   * Sited in a township or village (乡镇和农村): true or false when its registered region says
   * so (a township or village code, not a 街道), undefined when it is registered at county level.
   */
  ruralSite: boolean | undefined;
}

/**
 * The facts a workshop case gets from bangfu's records: recognised (登记为帮扶车间或基地),
 * carrierKind, ruralSite (乡镇或村级区划，非街道), poorLaborers (台账中在该车间就业的脱贫户成员),
 * shortestWorkedMonths and lowestMonthlyWageFen (of those laborers).
 */
export type WorkshopFact =
  | 'recognised'
  | 'carrierKind'
  | 'ruralSite'
  | 'poorLaborers'
  | 'shortestWorkedMonths'
  | 'lowestMonthlyWageFen';

/** The register's laborers at one workshop on a date, gathered one person at a time. */
export class WorkshopTally {
  poorLaborers = 0;
  /** All laborers of the register employed there (poor or not). */
  laborers = 0;
  shortestWorkedMonths = Number.POSITIVE_INFINITY;
  lowestMonthlyWageFen = Number.POSITIVE_INFINITY;

  add(person: RegisterPerson, spell: RegisterSpell, date: string): void {
    this.laborers++;
    if (person.householdType !== '脱贫户') return;
    this.poorLaborers++;
    this.shortestWorkedMonths = Math.min(this.shortestWorkedMonths, wholeMonths(spell.startDate, date));
    this.lowestMonthlyWageFen = Math.min(this.lowestMonthlyWageFen, spell.monthlyIncomeFen);
  }
}

/**
 * The workshop a person works at on `date` (current spell at a 帮扶车间), if any: the registered
 * employer the spell is linked to (`employerId`, 0 when it is not) and the name it is written under.
 */
export function workshopOf(
  person: RegisterPerson,
  date: string,
): { employer: string; employerId: number; spell: RegisterSpell } | undefined {
  const spell = currentSpell(person.spells as readonly (RegisterSpell & { channel: EmploymentChannel })[], date);
  if (spell?.channel !== '帮扶车间') return undefined;
  const employer = spell.employer?.trim() ?? '';
  const employerId = spell.employerId ?? 0;
  return employer === '' && employerId === 0 ? undefined : { employer, employerId, spell };
}

/**
 * Which registered carrier a workshop spell counts for: the one it is linked to, else the one
 * registered under exactly its name, when exactly one is. A name two carriers share counts for
 * neither (it would count twice): the officer links the records by credit code.
 */
export class CarrierIndex {
  readonly #ids: Set<number>;
  readonly #byName = new Map<string, number | null>();

  constructor(carriers: readonly { id: number; name: string }[]) {
    this.#ids = new Set(carriers.map((c) => c.id));
    for (const c of carriers) {
      const name = c.name.trim();
      this.#byName.set(name, this.#byName.has(name) ? null : c.id);
    }
  }

  /** The carrier's id, or undefined when the spell names none of them unambiguously. */
  carrierOf(at: { employer: string; employerId: number }): number | undefined {
    if (at.employerId !== 0) return this.#ids.has(at.employerId) ? at.employerId : undefined;
    return this.#byName.get(at.employer) ?? undefined;
  }
}

/** The facts of a workshop case from its record and the register's laborers there. */
export function workshopFacts(w: WorkshopRecord, tally: WorkshopTally): Partial<Record<WorkshopFact, FactInput>> {
  const facts: Partial<Record<WorkshopFact, FactInput>> = {
    recognised: w.isWorkshop || w.isBase,
    carrierKind: w.isWorkshop ? '就业扶贫车间' : '就业扶贫基地',
    poorLaborers: tally.poorLaborers,
  };
  if (w.ruralSite !== undefined) facts.ruralSite = w.ruralSite;
  if (tally.poorLaborers > 0) {
    facts.shortestWorkedMonths = tally.shortestWorkedMonths;
    facts.lowestMonthlyWageFen = tally.lowestMonthlyWageFen;
  }
  return facts;
}

/** Whether a registered region puts a workshop in a township or village (乡镇和农村). */
export function ruralSiteOf(regionCode: string, townshipName: string | undefined): boolean | undefined {
  if (regionCode.length < 9 || townshipName === undefined) return undefined;
  return !townshipName.endsWith('街道');
}
