// The bank's 代发 (batch payment to bank cards) files: the instruction file we send and the
// result file the bank returns. CSV, one line per payment, keyed by our 明细号 (detail number)
// so that each result line reconciles exactly one payment.
import { neutraliseFormula, restoreNeutralised } from '../import/formula.ts';
import { formatFen } from '../money.ts';

export const BANK_FILE_HEADERS = ['序号', '户名', '账号', '开户行', '金额(元)', '用途', '明细号'] as const;
export const BANK_RESULT_HEADERS = ['明细号', '结果', '失败原因', '银行流水号'] as const;

export interface BankLine {
  detailNo: string;
  payeeName: string;
  account: string;
  bankName: string;
  amountFen: number;
  purpose: string;
}

function quote(cell: string): string {
  const safe = neutraliseFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The instruction file: header, then one line per payment in the given order (CRLF, as banks and Excel expect). */
export function writeBankFile(lines: readonly BankLine[]): string {
  const rows = [
    [...BANK_FILE_HEADERS],
    ...lines.map((l, i) => [String(i + 1), l.payeeName, l.account, l.bankName, formatFen(l.amountFen), l.purpose, l.detailNo]),
  ];
  return `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Bank files come as UTF-8 (with or without BOM) or as GBK/GB18030 from older bank systems. */
export function decodeBankText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 CSV: quoted cells may hold commas, quotes and line breaks. Empty lines are dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== '')).map((r) => r.map(restoreNeutralised));
}

export type BankOutcome = 'paid' | 'failed';

export interface BankResultLine {
  /** Line number in the file (the header is line 1). */
  line: number;
  detailNo: string;
  outcome: BankOutcome;
  reason: string;
  bankRef: string;
}

export interface FileProblem {
  line: number;
  column: string;
  value: string;
  message: string;
}

const HEADER_ALIASES: Record<(typeof BANK_RESULT_HEADERS)[number], readonly string[]> = {
  明细号: ['明细号', '明细编号', '客户流水号'],
  结果: ['结果', '处理结果', '交易结果', '状态'],
  失败原因: ['失败原因', '原因', '备注'],
  银行流水号: ['银行流水号', '流水号', '交易流水号'],
};

const OUTCOMES: Record<string, BankOutcome> = { 成功: 'paid', 失败: 'failed' };

function lineProblem(
  detailNo: string,
  result: string,
  reason: string,
  bankRef: string,
  firstLine: number | undefined,
): Omit<FileProblem, 'line'> | undefined {
  if (detailNo === '') return { column: '明细号', value: '', message: '不能为空' };
  if (firstLine !== undefined) return { column: '明细号', value: detailNo, message: `与第 ${firstLine} 行重复` };
  const outcome = OUTCOMES[result];
  if (outcome === undefined) return { column: '结果', value: result, message: '应为“成功”或“失败”' };
  if (outcome === 'failed' && reason === '') return { column: '失败原因', value: '', message: '结果为失败时必须填写失败原因' };
  if (outcome === 'paid' && bankRef === '') return { column: '银行流水号', value: '', message: '结果为成功时必须有银行流水号' };
  return undefined;
}

/**
 * Reads the bank's result file. Every problem names the line, the column and why; a file
 * with problems is rejected whole by the caller, so nothing is half-reconciled.
 */
export function parseBankResult(text: string): { lines: BankResultLine[]; problems: FileProblem[] } {
  const rows = parseCsv(text);
  const problems: FileProblem[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim());
  const col = {} as Record<(typeof BANK_RESULT_HEADERS)[number], number>;
  for (const name of BANK_RESULT_HEADERS) {
    const at = header.findIndex((h) => HEADER_ALIASES[name].includes(h));
    if (at < 0 && name !== '失败原因') problems.push({ line: 1, column: name, value: '', message: `表头缺少「${name}」列` });
    col[name] = at;
  }
  if (problems.length > 0) return { lines: [], problems };
  const lines: BankResultLine[] = [];
  const seen = new Map<string, number>();
  for (const [i, r] of rows.slice(1).entries()) {
    const line = i + 2;
    const get = (name: (typeof BANK_RESULT_HEADERS)[number]) => (col[name] >= 0 ? (r[col[name]] ?? '').trim() : '');
    const detailNo = get('明细号');
    const result = get('结果');
    const reason = get('失败原因');
    const bankRef = get('银行流水号');
    const problem = lineProblem(detailNo, result, reason, bankRef, seen.get(detailNo));
    if (detailNo !== '' && !seen.has(detailNo)) seen.set(detailNo, line);
    if (problem !== undefined) {
      problems.push({ line, ...problem });
      continue;
    }
    lines.push({ line, detailNo, outcome: OUTCOMES[result] as BankOutcome, reason, bankRef });
  }
  if (rows.length <= 1) problems.push({ line: 1, column: '', value: '', message: '文件没有数据行' });
  return { lines, problems };
}
