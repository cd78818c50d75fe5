// Excel files the import module hands out: the empty template with its instructions, the
// register export and the error report. All are written with exceljs's streaming writer
// straight to the response, and every text cell goes through neutraliseFormula.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../domain/import/formula.ts';
import { TEMPLATE_COLUMNS } from '../../domain/import/template.ts';

export const DATA_SHEET = '劳动力信息';
export const GUIDE_SHEET = '填写说明';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const TEXT: Partial<ExcelJS.Style> = { numFmt: '@' };

type Cell = string | number | null;

/** A streaming sheet where every text cell is neutralised; numbers pass as numbers. */
export class SafeSheetWriter {
  readonly #book: ExcelJS.stream.xlsx.WorkbookWriter;
  readonly #sheet: ExcelJS.Worksheet;

  constructor(
    out: Writable,
    sheetName: string,
    headers: readonly string[],
    o: { required?: ReadonlySet<string>; widths?: number[] } = {},
  ) {
    this.#book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    this.#sheet = this.#book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    this.#sheet.columns = headers.map((_h, i) => ({ key: String(i), width: o.widths?.[i] ?? 14, style: TEXT }));
    const row = this.#sheet.addRow(headers.map(neutraliseFormula));
    row.eachCell((cell) => {
      cell.font = { bold: true, color: { argb: o.required?.has(String(cell.value)) ? 'FFC00000' : 'FF000000' } };
      cell.fill = HEADER_FILL;
    });
    row.commit();
  }

  get sheet(): ExcelJS.Worksheet {
    return this.#sheet;
  }

  addRow(cells: readonly Cell[]): void {
    this.#sheet.addRow(cells.map((c) => (typeof c === 'string' ? neutraliseFormula(c) : c))).commit();
  }

  addSheet(name: string): ExcelJS.Worksheet {
    return this.#book.addWorksheet(name);
  }

  async finish(): Promise<void> {
    this.#sheet.commit();
    await this.#book.commit();
  }
}

export const TEMPLATE_HEADERS = TEMPLATE_COLUMNS.map((c) => c.label);
const REQUIRED = new Set(TEMPLATE_COLUMNS.filter((c) => c.required === true).map((c) => c.label));
const WIDTHS = TEMPLATE_COLUMNS.map((c) => c.width);

export function registerSheet(out: Writable): SafeSheetWriter {
  return new SafeSheetWriter(out, DATA_SHEET, TEMPLATE_HEADERS, { required: REQUIRED, widths: WIDTHS });
}

function columnLetter(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const GENERAL_NOTES = [
  '1. 每行填写一名劳动力，同一户的成员各占一行，户编号、村代码、户类型等户信息须一致。',
  '2. 第一行为表头，请勿修改列名；列的顺序可以调整，未识别的列（如“序号”“备注”）导入时忽略。',
  '3. 红色列名为必填列；“条件必填”的列在说明所列情形下必须填写。',
  '4. 身份证号须为18位且校验码正确；性别、出生日期可不填，按身份证号自动识别。',
  '5. 支持 .xlsx 文件和 .csv 文件（UTF-8 或 GBK/GB18030 编码）。',
  '6. 同一文件重复导入不会重复登记；修改后再次导入会更新原记录，并保留修改前后的记录。',
  '7. 出错的行不会导入，可下载“错误报告”，按“错误原因”列修改后再次导入。',
  '8. 一个身份证号全国只能登记一次；已在其他村登记的人员会被拒绝，并提示其登记地。',
];

interface SheetWithValidations {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
}

/** The empty template: the data sheet with drop-down lists, then 填写说明. */
export async function writeTemplate(out: Writable): Promise<void> {
  const w = registerSheet(out);
  TEMPLATE_COLUMNS.forEach((c, i) => {
    if (!c.allowed) return;
    const list = c.allowed.join(',');
    if (list.length > 250) return; // Excel limits an inline list to 255 characters
    const col = columnLetter(i);
    (w.sheet as unknown as SheetWithValidations).dataValidations.add(`${col}2:${col}5000`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${list}"`],
      showErrorMessage: true,
      errorTitle: '取值不正确',
      error: `请从下拉列表中选择：${c.allowed.join('/')}`,
    });
  });
  const guide = w.addSheet(GUIDE_SHEET);
  guide.columns = [
    { key: 'label', width: 16 },
    { key: 'required', width: 10 },
    { key: 'note', width: 60 },
    { key: 'allowed', width: 60 },
    { key: 'aliases', width: 40 },
  ];
  const head = guide.addRow(['列名', '是否必填', '填写说明', '可选值', '也可识别的列名']);
  head.font = { bold: true };
  head.commit();
  for (const c of TEMPLATE_COLUMNS) {
    guide
      .addRow([
        c.label,
        c.required === true ? '必填' : c.required === 'conditional' ? '条件必填' : '选填',
        c.note,
        c.allowed ? c.allowed.join('、') : '',
        c.aliases.join('、'),
      ])
      .commit();
  }
  guide.addRow([]).commit();
  for (const line of GENERAL_NOTES) guide.addRow([line]).commit();
  guide.commit();
  await w.finish();
}
