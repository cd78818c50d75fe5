// Registers a change of the division tree (rename, merge, move) as new versions: the
// versions that end are closed on the day before the change, new ones start on it, and
// region_changes records old code -> new code. Nothing valid before the change is edited,
// so past records keep their codes and "region X on date D" keeps the name of then.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  type ChangeLogEntry,
  type ChangePlan,
  codesToLookUp,
  planRegionChange,
  type RegionChange,
} from '../../domain/region/region-change.ts';
import type { RegionVersion } from '../../domain/region/region-version.ts';
import { todayInShanghai } from '../../domain/registry/derive.ts';
import { AppError, errors } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import * as repo from './regions.repository.ts';

export type { RegionChange } from '../../domain/region/region-change.ts';

export interface ChangeAuthor {
  actorId: string | null;
  actorName: string;
}

export interface ChangeResult {
  effective: string;
  closed: number;
  opened: { code: string; name: string }[];
  log: ChangeLogEntry[];
}

/** The versions the planner needs: the changed subtree and the codes it lands on. */
async function knownVersions(db: Kysely<DB>, change: RegionChange): Promise<RegionVersion[]> {
  const subtree = await repo.versionsUnder(db, change.code);
  const more = await repo.versionsOf(
    db,
    codesToLookUp(change, subtree).filter((c) => !c.startsWith(change.code)),
  );
  return [...subtree, ...more];
}

/** Works out the change without writing anything (for a preview). */
export async function planChange(db: Kysely<DB>, change: RegionChange): Promise<ChangePlan> {
  const r = planRegionChange(change, await knownVersions(db, change), todayInShanghai());
  if (!r.ok) {
    const message = `区划变更：${r.problems.map((p) => `${p.field} ${p.message}`).join('；')}`;
    throw new AppError('VALIDATION_FAILED', message, 400, { record: '区划变更', problems: r.problems });
  }
  return r.plan;
}

/** Applies the change in one transaction, with an audit entry; rejects it with the reason in Chinese. */
export async function applyRegionChange(db: Kysely<DB>, change: RegionChange, by: ChangeAuthor): Promise<ChangeResult> {
  return db.transaction().execute(async (trx) => {
    const plan = await planChange(trx, change);
    const closed = await repo.closeVersions(trx, plan.close, plan.effective);
    if (closed !== plan.close.length) {
      throw errors.conflict('REGION_CHANGED', '登记期间区划已被他人变更，请重新查询后再登记');
    }
    const summary = plan.log[0]?.note ?? '';
    await repo.insertVersions(trx, plan.open, `区划变更 ${plan.effective}：${summary}`);
    await repo.insertChanges(trx, plan.log, plan.effective);
    const root = plan.close.find((v) => v.code === change.code);
    await appendAudit(trx, {
      actorId: by.actorId,
      actorName: by.actorName,
      action: `region.${change.kind}`,
      entity: 'region',
      entityId: change.code,
      regionCode: change.code,
      before: { region: root, closed: plan.close.length },
      after: { effective: plan.effective, opened: plan.open.map((v) => ({ code: v.code, name: v.name })), log: plan.log },
    });
    return {
      effective: plan.effective,
      closed,
      opened: plan.open.map((v) => ({ code: v.code, name: v.name })),
      log: plan.log,
    };
  });
}
