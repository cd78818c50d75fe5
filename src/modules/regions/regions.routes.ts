import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.ts';

export async function regionRoutes(_app: FastifyInstance, _ctx: AppContext) {}
