// HTTP for employers, job posts, occupation codes.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.ts';

export async function jobsRoutes(_app: FastifyInstance, _ctx: AppContext) {}
