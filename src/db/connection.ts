// Opens the system of record: a real PostgreSQL server when DATABASE_URL is set, the
// embedded PGlite in a data folder otherwise. Both speak the same SQL.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { Mutex } from './mutex.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

const INT8 = 20;
const DATE = 1082;

/** One session for raw SQL: multi-statement scripts and COPY, which the query builder lacks. */
export interface RawSession {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters. */
  exec(script: string): Promise<void>;
  /** `COPY table (cols) FROM STDIN (FORMAT csv)` with the given CSV text. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  /**
   * `COPY (query) TO STDOUT` in PostgreSQL's text format, as UTF-8 text in blocks that end
   * on a line break. PostgreSQL streams it; PGlite hands it over in one block.
   */
  copyOut(query: string): AsyncIterable<string>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  kysely: Kysely<DB>;
  /** Runs `fn` with one dedicated session (a pool client, or PGlite under its lock). */
  withSession<T>(fn: (s: RawSession) => Promise<T>): Promise<T>;
  /** PGlite only: the data folder as a tarball, to start other instances from (tests). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10) : openPGlite(opts);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function copySql(table: string, columns: readonly string[], source: string): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source} WITH (FORMAT csv)`;
}

/** One value in COPY's text format: \N for null, t/f, backslash escapes. */
export function copyTextValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const text = v instanceof Date ? v.toISOString() : String(v);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] as string)
    : text;
}

/** Decodes a COPY stream into text blocks that end on a line break (a chunk may split a line or a character). */
async function* wholeLines(stream: AsyncIterable<Buffer>): AsyncIterable<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const text = rest + decoder.write(chunk);
    const end = text.lastIndexOf('\n') + 1;
    if (end > 0) yield text.slice(0, end);
    rest = text.slice(end);
  }
  rest += decoder.end();
  if (rest !== '') yield `${rest}\n`;
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === DATE || oid === INT8 ? (v: string) => v : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // A connection the server ends while it is idle or being closed (a restart, an
  // administrator, a dropped test database) emits 'error' with no query to fail; without a
  // listener Node would crash. The pool replaces it, and a query in flight still sees its error.
  const ignoreIdleError = () => {};
  pool.on('error', ignoreIdleError);
  pool.on('connect', (client) => client.on('error', ignoreIdleError));
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    kysely,
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          async query(text, params) {
            return (await client.query(text, params)).rows;
          },
          async exec(script) {
            await client.query(script);
          },
          async copyCsv(table, columns, csv) {
            const stream = client.query(copyFrom(copySql(table, columns, 'STDIN')));
            await pipeline(Readable.from([csv]), stream);
          },
          copyOut(query) {
            return wholeLines(client.query(copyTo(`COPY (${query}) TO STDOUT`)));
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await kysely.destroy();
    },
  };
}

async function openPGlite(opts: OpenOptions): Promise<Database> {
  let dataDir = opts.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    dataDir = join(dataDir, 'pglite');
  }
  const pgl = await PGlite.create({
    dataDir,
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    parsers: { [INT8]: (v: string) => v, [DATE]: (v: string) => v },
  });
  const mutex = new Mutex();
  const kysely = new Kysely<DB>({ dialect: new PGliteDialect(pgl, mutex) });
  return {
    kind: 'pglite',
    kysely,
    async withSession(fn) {
      const release = await mutex.acquire();
      try {
        return await fn({
          async query(text, params) {
            return (await pgl.query(text, params)).rows as never[];
          },
          async exec(script) {
            await pgl.exec(script);
          },
          async copyCsv(table, columns, csv) {
            await pgl.query(copySql(table, columns, "'/dev/blob'"), [], { blob: new Blob([csv]) });
          },
          async *copyOut(query) {
            // COPY TO '/dev/blob' is writing a server file to PostgreSQL, which bangfu_app may
            // not do; a plain query written out in COPY's text format gives the same lines.
            const { rows } = await pgl.query<unknown[]>(query, [], { rowMode: 'array' });
            let block = '';
            for (const row of rows) block += `${row.map(copyTextValue).join('\t')}\n`;
            yield block;
          },
        });
      } finally {
        release();
      }
    },
    async dumpDataDir() {
      const release = await mutex.acquire();
      try {
        return await pgl.dumpDataDir('none');
      } finally {
        release();
      }
    },
    async close() {
      await pgl.close();
    },
  };
}

export type Scoped = Transaction<DB>;

/**
 * Runs `fn` in a transaction as bangfu_app with the region scope set: PostgreSQL row-level
 * security then hides every row whose region code does not start with `scope`.
 */
export async function inScope<T>(kysely: Kysely<DB>, scope: string, fn: (trx: Scoped) => Promise<T>): Promise<T> {
  return kysely.transaction().execute(async (trx) => {
    await sql`SET LOCAL ROLE bangfu_app`.execute(trx);
    await setScope(trx, scope);
    return fn(trx);
  });
}

/**
 * Changes the region scope of a scoped transaction for the rest of it. Only for a service that
 * has checked who acts and on what, and must then act where the record belongs (a laborer's own
 * transport claim is written in its village's scope).
 */
export async function setScope(trx: Scoped, scope: string): Promise<void> {
  await sql`SELECT set_config('bangfu.scope', ${scope}, true)`.execute(trx);
}

/**
 * Inside a scoped transaction, runs `fn` under another scope and then sets `back` again. Only
 * for services that must read one thing a scope cannot see on its own (an employer's claim is
 * decided under its county's scope); if `fn` throws, the whole transaction rolls back anyway.
 */
export async function underScope<T>(trx: Scoped, scope: string, back: string, fn: () => Promise<T>): Promise<T> {
  await setScope(trx, scope);
  const result = await fn();
  await setScope(trx, back);
  return result;
}
