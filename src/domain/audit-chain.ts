// The audit hash chain: hash = SHA-256(previous hash, canonical JSON of the entry).
// Canonical JSON sorts object keys, so the digest survives a round trip through jsonb.
import { createHash } from 'node:crypto';

export interface AuditEntryContent {
  seq: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  regionCode: string;
  before: unknown;
  after: unknown;
}

export const GENESIS_HASH = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'bigint') return value.toString();
  return JSON.stringify(value);
}

export function auditHash(prevHash: string, e: AuditEntryContent): string {
  const body = canonicalJson([
    e.seq,
    e.at.toISOString(),
    e.actorId,
    e.actorName,
    e.action,
    e.entity,
    e.entityId,
    e.regionCode,
    e.before ?? null,
    e.after ?? null,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
