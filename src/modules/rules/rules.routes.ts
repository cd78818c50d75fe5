// HTTP for the rules engine: catalogue, regional settings, evaluation, 政策找人.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.ts';

export async function rulesRoutes(_app: FastifyInstance, _ctx: AppContext) {}
