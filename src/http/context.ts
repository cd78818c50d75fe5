// What every route handler receives besides the request: the database and configuration.
import type { Config } from '../config.ts';
import type { Database } from '../db/connection.ts';

export interface AppContext {
  config: Config;
  database: Database;
}
