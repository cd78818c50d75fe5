// The in-memory register of each province that 政策找人 has run in, kept up to date from the
// register's change feed (migration 20261121180000_register_changes.sql). The first run in a
// province reads its persons and spells with two COPYs in one repeatable-read transaction;
// every run after that first reloads only the persons written since the snapshot last looked
// (by transaction id, so a change committed late is not passed over). Reads run as bangfu_app
// under the province's scope: row-level security holds the snapshot to the province, and a
// run under a county filters the province's snapshot by its prefix.
import { sql } from 'kysely';
import { copyTextValue, type Database, inScope, type Scoped } from '../../../db/connection.ts';
import type { RegisterSpell } from '../../../domain/rules/person-facts.ts';
import { RegisterStore, type StorePerson } from './register-store.ts';

const PERSONS = `SELECT p.id, p.village_code, p.sex, p.birth_date, p.work_capacity, p.student_status, p.disability,
    p.health, p.migrate_willing, h.type, h.relocated
  FROM persons p JOIN households h ON h.id = p.household_id
  WHERE p.merged_into IS NULL`;
const SPELLS = `SELECT person_id, start_date, end_date, channel, place_code, out_of_province, monthly_income_fen, insured,
    employer, coalesce(employer_id, 0)
  FROM employment_spells`;

export interface SnapshotOptions {
  /** Read the province anew when more persons than this share of it changed since the last look. */
  reloadShare?: number;
  /** Read the province anew when the last look is older than this (the feed keeps two days). */
  maxAgeMs?: number;
}

interface Entry {
  store: RegisterStore;
  /** Changes with a transaction id at or above this are not yet in the store. */
  xmin: string;
  syncedAt: number;
}

/** What the last call to `current` did, for the run's log and the benchmark. */
export interface SyncReport {
  province: string;
  kind: 'load' | 'catch-up';
  persons: number;
  changed: number;
  ms: number;
}

export class RegisterSnapshots {
  private readonly entries = new Map<string, Entry>();
  /** The load or catch-up in progress per province: one at a time. */
  private readonly queue = new Map<string, Promise<unknown>>();
  last: SyncReport | undefined;

  constructor(
    private readonly database: Database,
    private readonly opts: SnapshotOptions = {},
  ) {}

  /** The register of the province of `region`, up to date as of this call. */
  async current(region: string): Promise<RegisterStore> {
    const province = region.slice(0, 2);
    const next = (this.queue.get(province) ?? Promise.resolve()).catch(() => {}).then(() => this.sync(province));
    this.queue.set(province, next);
    return next;
  }

  /**
   * Forgets the provinces no run has used for `maxIdleMs` (a run uses its province's snapshot
   * when it starts): their memory goes back, and the next run there reads the province anew.
   * A load or catch-up in progress keeps its entry.
   */
  evictIdle(maxIdleMs: number): string[] {
    const evicted: string[] = [];
    for (const [province, entry] of this.entries) {
      if (Date.now() - entry.syncedAt > maxIdleMs) {
        this.entries.delete(province);
        evicted.push(province);
      }
    }
    return evicted;
  }

  private async sync(province: string): Promise<RegisterStore> {
    const started = performance.now();
    const entry = this.entries.get(province);
    const maxAge = this.opts.maxAgeMs ?? 36 * 3600_000;
    if (entry && Date.now() - entry.syncedAt < maxAge) {
      const changed = await this.catchUp(province, entry);
      if (changed !== undefined) {
        this.last = { province, kind: 'catch-up', persons: entry.store.size, changed, ms: performance.now() - started };
        return entry.store;
      }
    }
    const { store, xmin } = await loadProvince(this.database, province);
    this.entries.set(province, { store, xmin, syncedAt: Date.now() });
    this.last = { province, kind: 'load', persons: store.size, changed: store.size, ms: performance.now() - started };
    return store;
  }

  /** Reloads the persons changed since the last look; undefined when reading anew is cheaper. */
  private async catchUp(province: string, entry: Entry): Promise<number | undefined> {
    const share = this.opts.reloadShare ?? 0.2;
    const result = await inScope(this.database.kysely, province, async (trx) => {
      // The xmin first: every later statement here sees at least what this one saw.
      const xmin = await snapshotXmin(trx);
      const ids = (
        await sql<{ person_id: string }>`
          SELECT DISTINCT person_id FROM register_changes WHERE xid >= ${entry.xmin}::xid8`.execute(trx)
      ).rows.map((r) => Number(r.person_id));
      if (ids.length > Math.max(1000, entry.store.size * share)) return undefined;
      return { xmin, ids, persons: await personsById(trx, ids) };
    });
    if (result === undefined) return undefined;
    const found = new Set<number>();
    for (const { person, spells } of result.persons) {
      entry.store.put(person, spells);
      found.add(person.id);
    }
    // Not visible any more under the province: merged, moved away, deleted.
    for (const id of result.ids) if (!found.has(id)) entry.store.remove(id);
    entry.store.settle();
    entry.xmin = result.xmin;
    entry.syncedAt = Date.now();
    return result.ids.length;
  }
}

/**
 * Drops the feed's entries older than two days, now and every hour, while the server runs
 * (a snapshot older than that reads its province anew), and the snapshots idle for a day.
 * Returns the function that stops it.
 */
