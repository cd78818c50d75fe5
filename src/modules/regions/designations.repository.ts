// SQL of the designated-county lists (designation_lists, designation_members). Everyone reads
// every list; row-level security lets writes through only for a scope holding the province.
import { sql } from 'kysely';
import type { Scoped } from '../../db/connection.ts';
import type { DesignationList, DesignationMember } from '../../domain/region/designation.ts';

export interface ListRow {
  id: string;
  kind: DesignationList['kind'];
  province_code: string;
  title: string;
  basis: string;
  valid_from: string;
  created_at: Date;
}

export interface MemberRow {
  id: string;
  list_id: string;
  county_code: string;
  county_name: string;
  until: string | null;
  until_basis: string;
}

export function toList(r: ListRow): DesignationList {
  return { id: r.id, kind: r.kind, province: r.province_code, title: r.title, basis: r.basis, from: r.valid_from };
}

export function toMember(r: MemberRow): DesignationMember {
  return { listId: r.list_id, county: r.county_code, name: r.county_name, until: r.until };
}

const LIST_COLUMNS = ['id', 'kind', 'province_code', 'title', 'basis', 'valid_from', 'created_at'] as const;
const MEMBER_COLUMNS = ['id', 'list_id', 'county_code', 'county_name', 'until', 'until_basis'] as const;

/** Lists, optionally of one province and kind, newest first within each. */
export async function lists(trx: Scoped, filter: { province?: string; kind?: string } = {}): Promise<ListRow[]> {
  let q = trx.selectFrom('designation_lists').select(LIST_COLUMNS);
  if (filter.province) q = q.where('province_code', '=', filter.province);
  if (filter.kind) q = q.where('kind', '=', filter.kind as ListRow['kind']);
  return q.orderBy('province_code').orderBy('kind').orderBy('valid_from', 'desc').execute();
}

export async function listById(trx: Scoped, id: string): Promise<ListRow | undefined> {
  return trx.selectFrom('designation_lists').select(LIST_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function membersOf(trx: Scoped, listIds: readonly string[]): Promise<MemberRow[]> {
  if (listIds.length === 0) return [];
  return trx
    .selectFrom('designation_members')
    .select(MEMBER_COLUMNS)
    .where('list_id', 'in', [...listIds])
    .orderBy('list_id')
    .orderBy('county_code')
    .execute();
}

export async function allMembers(trx: Scoped): Promise<MemberRow[]> {
  return trx.selectFrom('designation_members').select(MEMBER_COLUMNS).execute();
}

/** Serialises writers of one province's lists of a kind until the transaction ends. */
export async function lockKind(trx: Scoped, kind: string, province: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`designations:${kind}:${province}`}))`.execute(trx);
}

export async function insertList(
  trx: Scoped,
  l: { kind: ListRow['kind']; province: string; title: string; basis: string; from: string; userId: string | null },
): Promise<ListRow> {
  return trx
    .insertInto('designation_lists')
    .values({
      kind: l.kind,
      province_code: l.province,
      title: l.title,
      basis: l.basis,
      valid_from: l.from,
      created_by: l.userId,
    })
    .returning(LIST_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function insertMembers(
  trx: Scoped,
  listId: string,
  counties: readonly { code: string; name: string }[],
  userId: string | null,
): Promise<MemberRow[]> {
  if (counties.length === 0) return [];
  return trx
    .insertInto('designation_members')
    .values(counties.map((c) => ({ list_id: listId, county_code: c.code, county_name: c.name, created_by: userId })))
    .returning(MEMBER_COLUMNS)
    .execute();
}

export async function setUntil(trx: Scoped, memberId: string, until: string, basis: string): Promise<void> {
  await trx.updateTable('designation_members').set({ until, until_basis: basis }).where('id', '=', memberId).execute();
}
