// Appends to and reads the hash-chained audit log.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type AuditEntryContent, auditHash, GENESIS_HASH } from '../../domain/audit-chain.ts';

export interface AuditInput {
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  regionCode: string;
  before?: unknown;
  after?: unknown;
}

/** Plain JSON (dates as ISO strings), exactly what jsonb gives back. */
function toJson(v: unknown): unknown {
  return v === undefined || v === null
    ? null
    : JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x)));
}

/**
 * Appends entries inside the caller's transaction. The head row is locked, so concurrent
 * writers queue and the chain stays linear; if the caller rolls back, so does the entry.
 */
export async function appendAudit(trx: Kysely<DB>, inputs: AuditInput | AuditInput[]): Promise<void> {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.length === 0) return;
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).forUpdate().executeTakeFirstOrThrow();
  let seq = BigInt(head.seq);
  let prev = head.hash;
  const at = new Date();
  const rows = list.map((i) => {
    seq += 1n;
    const content: AuditEntryContent = { ...i, seq: seq.toString(), at, before: toJson(i.before), after: toJson(i.after) };
    const hash = auditHash(prev, content);
    const row = {
      seq: content.seq,
      at,
      actor_id: i.actorId,
      actor_name: i.actorName,
      action: i.action,
      entity: i.entity,
      entity_id: i.entityId,
      region_code: i.regionCode,
      before: content.before === null ? null : JSON.stringify(content.before),
      after: content.after === null ? null : JSON.stringify(content.after),
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 1000)
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 1000))
      .execute();
  await trx.updateTable('audit_head').set({ seq: seq.toString(), hash: prev }).where('id', '=', true).execute();
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  headHash: string;
  firstBadSeq?: string;
  problem?: string;
}

/** Walks the whole chain in order (as a superuser session: RLS would hide parts of it). */
export async function verifyAuditChain(db: Kysely<DB>, batch = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1n;
  let entries = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq.toString())
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const bad = (problem: string): VerifyResult => ({ ok: false, entries, headHash: prev, firstBadSeq: r.seq, problem });
      if (BigInt(r.seq) !== expectedSeq) return bad(`缺少第 ${expectedSeq} 条记录（日志被删除）`);
      if (r.prev_hash !== prev) return bad('前序哈希不符（链被改动）');
      const content: AuditEntryContent = {
        seq: r.seq,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        regionCode: r.region_code,
        before: r.before,
        after: r.after,
      };
      if (auditHash(prev, content) !== r.hash) return bad('内容哈希不符（记录被修改）');
      prev = r.hash;
      expectedSeq += 1n;
      entries += 1;
    }
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  if (head.hash !== prev || BigInt(head.seq) !== expectedSeq - 1n) {
    return { ok: false, entries, headHash: prev, problem: `链尾与记录的链头不符（链头第 ${head.seq} 条），末尾记录可能被删除` };
  }
  return { ok: true, entries, headHash: prev };
}

export async function auditFor(db: Kysely<DB>, entity: string, entityId: string) {
  return db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor_name', 'action', 'before', 'after'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('seq', 'desc')
    .limit(200)
    .execute();
}
