// Kysely types of the rules engine's tables (regional settings of parameters,
// migration 20261121140100_create_rule_settings).
import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Int8, SerialId, Timestamp } from './columns.ts';

export interface RuleSettingsTable {
  id: SerialId;
  rule_id: string;
  parameter: string;
  /** 2, 4 or 6 digits: the province, league/city or county that set the value. */
  region_code: string;
  valid_from: DateCol;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** As text; numeric units hold an integer (fen, months...), 'choice' one of its keys. */
  value: string;
  note: Generated<string>;
  created_by: Int8 | null;
  created_at: Timestamp;
}

export interface RulesTables {
  rule_settings: RuleSettingsTable;
}
