// One row of an import file: its cells mapped to the register's fields, validated with the
// same rules as the edit form, plus the checks only a file needs (the same ID number twice,
// one household described two ways). Pure: the region and database checks are passed in.
import { normalizeIdNumber } from '../idcard/gb11643.ts';
import { FIELD_LABELS, type PersonInput, type RawPerson, validatePerson } from '../registry/person-input.ts';
import { isEmptySpell, type RawSpell, type SpellInput, validateSpell } from '../registry/spell-input.ts';
import { restoreNeutralised } from './formula.ts';
import { COLUMN_BY_KEY, type ColumnKey, type HeaderMap, TEMPLATE_COLUMNS } from './template.ts';

/** Stable codes of row errors (import_errors.code); the reason text says the same in Chinese. */
export type RowErrorCode =
  | 'ROW_INVALID_VALUE'
  | 'ROW_NUMBER_AS_NUMERIC'
  | 'ROW_DUPLICATE_IN_FILE'
  | 'ROW_HOUSEHOLD_CONFLICT'
  | 'ROW_REGION_UNKNOWN'
  | 'ROW_REGION_OUT_OF_SCOPE'
  | 'ROW_ID_REGISTERED_ELSEWHERE'
  | 'ROW_HOUSEHOLD_ELSEWHERE'
  | 'ROW_EMPLOYER_UNKNOWN'
  | 'ROW_CONFLICT_CONCURRENT';

export interface RowProblem {
  code: RowErrorCode;
  /** The column header as the template names it. */
  column: string;
  value: string;
  reason: string;
}

/** A data row as a reader delivers it: cells in file order, all text. */
export interface SourceRow {
  /** 1-based, as the spreadsheet program shows it (the header row counts). */
  rowNumber: number;
  cells: string[];
  /** Indexes of cells that were stored as numbers too long to be exact (ID numbers typed into Excel). */
  inexact?: number[];
}

export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
}

export function mapRow(row: SourceRow, map: HeaderMap): { person: RawPerson; spell: RawSpell } {
  const person: RawPerson = {};
  const spell: RawSpell = {};
  for (const col of TEMPLATE_COLUMNS) {
    const i = map.index[col.key];
    if (i === undefined) continue;
    const v = row.cells[i];
    if (v === undefined || v === '') continue;
    const text = restoreNeutralised(v);
    if (col.group === 'person') person[col.key as keyof RawPerson] = text;
    else spell[col.key as keyof RawSpell] = text;
  }
  return { person, spell };
}

export interface ValidRow {
  rowNumber: number;
  person: PersonInput;
  spell: SpellInput | null;
  /** Hash of the person's own columns: a re-import of an identical row changes nothing. */
  rowHash: string;
}

export type CheckedRow = ({ ok: true } & ValidRow) | { ok: false; rowNumber: number; problems: RowProblem[] };

/** Says whether a village code may be imported by this importer; undefined when it may. */
export type VillageCheck = (
  code: string,
) => { code: 'ROW_REGION_UNKNOWN' | 'ROW_REGION_OUT_OF_SCOPE'; reason: string } | undefined;

interface HouseholdFacts {
  villageCode: string;
  householdType: string;
  monitoringCategory: string | null;
  relocated: boolean;
  relocationSite: string | null;
}

const HOUSEHOLD_FACTS = ['villageCode', 'householdType', 'monitoringCategory', 'relocated', 'relocationSite'] as const;

