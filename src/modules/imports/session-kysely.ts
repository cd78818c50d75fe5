// A Kysely view of one raw session, so that code written for Kysely (appendAudit) can run
// inside a transaction that was opened on that session with BEGIN ... COMMIT by hand.
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { RawSession } from '../../db/connection.ts';
import type { DB } from '../../db/schema.ts';

class SessionConnection implements DatabaseConnection {
  constructor(private readonly session: RawSession) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    return { rows: (await this.session.query(q.sql, [...q.parameters])) as R[] };
  }
  // biome-ignore lint/correctness/useYield: not needed by the import
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on a raw session');
  }
}

class SessionDriver implements Driver {
  constructor(private readonly connection: SessionConnection) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return this.connection;
  }
  async beginTransaction(): Promise<void> {
    throw new Error('the session transaction is managed by its owner');
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

export function sessionKysely(session: RawSession): Kysely<DB> {
  const connection = new SessionConnection(session);
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new SessionDriver(connection),
      createQueryCompiler: () => new PostgresQueryCompiler(),
      createIntrospector: (db) => new PostgresIntrospector(db),
    },
  });
}
