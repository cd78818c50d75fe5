// An import whose process is killed half way: the real `bangfu import laborers` command runs
// as a child process on a database of its own, is killed with SIGKILL after a few chunks,
// and is run again. Nothing half-written may remain, and the end state must equal a clean run.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { VILLAGES } from '../../../test/factories.ts';
import { databaseForChild, importFile, tableCounts } from '../../../test/fixtures/imports.ts';
import { generateRows, type Row, writeCsv } from '../../../test/fixtures/laborers.ts';
import type { Database } from '../../db/connection.ts';

const ROWS = 6000;
const CHUNK = 500;
let dir: string;
let file: string;
let rows: Row[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bangfu-kill-'));
  file = join(dir, 'laborers.csv');
  // Every 97th row has a wrong check digit, so that failed rows are counted across the kill too.
  rows = [
    ...generateRows(ROWS, { villages: [VILLAGES.hedong, VILLAGES.henandian], householdPrefix: 'K', employedShare: 0.5 }),
  ].map((r, i) =>
    i % 97 === 50
      ? { ...r, 身份证号: `${(r.身份证号 as string).slice(0, 17)}${(r.身份证号 as string).endsWith('1') ? '2' : '1'}` }
      : r,
  );
  await writeCsv(file, rows);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCli(env: Record<string, string>, onLine: (line: string, child: ChildProcess) => void) {
  const childEnv: Record<string, string | undefined> = { ...process.env, BANGFU_LOG_LEVEL: 'silent', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(
    process.execPath,
    ['bin/bangfu.js', 'import', 'laborers', file, '--region', '150425', '--chunk', String(CHUNK)],
    {
      cwd: process.cwd(),
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
    onLine(line, child);
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { exit, lines, stderr: () => stderr };
}

const validIds = (upTo: number) =>
  new Set(
    rows
      .slice(0, upTo)
      .filter((_, i) => i % 97 !== 50)
      .map((r) => r.身份证号 as string),
  );

async function state(db: Database) {
  const imp = await db.kysely.selectFrom('imports').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  const persons = await db.kysely.selectFrom('persons').select('id_number').execute();
  const emptyHouseholds = await db.kysely
    .selectFrom('households as h')
    .select('h.number')
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('persons as p').select('p.id').whereRef('p.household_id', '=', 'h.id'))),
    )
    .execute();
  const errors = await db.kysely.selectFrom('import_errors').select('row_number').distinct().execute();
  return {
    imp,
    persons: persons.map((p) => p.id_number),
    emptyHouseholds,
    errorRows: errors.length,
    counts: await tableCounts(db),
  };
}

it('a killed import leaves whole chunks only, and running it again ends as a clean run does', async () => {
  const target = await databaseForChild(dir);
  try {
    // 1. Killed with SIGKILL right after its second chunk was committed.
    let killedAfter = 0;
    const first = runCli(target.env, (line, child) => {
      const m = /^已处理 (\d+) 行/.exec(line);
      if (m && Number(m[1]) >= 2 * CHUNK && !killedAfter) {
        killedAfter = Number(m[1]);
        child.kill('SIGKILL');
      }
    });
    const ended = await first.exit;
    expect(ended.signal, first.stderr()).toBe('SIGKILL');

    let db = await target.open();
    const half = await state(db);
    await db.close();
    const p = half.imp.processed_rows;
    expect(half.imp.status).toBe('running');
    expect(p % CHUNK).toBe(0);
    expect(p).toBeGreaterThanOrEqual(killedAfter);
    expect(p).toBeLessThan(ROWS);
    // Exactly the valid people of the committed rows, no household without its people, an error row per failed row.
    expect(new Set(half.persons)).toEqual(validIds(p));
    expect(half.emptyHouseholds).toEqual([]);
    expect(half.errorRows).toBe(half.imp.failed);
    expect(half.imp.inserted + half.imp.failed).toBe(p);

    // 2. Run again: it resumes after the last committed chunk and completes.
    const second = runCli(target.env, () => {});
    const done = await second.exit;
    expect(done.code, second.stderr()).toBe(0);
    expect(second.lines[0]).toMatch(new RegExp(`^继续导入 #${half.imp.id}（上次已处理 ${p} 行）$`));
    expect(second.lines.some((l) => l.startsWith(`导入 #${half.imp.id} 完成：共 ${ROWS} 行`))).toBe(true);

    db = await target.open();
    const end = await state(db);
    await db.close();

    // 3. The same as a clean run of the same file.
    const clean = await createTestDatabase();
    try {
      const r = await importFile(clean, file, { region: '150425', chunkRows: CHUNK });
      const cleanState = await state(clean);
      expect(end.counts).toEqual(cleanState.counts);
      expect(new Set(end.persons)).toEqual(new Set(cleanState.persons));
      expect(end.errorRows).toBe(cleanState.errorRows);
      const totals = (i: typeof r) => ({
        status: i.status,
        total_rows: i.total_rows,
        inserted: i.inserted,
        updated: i.updated,
        unchanged: i.unchanged,
        failed: i.failed,
      });
      expect(totals(end.imp)).toEqual(totals(r));
      expect(end.imp.stats).toEqual(r.stats);
      expect(end.emptyHouseholds).toEqual([]);
    } finally {
      await clean.close();
    }
  } finally {
    await target.drop();
  }
}, 300_000);
