// Builds the HTTP application: plugins, error mapping, OpenAPI, every module's routes,
// and the built web app.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { authRoutes, registerSessionHook } from '../modules/auth/auth.routes.ts';
import { claimsRoutes } from '../modules/claims/claims.routes.ts';
import { employerClaimsRoutes } from '../modules/claims/employer-claims.routes.ts';
import { importRoutes } from '../modules/imports/imports.routes.ts';
import { jobsRoutes } from '../modules/jobs/jobs.routes.ts';
import { laborerRoutes } from '../modules/laborer/laborer.routes.ts';
import { recommendationsRoutes } from '../modules/recommendations/recommendations.routes.ts';
import { designationRoutes } from '../modules/regions/designations.routes.ts';
import { regionRoutes } from '../modules/regions/regions.routes.ts';
import { registryRoutes } from '../modules/registry/registry.routes.ts';
import { rulesRoutes } from '../modules/rules/rules.routes.ts';
import type { AppContext } from './context.ts';
import { AppError } from './errors.ts';

// ajv-i18n is CommonJS with a default export that TypeScript's ESM view cannot call.
const localizeZh: (errors: unknown[]) => void = createRequire(import.meta.url)('ajv-i18n/localize/zh');

const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

export async function buildServer(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: ctx.config.logLevel === 'silent' ? false : { level: ctx.config.logLevel },
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: true } },
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'bangfu 帮扶 API', version: '0.1.0', description: '就业帮扶平台接口：实名制台账、区划、导入导出' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bangfu_session' } } },
      security: [{ session: [] }],
    },
  });

  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      return reply
        .status(err.status)
        .send({ code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) });
    }
    const validation = (err as FastifyError).validation;
    if (validation) {
      // ajv's messages in Chinese; the field is the JSON path or the missing property.
      localizeZh(validation);
      const where = (err as FastifyError).validationContext;
      const problems = validation.map((v) => ({
        field: String((v.params as { missingProperty?: string }).missingProperty ?? v.instancePath.replace(/^\//, '')),
        message: v.message ?? '',
      }));
      const text = problems.map((p) => `${p.field ? `${p.field} ` : ''}${p.message}`).join('；');
      return reply
        .status(400)
        .send({ code: 'REQUEST_INVALID', message: `请求格式不正确（${where ?? 'request'}）：${text}`, details: { problems } });
    }
    if ((err as FastifyError).statusCode === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    if ((err as FastifyError).statusCode === 413 || (err as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({ code: 'FILE_TOO_LARGE', message: '文件过大' });
    }
    request.log.error(err);
    return reply.status(500).send({ code: 'INTERNAL', message: '服务器内部错误，请联系管理员' });
  });

  registerSessionHook(app, ctx);
  app.get('/api/health', { schema: { tags: ['system'], summary: '健康检查' } }, async () => ({
    ok: true,
    database: ctx.database.kind,
  }));
  await app.register(async (scope) => authRoutes(scope, ctx));
  await app.register(async (scope) => regionRoutes(scope, ctx));
  await app.register(async (scope) => designationRoutes(scope, ctx));
  await app.register(async (scope) => registryRoutes(scope, ctx));
  await app.register(async (scope) => importRoutes(scope, ctx));
  await app.register(async (scope) => rulesRoutes(scope, ctx));
  await app.register(async (scope) => claimsRoutes(scope, ctx));
  await app.register(async (scope) => employerClaimsRoutes(scope, ctx));
  await app.register(async (scope) => jobsRoutes(scope, ctx));
  await app.register(async (scope) => recommendationsRoutes(scope, ctx));
  await app.register(async (scope) => laborerRoutes(scope, ctx));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const hasWeb = existsSync(WEB_DIST);
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb) {
      return reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
    }
    // Client-side routes fall back to the app shell.
    return reply.sendFile('index.html');
  });
  return app;
}
