// SQL of employers' own claims: the employer's record, the register look-ups an employer may
// make (SECURITY DEFINER functions of migration 20261121170100 that answer "whether" and
// "which village", never the record) and the employer's own claims. No business rules here.
import { sql } from 'kysely';
import type { Scoped } from '../../db/connection.ts';
import type { ClaimStatus } from '../../db/schema-claims.ts';

/** The employer an account acts for (employers are readable by every scope). */
export async function employerOf(trx: Scoped, id: string) {
  return trx
    .selectFrom('employers')
    .select(['id', 'name', 'credit_code', 'region_code', 'is_workshop', 'is_base'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The register's person with this ID number and name (both must match), or undefined. */
export async function findRegisterPerson(
  trx: Scoped,
  idNumber: string,
  name: string,
): Promise<{ person_id: string; village_code: string } | undefined> {
  const r = await sql<{ person_id: string; village_code: string }>`
    SELECT person_id::text AS person_id, village_code FROM find_register_person(${idNumber}, ${name})`.execute(trx);
  return r.rows[0];
}

/** The village of the laborer named on one of the current employer scope's own claims. */
export async function ownClaimLaborerVillage(trx: Scoped, claimId: string): Promise<string | undefined> {
  const r = await sql<{ v: string | null }>`SELECT employer_claim_laborer_village(${claimId}::bigint) AS v`.execute(trx);
  return r.rows[0]?.v ?? undefined;
}

export async function listOwnClaims(
  trx: Scoped,
  employerId: string,
  f: { status?: ClaimStatus[] },
  page: number,
  pageSize: number,
) {
  let q = trx.selectFrom('claims').where('employer_id', '=', employerId);
  if (f.status && f.status.length > 0) q = q.where('status', 'in', f.status);
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const items = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), items };
}
