// Opens and migrates the database the configuration names: the one way CLI commands get it.
import type { Config } from '../config.ts';
import { type Database, openDatabase } from '../db/connection.ts';
import { migrate } from '../db/migrate.ts';

export async function openMigrated(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  return database;
}