function show(v: string | boolean | null): string {
  if (v === null || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v;
}

/**
 * ID numbers already seen, in typed arrays (open addressing): 12 bytes a person and no
 * garbage, where a Map of strings would hold about 100 bytes a person for the collector.
 * An ID number is stored as two 32-bit numbers: its first 9 digits, and the next 8 digits
 * times 11 plus the check character (X = 10).
 */
class IdTable {
  #hi = new Uint32Array(1 << 16);
  #lo = new Uint32Array(1 << 16);
  #row = new Uint32Array(1 << 16);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** The row that first had this ID number; records `row` if none did. */
  claim(id: string, row: number): number | undefined {
    let hi = 0;
    for (let i = 0; i < 9; i++) hi = hi * 10 + (id.charCodeAt(i) - 48);
    let lo = 0;
    for (let i = 9; i < 17; i++) lo = lo * 10 + (id.charCodeAt(i) - 48);
    lo = lo * 11 + (id[17] === 'X' ? 10 : id.charCodeAt(17) - 48);
    const mask = this.#row.length - 1;
    let slot = (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;
    for (;;) {
      const r = this.#row[slot] as number;
      if (r === 0) break;
      if (this.#hi[slot] === hi && this.#lo[slot] === lo) return r - 1;
      slot = (slot + 1) & mask;
    }
    this.#hi[slot] = hi;
    this.#lo[slot] = lo;
    this.#row[slot] = row + 1;
    if (++this.#size * 2 > this.#row.length) this.#grow();
    return undefined;
  }

  #grow(): void {
    const [hi, lo, row] = [this.#hi, this.#lo, this.#row];
    const n = row.length * 2;
    this.#hi = new Uint32Array(n);
    this.#lo = new Uint32Array(n);
    this.#row = new Uint32Array(n);
    const mask = n - 1;
    for (let i = 0; i < row.length; i++) {
      if (row[i] === 0) continue;
      let slot = (Math.imul((hi[i] as number) ^ Math.imul(lo[i] as number, 0x9e3779b1), 0x85ebca6b) >>> 0) & mask;
      while (this.#row[slot] !== 0) slot = (slot + 1) & mask;
      this.#hi[slot] = hi[i] as number;
      this.#lo[slot] = lo[i] as number;
      this.#row[slot] = row[i] as number;
    }
  }
}

/**
 * The checks that span rows of one file. It remembers the first row of every ID number and
 * household (the household's columns are pooled: most households of a village share them),
 * so it grows with the number of people, about 60 bytes each, not with the cells.
 */
export class FileChecks {
  readonly #ids = new IdTable();
  /** household number -> (first row, index of its facts in #facts) */
  readonly #households = new Map<string, number>();
  readonly #firstRows: number[] = [];
  readonly #factIds: number[] = [];
  readonly #facts: HouseholdFacts[] = [];
  readonly #factIndex = new Map<string, number>();

  /** First row that carried this (normalised, well-formed) ID number, claiming it if new. */
  claimId(id: string, rowNumber: number): number | undefined {
    return this.#ids.claim(id, rowNumber);
  }

  #factsId(p: PersonInput): number {
    const key = `${p.villageCode}\u0001${p.householdType}\u0001${p.monitoringCategory ?? ''}\u0001${p.relocated ? 1 : 0}\u0001${p.relocationSite ?? ''}`;
    let id = this.#factIndex.get(key);
    if (id === undefined) {
      id = this.#facts.length;
      this.#facts.push({
        villageCode: p.villageCode,
        householdType: p.householdType,
        monitoringCategory: p.monitoringCategory,
        relocated: p.relocated,
        relocationSite: p.relocationSite,
      });
      this.#factIndex.set(key, id);
    }
    return id;
  }

  /** Compares a valid row's household columns with the household's first valid row. */
  checkHousehold(p: PersonInput, rowNumber: number): RowProblem[] {
    const factsId = this.#factsId(p);
    const index = this.#households.get(p.householdNumber);
    if (index === undefined) {
      this.#households.set(p.householdNumber, this.#firstRows.length);
      this.#firstRows.push(rowNumber);
      this.#factIds.push(factsId);
      return [];
    }
    if (this.#factIds[index] === factsId) return [];
    const first = this.#facts[this.#factIds[index] as number] as HouseholdFacts;
    const firstRow = this.#firstRows[index] as number;
    const out: RowProblem[] = [];
    for (const f of HOUSEHOLD_FACTS) {
      if (first[f] === p[f]) continue;
      out.push({
        code: 'ROW_HOUSEHOLD_CONFLICT',
        column: FIELD_LABELS[f],
        value: show(p[f]),
        reason: `户编号 ${p.householdNumber} 在第 ${firstRow} 行的${FIELD_LABELS[f]}为“${show(first[f])}”，与本行不一致（同一户各成员的户信息必须相同）`,
      });
    }
    return out;
  }

  get size(): { ids: number; households: number } {
    return { ids: this.#ids.size, households: this.#households.size };
  }
}

const PERSON_HASH_FIELDS = [
  'householdNumber',
  'villageCode',
  'relationship',
  'name',
  'idNumber',
  'sex',
  'birthDate',
  'ethnicity',
  'education',
  'workCapacity',
  'health',
  'disability',
  'studentStatus',
  'phone',
  'skills',
  'certificates',
  'migrateWilling',
  'preferredPlaces',
  'preferredWork',
  'serviceNeeds',
  'trainingNeeds',
] as const satisfies readonly (keyof PersonInput)[];

/**
 * A 64-bit hash (two 32-bit multiplicative lanes, as in cyrb53) of the person's columns. It
 * tells an unchanged row from a changed one for the same person, so a collision would need
 * two versions of one person's row to collide: about 1 in 10^19.
 */
export function personRowHash(p: PersonInput): string {
  let text = '';
  for (const f of PERSON_HASH_FIELDS) {
    const v = p[f];
    text += `${v === null ? '\u0018' : Array.isArray(v) ? v.join('\u001e') : typeof v === 'boolean' ? (v ? '1' : '0') : v}\u001f`;
  }
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

const INEXACT_REASON = '被Excel存成了数字，末几位已丢失；请将本列设为“文本”格式后重新填写';

/** Validates one row completely, except for the checks against the database. */
export function checkRow(row: SourceRow, map: HeaderMap, today: string, villages: VillageCheck, file: FileChecks): CheckedRow {
  const { person: rawPerson, spell: rawSpell } = mapRow(row, map);
  const problems: RowProblem[] = [];
  const inexactKeys = new Set<ColumnKey>();
  for (const i of row.inexact ?? []) {
    const key = (Object.keys(map.index) as ColumnKey[]).find((k) => map.index[k] === i);
    if (!key) continue;
    inexactKeys.add(key);
    const col = COLUMN_BY_KEY.get(key);
    problems.push({
      code: 'ROW_NUMBER_AS_NUMERIC',
      column: col?.label ?? key,
      value: row.cells[i] ?? '',
      reason: INEXACT_REASON,
    });
  }

  const p = validatePerson(rawPerson, today);
  if (!p.ok) {
    for (const x of p.problems) {
      if (!inexactKeys.has(x.field))
        problems.push({ code: 'ROW_INVALID_VALUE', column: x.label, value: x.value, reason: x.reason });
    }
  }
  let spell: SpellInput | null = null;
  if (!isEmptySpell(rawSpell)) {
    const s = validateSpell(rawSpell, today);
    if (s.ok) spell = s.value;
    else
      for (const x of s.problems) problems.push({ code: 'ROW_INVALID_VALUE', column: x.label, value: x.value, reason: x.reason });
  }

  const village = p.ok ? p.value.villageCode : (rawPerson.villageCode ?? '').trim();
  if (/^\d{12}$/.test(village)) {
    const bad = villages(village);
    if (bad) problems.push({ ...bad, column: FIELD_LABELS.villageCode, value: village });
  }

  // The first row with an ID number claims it, whatever else is wrong with that row.
  const idProblem = !p.ok && p.problems.some((x) => x.field === 'idNumber');
  if (!idProblem && !inexactKeys.has('idNumber') && rawPerson.idNumber) {
    const id = p.ok ? p.value.idNumber : normalizeIdNumber(rawPerson.idNumber);
    const first = file.claimId(id, row.rowNumber);
    if (first !== undefined) {
      problems.push({
        code: 'ROW_DUPLICATE_IN_FILE',
        column: FIELD_LABELS.idNumber,
        value: id,
        reason: `与第 ${first} 行的身份证号重复（同一人只能填写一行）`,
      });
    }
  }
  if (p.ok) problems.push(...file.checkHousehold(p.value, row.rowNumber));

  if (problems.length || !p.ok) return { ok: false, rowNumber: row.rowNumber, problems };
  return { ok: true, rowNumber: row.rowNumber, person: p.value, spell, rowHash: personRowHash(p.value) };
}

/** Several problems in one column become one, as import_errors keeps one row per column. */
export function mergeByColumn(problems: readonly RowProblem[]): RowProblem[] {
  const byColumn = new Map<string, RowProblem>();
  for (const x of problems) {
    const prior = byColumn.get(x.column);
    if (!prior) byColumn.set(x.column, { ...x });
    else if (!prior.reason.includes(x.reason)) prior.reason = `${prior.reason}；${x.reason}`;
  }
  return [...byColumn.values()];
}
