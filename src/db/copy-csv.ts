// CSV text for PostgreSQL's COPY (FORMAT csv), the one encoder for every bulk load:
// NULL is an empty unquoted field, an empty string is "", arrays are text[] literals.

export type CsvValue = string | number | boolean | null | readonly string[];

const NEEDS_QUOTES = /[",\r\n]/;

function quote(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((i) => `"${i.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

export function csvField(v: CsvValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v === '' || NEEDS_QUOTES.test(v) ? quote(v) : v;
  return v.length === 0 ? '{}' : quote(arrayLiteral(v));
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}\n`;
}
