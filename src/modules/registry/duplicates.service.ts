// Review of likely duplicates: list within scope, merge (keep one, retire the other) or
// dismiss; every decision is audited.

import { type Database, inScope } from '../../db/connection.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { errors } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type Actor, auditActor, canDecideDuplicates } from '../auth/actor.ts';
import * as dup from './duplicates.repository.ts';
import { type ListRow, presentListItem } from './laborer.presenter.ts';
import { LIST_COLUMNS } from './registry.repository.ts';

export async function listDuplicates(database: Database, actor: Actor, status: 'open' | 'merged' | 'dismissed' = 'open') {
  const today = todayInShanghai();
  return inScope(database.kysely, actor.scope, async (trx) => {
    const cands = await dup.listCandidates(trx, status, 200);
    const ids = [...new Set(cands.flatMap((c) => [c.person_a, c.person_b]))];
    const people = ids.length
      ? await trx
          .selectFrom('persons')
          .innerJoin('households', 'households.id', 'persons.household_id')
          .leftJoin('regions as v', (j) => j.onRef('v.code', '=', 'persons.village_code').on('v.valid_to', 'is', null))
          .select([...LIST_COLUMNS, 'v.name as village_name'])
          .select((eb) => eb.val<string | null>(null).as('current_channel'))
          .where('persons.id', 'in', ids)
          .execute()
      : [];
    const byId = new Map(people.map((p) => [p.id, presentListItem(actor, p as ListRow, today)]));
    return cands
      .filter((c) => byId.has(c.person_a) && byId.has(c.person_b))
      .map((c) => ({
        id: c.id,
        reason: c.reason,
        status: c.status,
        note: c.note,
        a: byId.get(c.person_a),
        b: byId.get(c.person_b),
      }));
  });
}

/** Looks for new likely duplicates under the actor's region (a system scan, outside RLS). */
export async function scanForDuplicates(database: Database, actor: Actor) {
  if (!canDecideDuplicates(actor)) throw errors.forbidden('查找疑似重复记录（仅县级经办人员）');
  return { found: await dup.scanDuplicates(database.kysely, actor.scope) };
}

export async function decideDuplicate(
  database: Database,
  actor: Actor,
  candidateId: string,
  decision: { kind: 'merge'; keep: string; note: string } | { kind: 'dismiss'; note: string },
) {
  if (!canDecideDuplicates(actor)) throw errors.forbidden('处理疑似重复记录（仅县级经办人员）');
  return inScope(database.kysely, actor.scope, async (trx) => {
    const cand = await dup.getCandidate(trx, candidateId);
    if (!cand) throw errors.notFound(`疑似重复记录（ID ${candidateId}）`);
    if (cand.status !== 'open')
      throw errors.conflict(
        'DUPLICATE_DECIDED',
        `疑似重复记录 ${candidateId} 已处理（${cand.status === 'merged' ? '已合并' : '已排除'}）`,
      );
    const who = auditActor(actor);
    if (decision.kind === 'dismiss') {
      await dup.decideCandidate(trx, cand.id, 'dismissed', actor.userId, decision.note);
      await appendAudit(trx, {
        ...who,
        action: 'duplicate.dismiss',
        entity: 'duplicate',
        entityId: cand.id,
        regionCode: cand.village_code,
        before: { status: 'open' },
        after: { status: 'dismissed', note: decision.note },
      });
      return { id: cand.id, status: 'dismissed' as const };
    }
    if (decision.keep !== cand.person_a && decision.keep !== cand.person_b) {
      throw errors.invalid(`疑似重复记录 ${candidateId}`, [{ field: 'keep', message: '必须是这两条记录之一' }]);
    }
    const retired = decision.keep === cand.person_a ? cand.person_b : cand.person_a;
    const kept = await trx
      .selectFrom('persons')
      .select(['id', 'village_code'])
      .where('id', '=', decision.keep)
      .executeTakeFirst();
    if (!kept) throw errors.notFound(`劳动力（ID ${decision.keep}）`);
    const moved = await dup.moveSpells(trx, retired, kept.id, kept.village_code);
    await dup.retirePerson(trx, retired, kept.id);
    await dup.decideCandidate(trx, cand.id, 'merged', actor.userId, decision.note);
    await appendAudit(trx, [
      {
        ...who,
        action: 'duplicate.merge',
        entity: 'duplicate',
        entityId: cand.id,
        regionCode: cand.village_code,
        before: { status: 'open' },
        after: { status: 'merged', kept: kept.id, retired, note: decision.note },
      },
      {
        ...who,
        action: 'person.merge',
        entity: 'person',
        entityId: retired,
        regionCode: kept.village_code,
        before: { merged_into: null },
        after: { merged_into: kept.id, moved_spells: moved.map((m) => m.id) },
      },
    ]);
    return { id: cand.id, status: 'merged' as const, kept: kept.id, retired };
  });
}
