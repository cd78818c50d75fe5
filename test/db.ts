// A fresh database for one test file: a copy of the run's migrated template, on PGlite
// by default or on the PostgreSQL server named by DATABASE_URL.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../src/db/connection.ts';
import { adminUrl, withDatabaseName } from './pg-url.ts';

export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template) {
    const name = `bangfu_t_${inject('runId')}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const db = await openDatabase({ databaseUrl: withDatabaseName(url, name), poolSize: 5 });
    const close = db.close.bind(db);
    db.close = async () => {
      await close();
      const a = new pg.Client({ connectionString: adminUrl(url) });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
    return db;
  }
  const file = inject('pgliteTemplate');
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([readFileSync(file)]) });
}
