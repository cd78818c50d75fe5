// HTTP for the subsidy cycle: applications, review, publicity, payment batches, ledger.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../http/context.ts';

export async function claimsRoutes(_app: FastifyInstance, _ctx: AppContext) {}
