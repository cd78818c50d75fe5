import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.ts';
import { errors } from '../../http/errors.ts';
import { type Actor, canDecideDuplicates, canWriteRegister, ROLE_NAMES } from './actor.ts';
import { actorForToken, csrfMatches, login, logout } from './auth.service.ts';

export const SESSION_COOKIE = 'bangfu_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

/** The signed-in actor, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Logging in (or asking for a login code) needs no CSRF token: there is no session to protect yet. */
const LOGIN_PATHS = ['/api/auth/login', '/api/me/login'];
/** A laborer's session is for 劳动者服务 (/api/me) only; every officer API refuses it outright. */
const LABORER_PATHS = ['/api/me/', '/api/auth/', '/api/health', '/api/openapi.json'];

/** Resolves the session cookie on every /api request and checks CSRF on writes. */
export function registerSessionHook(app: FastifyInstance, ctx: AppContext) {
  app.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await actorForToken(ctx.database.kysely, token);
    if (!found) return;
    if (!SAFE_METHODS.has(request.method) && !LOGIN_PATHS.some((p) => request.url.startsWith(p))) {
      if (!csrfMatches(found.csrfToken, request.headers['x-csrf-token'] as string | undefined)) throw errors.csrf();
    }
    if (
      found.actor.role === 'laborer' &&
      request.url.startsWith('/api/') &&
      !LABORER_PATHS.some((p) => request.url.startsWith(p))
    ) {
      throw errors.forbidden('劳动者账号只能使用劳动者服务（/me）');
    }
    request.actor = found.actor;
  });
}

export const MeSchema = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  roleName: Type.String(),
  regionCode: Type.String(),
  canViewFullId: Type.Boolean(),
  canWrite: Type.Boolean(),
  canDecideDuplicates: Type.Boolean(),
  csrfToken: Type.String(),
  /** Role employer only: the employer the account acts for. */
  employerId: Type.Optional(Type.String()),
  /** Role laborer only: the person of the register the account is. */
  personId: Type.Optional(Type.String()),
});

export function presentMe(actor: Actor, csrfToken: string) {
  return {
    username: actor.username,
    displayName: actor.displayName,
    role: actor.role,
    roleName: ROLE_NAMES[actor.role],
    regionCode: actor.scope,
    canViewFullId: actor.canViewFullId,
    canWrite: canWriteRegister(actor),
    canDecideDuplicates: canDecideDuplicates(actor),
    csrfToken,
    ...(actor.employerId ? { employerId: actor.employerId } : {}),
    ...(actor.personId ? { personId: actor.personId } : {}),
  };
}

/** Hands a new session to the browser: the one cookie every login (officer or laborer) sets. */
export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string) {
  return reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.cookieSecure,
    path: '/',
    maxAge: ctx.config.sessionHours * 3600,
  });
}

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: Type.Object({ username: Type.String({ minLength: 1 }), password: Type.String({ minLength: 1 }) }),
        response: { 200: MeSchema },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string };
      const r = await login(ctx.database.kysely, username, password, ctx.config.sessionHours);
      setSessionCookie(reply, ctx, r.token);
      return presentMe(r.actor, r.csrfToken);
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: '退出登录' } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(ctx.database.kysely, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: '当前用户', response: { 200: MeSchema } } }, async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const found = token ? await actorForToken(ctx.database.kysely, token) : undefined;
    if (!found) throw errors.unauthenticated();
    return presentMe(found.actor, found.csrfToken);
  });
}
