import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/connection.ts';
import { buildServer } from '../../http/server.ts';
import { runUsersAdd } from './users.ts';

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await db.close();
});

async function login(username: string, password: string) {
  const app = await buildServer({ config: loadConfig({ BANGFU_LOG_LEVEL: 'silent' }), database: db });
  try {
    return await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  } finally {
    await app.close();
  }
}

describe('bangfu users add', () => {
  it('creates a county officer who can log in with the given password and sees the county as scope', async () => {
    const code = await runUsersAdd(db, [
      'wangfang',
      '--role',
      'county',
      '--region',
      '530326',
      '--password',
      'Huize#2026',
      '--full-id',
    ]);
    expect(code).toBe(0);
    const res = await login('wangfang', 'Huize#2026');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      username: 'wangfang',
      role: 'county',
      regionCode: '530326',
      canViewFullId: true,
      displayName: '会泽县就业服务中心',
    });
    expect((await login('wangfang', 'wrong-password')).statusCode).toBe(401);
  });

  it('changes the password of an existing user when run again', async () => {
    await runUsersAdd(db, ['lishi', '--role', 'township', '--region', '150425100', '--password', 'First#2026']);
    await runUsersAdd(db, ['lishi', '--role', 'township', '--region', '150425100', '--password', 'Second#2026']);
    expect((await login('lishi', 'First#2026')).statusCode).toBe(401);
    expect((await login('lishi', 'Second#2026')).statusCode).toBe(200);
  });

  it('refuses a region code that does not fit the role, and a region that does not exist', async () => {
    await expect(
      runUsersAdd(db, ['zhao', '--role', 'village', '--region', '150425', '--password', 'Secret#2026']),
    ).rejects.toThrow(/12位区划代码/);
    await expect(
      runUsersAdd(db, ['zhao', '--role', 'county', '--region', '150499', '--password', 'Secret#2026']),
    ).rejects.toThrow(/不存在/);
    expect((await login('zhao', 'Secret#2026')).statusCode).toBe(401);
  });

  it('records the new account in the audit log', async () => {
    const rows = await db.kysely.selectFrom('audit_log').select(['action', 'region_code']).where('entity', '=', 'user').execute();
    expect(rows).toContainEqual({ action: 'user.create', region_code: '530326' });
  });
});
