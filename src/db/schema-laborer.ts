// Kysely types of the laborer portal's tables (migration 20261121170200_laborer_portal.sql).
import type { Generated } from 'kysely';
import type { Int8, SerialId, Timestamp } from './columns.ts';

/** One request for a login code; person, salt and hash are set only when ID number and phone matched. */
export interface LoginCodesTable {
  id: SerialId;
  id_hash: string;
  phone_hash: string;
  ip: string;
  person_id: Int8 | null;
  salt: string | null;
  code_hash: string | null;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface LaborerTables {
  login_codes: LoginCodesTable;
}
