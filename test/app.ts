// An HTTP application over a fresh test database.
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/connection.ts';
import { buildServer } from '../src/http/server.ts';
import { createTestDatabase } from './db.ts';

export async function createTestApp(): Promise<{ app: FastifyInstance; database: Database; close: () => Promise<void> }> {
  const database = await createTestDatabase();
  const config = { ...loadConfig({ BANGFU_LOG_LEVEL: 'silent', BANGFU_DATA_DIR: '.tmp/test-data' }) };
  const app = await buildServer({ config, database });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
