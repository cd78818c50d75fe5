// Builds one migrated database with the regions of Inner Mongolia (15), Hunan (43) and
// Yunnan (53) per test run; every test file then starts from a copy of it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/connection.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadProvinces } from '../src/modules/regions/region-loader.ts';
import { adminUrl, withDatabaseName } from './pg-url.ts';

export const TEST_PROVINCES = ['15', '43', '53'];

export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `bangfu_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const db = await openDatabase({ databaseUrl: withDatabaseName(url, template) });
    await migrate(db);
    await loadProvinces(db, TEST_PROVINCES);
    await db.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteTemplate', '');
    project.provide('runId', runId);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      const left = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'bangfu_t_${runId}%'`,
      );
      for (const r of left.rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    };
  }
  const db = await openDatabase({ dataDir: 'memory://' });
  await migrate(db);
  await loadProvinces(db, TEST_PROVINCES);
  const dump = await db.dumpDataDir?.();
  await db.close();
  if (!dump) throw new Error('PGlite dump failed');
  const dir = resolve('.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `test-template-${runId}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgTemplate', '');
  project.provide('pgliteTemplate', file);
  project.provide('runId', runId);
  return async () => {
    const { rmSync } = await import('node:fs');
    rmSync(file, { force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteTemplate: string;
    runId: string;
  }
}