export function pruneChangeFeed(database: Database, log: (msg: string, err?: unknown) => void): () => void {
  const prune = () => {
    pruneChangeFeedOnce(database).catch((e) => log('清理登记册变更记录失败', e));
    // A province nobody ran 政策找人 in for a day gives its memory back.
    registerSnapshots(database).evictIdle(24 * 3600_000);
  };
  const timer = setInterval(prune, 3600_000);
  timer.unref();
  prune();
  return () => clearInterval(timer);
}

export async function pruneChangeFeedOnce(database: Database): Promise<void> {
  await sql`SELECT prune_register_changes()`.execute(database.kysely);
}

const byDatabase = new WeakMap<Database, RegisterSnapshots>();

/** The snapshots of one database, shared by every run of this process. */
export function registerSnapshots(database: Database): RegisterSnapshots {
  let s = byDatabase.get(database);
  if (!s) {
    s = new RegisterSnapshots(database);
    byDatabase.set(database, s);
  }
  return s;
}

async function snapshotXmin(trx: Scoped): Promise<string> {
  const row = (await sql<{ xmin: string }>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`.execute(trx)).rows[0];
  if (!row) throw new Error('无法读取数据库快照');
  return row.xmin;
}

/** Reads a whole province in one repeatable-read transaction: what it holds and the xmin it holds it as of. */
export async function loadProvince(database: Database, province: string): Promise<{ store: RegisterStore; xmin: string }> {
  return database.withSession(async (s) => {
    await s.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      await s.query('SET LOCAL ROLE bangfu_app');
      await s.query(`SELECT set_config('bangfu.scope', $1, true)`, [province]);
      const [row] = await s.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin');
      if (!row) throw new Error('无法读取数据库快照');
      const store = new RegisterStore();
      for await (const block of s.copyOut(`${PERSONS} ORDER BY p.id`)) eachLine(block, (f) => store.put(personOf(f), []));
      for await (const block of s.copyOut(SPELLS)) eachLine(block, (f) => store.addSpell(Number(f[0]), spellOf(f)));
      store.settle();
      await s.query('COMMIT');
      return { store, xmin: row.xmin };
    } catch (e) {
      await s.query('ROLLBACK').catch(() => {});
      throw e;
    }
  });
}

/** The persons of `ids` that the scope sees, with their spells. */
async function personsById(trx: Scoped, ids: readonly number[]) {
  const out: { person: StorePerson; spells: RegisterSpell[] }[] = [];
  for (let i = 0; i < ids.length; i += 10_000) {
    const slice = ids.slice(i, i + 10_000).map(String);
    const persons = await sql<Record<string, unknown>>`${sql.raw(PERSONS)} AND p.id = ANY(${slice}::bigint[])`.execute(trx);
    const spells = await sql<Record<string, unknown>>`${sql.raw(SPELLS)} WHERE person_id = ANY(${slice}::bigint[])`.execute(trx);
    const byPerson = new Map<number, RegisterSpell[]>();
    for (const r of spells.rows) {
      const spell = spellOf(Object.values(r).map(copyTextValue));
      const id = Number(r.person_id);
      const list = byPerson.get(id);
      if (list) list.push(spell);
      else byPerson.set(id, [spell]);
    }
    for (const r of persons.rows) {
      const person = personOf(Object.values(r).map(copyTextValue));
      out.push({ person, spells: byPerson.get(person.id) ?? [] });
    }
  }
  return out;
}

function nullable(f: string): string | null {
  return f === '\\N' ? null : f;
}

// COPY's text format escapes backslash, tab, newline and carriage return inside a value.
const ESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r' };
function copyTextUnescape(f: string): string {
  return f.includes('\\') && f !== '\\N' ? f.replace(/\\(.)/g, (_, c: string) => ESCAPES[c] ?? c) : f;
}

function eachLine(block: string, row: (fields: string[]) => void): void {
  let start = 0;
  for (let nl = block.indexOf('\n'); nl !== -1; nl = block.indexOf('\n', start)) {
    row(block.slice(start, nl).split('\t'));
    start = nl + 1;
  }
}

function personOf(f: readonly string[]): StorePerson {
  return {
    id: Number(f[0]),
    villageCode: f[1] as string,
    sex: f[2] === '女' ? '女' : '男',
    birthDate: f[3] as string,
    workCapacity: copyTextUnescape(f[4] as string),
    studentStatus: copyTextUnescape(f[5] as string),
    disability: nullable(copyTextUnescape(f[6] as string)),
    health: nullable(copyTextUnescape(f[7] as string)),
    migrateWilling: f[8] === 't',
    householdType: f[9] as string,
    relocated: f[10] === 't',
  };
}

function spellOf(f: readonly string[]): RegisterSpell {
  return {
    startDate: f[1] as string,
    endDate: nullable(f[2] as string),
    channel: f[3] as string,
    placeCode: nullable(f[4] as string),
    outOfProvince: f[5] === 't',
    monthlyIncomeFen: Number(f[6]),
    insured: f[7] === 't',
    employer: copyTextUnescape(f[8] as string),
    employerId: Number(f[9]),
  };
}
