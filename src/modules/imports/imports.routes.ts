import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.ts';

export async function importRoutes(_app: FastifyInstance, _ctx: AppContext) {}
