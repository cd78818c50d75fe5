// The laborer register template (劳动力信息导入模板): one row per person with the columns of
// its household and, optionally, of its current employment. The same columns, in the same
// order, are used for the downloadable template, the import and the export. Pure: no I/O.
import { FIELD_LABELS, type PersonField } from '../registry/person-input.ts';
import { SPELL_FIELD_LABELS, type SpellField } from '../registry/spell-input.ts';
import {
  DISABILITY_KINDS,
  EDUCATION_LEVELS,
  EMPLOYMENT_CHANNELS,
  ETHNICITIES,
  HEALTH_STATES,
  HOUSEHOLD_TYPES,
  MONITORING_CATEGORIES,
  RELATIONSHIPS,
  SERVICE_NEEDS,
  STUDENT_STATES,
  WORK_CAPACITIES,
} from '../registry/vocabulary.ts';

export type ColumnKey = PersonField | SpellField;

export interface TemplateColumn {
  key: ColumnKey;
  group: 'person' | 'spell';
  /** The header as the template writes it. */
  label: string;
  /** 'conditional': required only in the situation `note` describes. */
  required: boolean | 'conditional';
  note: string;
  allowed?: readonly string[];
  /** Other headers accepted for this column (files made before the template existed). */
  aliases: readonly string[];
  /** Personal numbers: masked in exports for viewers without the right to see them. */
  personal?: 'id' | 'phone';
  width: number;
}

const YES_NO = ['是', '否'] as const;

function person(
  key: PersonField,
  required: TemplateColumn['required'],
  note: string,
  aliases: string[],
  extra: Partial<TemplateColumn> = {},
): TemplateColumn {
  return { key, group: 'person', label: FIELD_LABELS[key], required, note, aliases, width: 12, ...extra };
}

function spell(key: SpellField, note: string, aliases: string[], extra: Partial<TemplateColumn> = {}): TemplateColumn {
  return { key, group: 'spell', label: SPELL_FIELD_LABELS[key], required: 'conditional', note, aliases, width: 14, ...extra };
}

const LIST_NOTE = '可填多项，用顿号“、”或逗号分隔';

export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  person('householdNumber', true, '本户的户编号，同一户的成员填写相同编号；全国唯一', ['户号', '户编码', '家庭编号'], {
    width: 16,
  }),
  person(
    'villageCode',
    true,
    '12位村级统计用区划代码，须为现行有效且在您管辖范围内的村',
    ['村级区划代码', '行政村代码', '村区划代码', '区划代码', '村编码'],
    {
      width: 15,
    },
  ),
  person('householdType', true, '', ['户属性', '户类别', '人口类型'], { allowed: HOUSEHOLD_TYPES }),
  person('monitoringCategory', 'conditional', '户类型为“监测对象”时必填，脱贫户不填', ['监测类型', '监测对象类型', '监测类别'], {
    allowed: MONITORING_CATEGORIES,
    width: 14,
  }),
  person('relocated', false, '填“是”或“否”，不填视为“否”', ['是否易地扶贫搬迁', '易地搬迁', '是否搬迁'], { allowed: YES_NO }),
  person('relocationSite', 'conditional', '易地搬迁户必填：集中安置点名称', ['搬迁安置点', '安置地点', '安置点名称'], {
    width: 16,
  }),
  person('relationship', true, '', ['与户主的关系', '家庭关系'], { allowed: RELATIONSHIPS }),
  person('name', true, '与身份证一致', ['劳动力姓名', '成员姓名']),
  person(
    'idNumber',
    true,
    '18位公民身份号码，末位可为X；请将本列设为文本格式，以免被Excel改成科学计数',
    ['身份证号码', '公民身份号码', '证件号码', '身份证'],
    {
      personal: 'id',
      width: 21,
    },
  ),
  person('sex', false, '可不填，按身份证号自动识别；填写时须与身份证号一致', [], { allowed: ['男', '女'], width: 6 }),
  person('birthDate', false, '可不填，按身份证号自动识别；格式如 1990-01-31', ['出生年月日']),
  person('ethnicity', false, '', ['民族名称'], { allowed: ETHNICITIES }),
  person('education', false, '', ['学历', '文化水平'], { allowed: EDUCATION_LEVELS }),
  person('workCapacity', true, '', ['劳动能力', '劳动力类型', '劳动力状况'], { allowed: WORK_CAPACITIES, width: 16 }),
  person('health', false, '', ['身体状况'], { allowed: HEALTH_STATES }),
  person('disability', false, '', ['残疾类型', '残疾情况'], { allowed: DISABILITY_KINDS }),
  person('studentStatus', false, '不填视为“非在校生”', ['是否在校生', '在校生情况'], { allowed: STUDENT_STATES }),
  person('phone', false, '11位手机号或带区号的固定电话', ['手机号', '手机号码', '电话', '联系方式', '电话号码'], {
    personal: 'phone',
    width: 14,
  }),
  person('skills', false, LIST_NOTE, ['技能', '专业技能']),
  person('certificates', false, LIST_NOTE, ['证书', '资格证书']),
  person('migrateWilling', false, '填“是”或“否”，不填视为“否”', ['是否愿意外出务工', '务工意愿', '外出意愿'], {
    allowed: YES_NO,
  }),
  person('preferredPlaces', false, LIST_NOTE, ['意向务工地', '意向就业地点']),
  person('preferredWork', false, LIST_NOTE, ['意向岗位', '意向职业']),
  person('serviceNeeds', false, LIST_NOTE, ['服务需求', '就业需求'], { allowed: SERVICE_NEEDS }),
  person('trainingNeeds', false, LIST_NOTE, ['培训意愿', '培训需求意向']),
  spell('channel', '当前已就业时填写；填写任一就业列时，就业渠道和就业开始日期必填', ['就业方式', '就业形式', '就业类型'], {
    allowed: EMPLOYMENT_CHANNELS,
    width: 16,
  }),
  spell('startDate', '格式如 2024-03-01，不能晚于今天', ['务工开始时间', '就业时间', '开始务工时间', '就业开始时间']),
  spell('endDate', '仍在就业的不填', ['务工结束时间', '就业结束时间']),
  spell('place', '省内填区划代码（如 150425）或地名；省外填“省外:省市名”，如 省外:广东省深圳市', [
    '就业地点',
    '务工地',
    '工作地点',
  ]),
  spell('employer', '', ['就业单位', '工作单位', '用工单位']),
  spell(
    'employerCreditCode',
    '务工单位已在本系统用工单位名录中登记时填写18位代码，就业记录即与该单位关联；未登记的单位不填',
    ['用工单位统一社会信用代码', '单位统一社会信用代码', '统一社会信用代码', '单位信用代码'],
    { width: 21 },
  ),
  spell('monthlyIncome', '金额（元），最多两位小数', ['月收入', '月均收入', '月工资', '月收入元']),
  spell('insured', '填“是”或“否”', ['是否参加社保', '参保情况'], { allowed: YES_NO }),
];

