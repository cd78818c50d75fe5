// Column types shared by the Kysely table types.
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Dates are read as YYYY-MM-DD strings (see the export type parser in connection.ts). */
export type DateCol = ColumnType<string, string, string>;
export type Int8 = ColumnType<string, string | number | bigint, string | number | bigint>;
/** A bigserial key: read as string, optional on insert. */
export type SerialId = ColumnType<string, string | number | bigint | undefined, string | number | bigint>;
