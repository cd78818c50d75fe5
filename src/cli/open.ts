// Opens and migrates the database the configuration names: the one way CLI commands get it.
import type { Config } from '../config.ts';
import { type Database, openDatabase } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';

export async function openMigrated(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  return database;
}

/** Runs `fn` with the migrated database and closes it afterwards, whatever happens. */
export async function withMigratedDatabase<T>(config: Config, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openMigrated(config);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}
