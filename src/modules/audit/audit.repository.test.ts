import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../db/connection.ts';
import { appendAudit, verifyAuditChain } from './audit.repository.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 5; i++) {
    await database.kysely.transaction().execute((trx) =>
      appendAudit(trx, {
        actorId: null,
        actorName: '测试',
        action: 'person.update',
        entity: 'person',
        entityId: String(i),
        regionCode: '150425100200',
        before: { education: '初中', skills: ['电焊'], n: i },
        after: { education: '高中', skills: ['电焊', '驾驶'], n: i + 1, when: new Date('2026-01-02T03:04:05.678Z') },
      }),
    );
  }
});
afterAll(() => database.close());

/** Tampering needs a superuser who switches the append-only trigger off first. */
async function tamper(statement: string) {
  await database.withSession(async (s) => {
    await s.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; ${statement}; ALTER TABLE audit_log ENABLE TRIGGER USER;`);
  });
}

describe('audit hash chain', () => {
  it('verifies an untouched log', async () => {
    expect(await verifyAuditChain(database.kysely)).toMatchObject({ ok: true, entries: 5 });
  });

  it('refuses edits and deletes even from the owner while the trigger is on', async () => {
    await expect(sql`UPDATE audit_log SET actor_name = 'x' WHERE seq = 2`.execute(database.kysely)).rejects.toThrow(/只能追加/);
    await expect(sql`DELETE FROM audit_log WHERE seq = 5`.execute(database.kysely)).rejects.toThrow(/只能追加/);
  });

  it('finds an edited entry', async () => {
    await tamper(`UPDATE audit_log SET after = jsonb_set(after, '{education}', '"大专"') WHERE seq = 3`);
    expect(await verifyAuditChain(database.kysely)).toMatchObject({ ok: false, firstBadSeq: '3', entries: 2 });
    await tamper(`UPDATE audit_log SET after = jsonb_set(after, '{education}', '"高中"') WHERE seq = 3`);
    expect((await verifyAuditChain(database.kysely)).ok).toBe(true);
  });

  it('finds a deleted entry in the middle and at the end', async () => {
    await tamper('DELETE FROM audit_log WHERE seq = 5');
    expect(await verifyAuditChain(database.kysely)).toMatchObject({ ok: false });
    await tamper('DELETE FROM audit_log WHERE seq = 2');
    expect(await verifyAuditChain(database.kysely)).toMatchObject({ ok: false, firstBadSeq: '3' });
  });
});
