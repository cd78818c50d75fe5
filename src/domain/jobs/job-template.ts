// The columns of the job post import file and its template; rows map to the same fields the
// form uses (job-input.ts), wages written in yuan as people write them.
import { parseYuanToFen } from '../money.ts';
import { JOB_FIELD_LABELS, type JobField, type RawJob } from './job-input.ts';

export interface JobColumn {
  key: JobField | 'employerCreditCode';
  label: string;
  required: boolean;
  note: string;
  aliases: readonly string[];
  allowed?: readonly string[];
}

export const JOB_TEMPLATE_COLUMNS: readonly JobColumn[] = [
  {
    key: 'employerCreditCode',
    label: '单位统一社会信用代码',
    required: true,
    note: '18位，单位须已登记',
    aliases: ['统一社会信用代码', '信用代码'],
  },
  { key: 'title', label: '岗位名称', required: true, note: '如“电子厂普工”', aliases: ['岗位', '招聘岗位'] },
  {
    key: 'occupationCode',
    label: '职业代码',
    required: true,
    note: '职业分类大典代码，如 4-10-01-06；无对应职业时填中类，如 6-05',
    aliases: ['职业编码', '工种代码'],
  },
  {
    key: 'workRegionCode',
    label: '工作地区划代码',
    required: true,
    note: '6位县级或更细的区划代码，如 441306',
    aliases: ['工作地代码'],
  },
  { key: 'workPlace', label: '工作地点', required: false, note: '如“广东省深圳市宝安区福永街道”', aliases: ['工作地址'] },
  { key: 'openings', label: '招聘人数', required: true, note: '正整数', aliases: ['人数', '需求人数'] },
  {
    key: 'wageMinFen',
    label: '月工资下限（元）',
    required: true,
    note: '元，如 4500',
    aliases: ['月工资下限', '最低工资', '工资下限'],
  },
  {
    key: 'wageMaxFen',
    label: '月工资上限（元）',
    required: true,
    note: '元，不低于下限',
    aliases: ['月工资上限', '最高工资', '工资上限'],
  },
  { key: 'workingHours', label: '工作时间', required: false, note: '如“每天8小时，月休4天”', aliases: [] },
  { key: 'accommodation', label: '包住', required: false, note: '是/否', aliases: ['提供住宿'], allowed: ['是', '否'] },
  { key: 'meals', label: '包吃', required: false, note: '是/否', aliases: ['提供餐食'], allowed: ['是', '否'] },
  { key: 'contractMonths', label: '合同期限（月）', required: false, note: '月数', aliases: ['合同期限'] },
  {
    key: 'seasonFrom',
    label: '季节性用工开始日期',
    required: false,
    note: '季节性岗位填写，如 2026-04-01，须与结束日期同填',
    aliases: ['季节开始'],
  },
  { key: 'seasonTo', label: '季节性用工结束日期', required: false, note: '如 2026-10-31', aliases: ['季节结束'] },
  { key: 'ageMin', label: '最低年龄', required: false, note: '不小于16', aliases: [] },
  { key: 'ageMax', label: '最高年龄', required: false, note: '不大于70', aliases: [] },
  {
    key: 'sexRequired',
    label: '性别要求',
    required: false,
    note: '一般不填（不限）；限定时须填写法定理由',
    aliases: ['性别'],
    allowed: ['不限', '男', '女'],
  },
  {
    key: 'sexReason',
    label: '性别要求的法定理由',
    required: false,
    note: '如“矿山井下作业，属女职工禁忌从事的劳动范围”',
    aliases: ['性别要求理由'],
  },
  { key: 'educationMin', label: '最低学历', required: false, note: '不填为不限', aliases: ['学历要求'] },
  { key: 'skills', label: '技能要求', required: false, note: '多项用顿号分隔', aliases: ['技能'] },
  { key: 'certificates', label: '证书要求', required: false, note: '多项用顿号分隔，如“焊工证”', aliases: ['证书'] },
  {
    key: 'physicalDemand',
    label: '体力要求',
    required: false,
    note: '轻/中/重，不填为中',
    aliases: ['体力强度'],
    allowed: ['轻', '中', '重'],
  },
  {
    key: 'suitableForWeak',
    label: '适合弱劳动力或半劳动力',
    required: false,
    note: '是/否',
    aliases: ['适合弱劳动力'],
    allowed: ['是', '否'],
  },
  { key: 'validUntil', label: '有效期至', required: false, note: '如 2026-12-31，过期后岗位自动下架', aliases: ['截止日期'] },
];

const norm = (t: string) =>
  t
    .replace(/[\s*＊]/g, '')
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')');
const BY_HEADER = new Map<string, JobColumn>();
for (const c of JOB_TEMPLATE_COLUMNS) for (const h of [c.label, ...c.aliases]) BY_HEADER.set(norm(h), c);

export type JobHeaderMap = Map<number, JobColumn>;

/** The columns a header row names; undefined when it names fewer than three. */
export function resolveJobHeader(cells: readonly string[]): { map: JobHeaderMap; missing: string[] } | undefined {
  const map: JobHeaderMap = new Map();
  cells.forEach((cell, i) => {
    const c = BY_HEADER.get(norm(cell));
    if (c && ![...map.values()].includes(c)) map.set(i, c);
  });
  if (map.size < 3) return undefined;
  const have = new Set([...map.values()]);
  return { map, missing: JOB_TEMPLATE_COLUMNS.filter((c) => c.required && !have.has(c)).map((c) => c.label) };
}

export interface MappedJobRow {
  creditCode: string;
  raw: RawJob;
  /** Cells that could not even be read (a wage that is not an amount). */
  problems: { column: string; value: string; reason: string }[];
}

export function mapJobRow(cells: readonly string[], map: JobHeaderMap): MappedJobRow {
  const raw: RawJob = {};
  const problems: MappedJobRow['problems'] = [];
  let creditCode = '';
  for (const [i, c] of map) {
    const v = (cells[i] ?? '').trim();
    if (c.key === 'employerCreditCode') creditCode = v;
    else if (c.key === 'wageMinFen' || c.key === 'wageMaxFen') {
      if (v === '') continue;
      const fen = parseYuanToFen(v);
      if (fen === undefined) problems.push({ column: c.label, value: v, reason: '应为金额（元），如 4500' });
      else raw[c.key] = fen;
    } else raw[c.key] = v;
  }
  return { creditCode, raw, problems };
}

/** The template column label of a field, for error lines. */
export function jobColumnLabel(field: JobField): string {
  return JOB_TEMPLATE_COLUMNS.find((c) => c.key === field)?.label ?? JOB_FIELD_LABELS[field];
}
