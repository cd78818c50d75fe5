import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app.ts';
import { buildUser, loginAs, PASSWORD } from '../../../test/factories.ts';
import type { Database } from '../../db/connection.ts';
import { MAX_FAILED_LOGINS } from './auth.service.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ app, database, close } = await createTestApp());
  await buildUser(database.kysely, { username: 'officer', role: 'county', region: '150425', displayName: '张科长' });
  await buildUser(database.kysely, { username: 'victim', role: 'village', region: '150425100200' });
});
afterAll(() => close());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('login and sessions', () => {
  it('logs in with an HttpOnly, SameSite=Strict cookie and returns the CSRF token', async () => {
    const res = await login('officer', PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: '张科长',
      role: 'county',
      roleName: '县级（旗县）',
      regionCode: '150425',
      canWrite: true,
    });
    const cookie = res.cookies.find((c) => c.name === 'bangfu_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // The database keeps only a hash of the session token.
    const stored = await database.kysely.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie?.value);
  });

  it('answers the same for an unknown user and a wrong password', async () => {
    const a = await login('nobody', 'x', '10.0.0.2');
    const b = await login('officer', 'wrong', '10.0.0.2');
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
    expect(a.json()).toEqual(b.json());
    expect(a.json()).toEqual({ code: 'AUTH_BAD_CREDENTIALS', message: '用户名或密码错误' });
  });

  it(`locks the account after ${MAX_FAILED_LOGINS} wrong passwords, even for the right one`, async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await login('victim', 'bad', `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await login('victim', 'bad', '10.1.0.9');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('AUTH_LOCKED');
    expect((await login('victim', PASSWORD, '10.1.0.10')).statusCode).toBe(423);
  });

  it('limits the rate of login attempts from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) codes.push((await login('nobody', 'x', '10.9.9.9')).statusCode);
    expect(codes.at(-1)).toBe(429);
    expect((await login('nobody', 'x', '10.9.9.9')).json()).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('logout ends the session', async () => {
    const headers = await loginAs(app, 'officer');
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(200);
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
  });
});

describe('API description', () => {
  it('serves OpenAPI with the register and auth endpoints', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/laborers', '/api/laborers/{id}']));
  });

  it('every unknown API path answers with a code and a Chinese message', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toHaveProperty('code');
  });
});

describe('malformed requests', () => {
  it('explain in Chinese which field is wrong', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'x' },
      remoteAddress: '10.7.7.7',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('REQUEST_INVALID');
    expect(body.details.problems[0].field).toBe('password');
    expect(body.message).toMatch(/password.*应当有必需属性|应当有必需属性.*password/);
  });
});
