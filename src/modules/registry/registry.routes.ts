import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.ts';

export async function registryRoutes(_app: FastifyInstance, _ctx: AppContext) {}
