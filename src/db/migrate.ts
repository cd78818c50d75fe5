// Applies the plain-SQL migrations in src/db/migrations in name order, each in its own
// transaction, recording name and checksum. A changed, already-applied file is an error.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './connection.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const NAME = /^(\d{14})_[a-z0-9_]+\.sql$/;

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const m = NAME.exec(name);
      if (!m) throw new Error(`迁移文件名不合规范（应为 YYYYMMDDHHMMSS_verb_noun.sql）: ${name}`);
      const sql = readFileSync(join(dir, name), 'utf8');
      return { version: m[1] as string, name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Returns the names of the migrations it applied. */
export async function migrate(database: Database): Promise<string[]> {
  const files = listMigrations();
  return database.withSession(async (s) => {
    await s.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied: string[] = [];
    // Two processes starting at once on one server: the second waits, then finds nothing to do.
    if (database.kind === 'postgres') await s.query('SELECT pg_advisory_lock(7262001)');
    try {
      const done = new Map(
        (await s.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations')).map((r) => [
          r.version,
          r.checksum,
        ]),
      );
      for (const f of files) {
        const known = done.get(f.version);
        if (known !== undefined) {
          if (known !== f.checksum) throw new Error(`迁移 ${f.name} 已执行过，但文件内容被修改了`);
          continue;
        }
        await s.exec('BEGIN');
        try {
          await s.exec(f.sql);
          await s.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
            f.version,
            f.name,
            f.checksum,
          ]);
          await s.exec('COMMIT');
        } catch (e) {
          await s.exec('ROLLBACK');
          throw new Error(`迁移 ${f.name} 失败: ${(e as Error).message}`);
        }
        applied.push(f.name);
      }
    } finally {
      if (database.kind === 'postgres') await s.query('SELECT pg_advisory_unlock(7262001)');
    }
    return applied;
  });
}