export const COLUMN_BY_KEY: ReadonlyMap<ColumnKey, TemplateColumn> = new Map(TEMPLATE_COLUMNS.map((c) => [c.key, c]));

/** Headers as written in real files: 「* 身份证号（18位）」 means 身份证号. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\([^)]*\)/g, '')
    .replace(/[\s*:]/g, '')
    .toLowerCase();
}

const HEADER_INDEX: ReadonlyMap<string, ColumnKey> = (() => {
  const m = new Map<string, ColumnKey>();
  for (const c of TEMPLATE_COLUMNS) {
    for (const h of [c.label, ...c.aliases]) {
      const n = normalizeHeader(h);
      const prior = m.get(n);
      if (prior && prior !== c.key) throw new Error(`模板列名冲突：${h}`);
      m.set(n, c.key);
    }
  }
  return m;
})();

export function columnForHeader(header: string): ColumnKey | undefined {
  return HEADER_INDEX.get(normalizeHeader(header));
}

/** Where each known column sits in the file's rows (0-based cell index). */
export interface HeaderMap {
  /** key -> cell index */
  index: Partial<Record<ColumnKey, number>>;
  /** Headers present in the file that are not template columns (ignored on import). */
  ignored: string[];
  /** The headers as they appear in the file, by cell index. */
  headers: string[];
}

export type HeaderProblem =
  | { code: 'IMPORT_MISSING_COLUMNS'; message: string; missing: string[] }
  | { code: 'IMPORT_DUPLICATE_COLUMNS'; message: string; duplicates: string[] };

/** How many known columns make a row look like the header row. */
export const MIN_HEADER_MATCHES = 3;

export function countKnownHeaders(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c && columnForHeader(c)) n += 1;
  return n;
}

export function resolveHeader(cells: readonly string[]): { ok: true; map: HeaderMap } | { ok: false; problem: HeaderProblem } {
  const index: Partial<Record<ColumnKey, number>> = {};
  const ignored: string[] = [];
  const duplicates: string[] = [];
  cells.forEach((raw, i) => {
    const cell = raw.trim();
    if (!cell) return;
    const key = columnForHeader(cell);
    if (!key) {
      ignored.push(cell);
      return;
    }
    const prior = index[key];
    if (prior !== undefined) duplicates.push(`“${cells[prior]?.trim()}”与“${cell}”`);
    else index[key] = i;
  });
  if (duplicates.length) {
    return {
      ok: false,
      problem: { code: 'IMPORT_DUPLICATE_COLUMNS', message: `列重复（同一列出现两次）：${duplicates.join('，')}`, duplicates },
    };
  }
  const missing = TEMPLATE_COLUMNS.filter((c) => c.required === true && index[c.key] === undefined).map((c) => c.label);
  if (missing.length) {
    return { ok: false, problem: { code: 'IMPORT_MISSING_COLUMNS', message: `缺少必填列：${missing.join('、')}`, missing } };
  }
  return { ok: true, map: { index, ignored, headers: cells.map((c) => c.trim()) } };
}
