// HTTP for matching runs, recommendations and their funnel, pushes, job fairs and organized export batches.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.ts';

export async function recommendationsRoutes(_app: FastifyInstance, _ctx: AppContext) {}
