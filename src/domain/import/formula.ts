// Spreadsheet formula injection (CSV/Excel injection): a cell whose text starts with
// = + - @ (or a tab or carriage return) may be run as a formula by the program that opens
// the file. Exports prefix such text with an apostrophe, which Excel and WPS show as text.

const TRIGGERS = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return TRIGGERS.test(text) ? `'${text}` : text;
}

/** Undoes neutraliseFormula, so that an exported file can be corrected and imported again. */
export function restoreNeutralised(text: string): string {
  return text.length > 1 && text[0] === "'" && TRIGGERS.test(text.slice(1)) ? text.slice(1) : text;
}
