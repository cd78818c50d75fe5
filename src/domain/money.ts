// Money is integer fen everywhere; yuan appear only at the edges (forms, files, screens).

/** "3500", "3,500.5", "3500元" -> 350000 / 350050; undefined when not an amount. */
export function parseYuanToFen(text: string): number | undefined {
  const t = text
    .trim()
    .replace(/[,，\s]/g, '')
    .replace(/元$/, '');
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 350050 -> "3500.50" */
export function formatFen(fen: number | bigint | string): string {
  // Plain number arithmetic for the amounts we meet (batch runs format many); BigInt beyond 2^53.
  if (typeof fen === 'number' && Number.isSafeInteger(fen)) {
    const abs = Math.abs(fen);
    const cents = abs % 100;
    return `${fen < 0 ? '-' : ''}${(abs - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
  }
  const n = BigInt(fen);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
