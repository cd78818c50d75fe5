// Plain-text tables for the terminal, aligned for Chinese (full-width characters take two columns).

function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

/** Columns whose header starts with '>' are right-aligned (numbers). */
export function formatTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const right = headers.map((h) => h.startsWith('>'));
  const heads = headers.map((h) => h.replace(/^>/, ''));
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? c.toLocaleString('en-US') : c)));
  const widths = heads.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => pad(c, widths[i] as number, right[i] as boolean))
      .join('  ')
      .trimEnd();
  return [line(heads), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
