// The job post form (new and edit): the fields of src/domain/jobs/job-input.ts with their
// Chinese labels; wages typed in yuan and sent in fen; the server's per-field problems shown
// on the fields they name.
import { type JobField, JOB_FIELD_LABELS as L } from '@domain/jobs/job-input.ts';
import { PHYSICAL_DEMANDS } from '@domain/jobs/vocabulary.ts';
import { formatFen, parseYuanToFen } from '@domain/money.ts';
import { EDUCATION_LEVELS } from '@domain/registry/vocabulary.ts';
import { Alert, Button, Col, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, type FieldProblem } from '../../api/client.ts';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { EmployerSelect } from './EmployerSelect.tsx';
import type { Job, JobFields } from './jobs-api.ts';
import { OccupationSelect } from './OccupationSelect.tsx';

export interface JobFormValues {
  employerId?: string;
  title: string;
  occupationCode?: string;
  workRegionCode: string;
  workPlace: string;
  openings?: number;
  wageMinYuan: string;
  wageMaxYuan: string;
  workingHours: string;
  accommodation: boolean;
  meals: boolean;
  contractMonths?: number | null;
  seasonFrom?: Dayjs | null;
  seasonTo?: Dayjs | null;
  ageMin?: number | null;
  ageMax?: number | null;
  sexRequired: string;
  sexReason?: string;
  educationMin: string;
  skills: string[];
  certificates: string[];
  physicalDemand: string;
  suitableForWeak: boolean;
  validUntil?: Dayjs | null;
}

const WAGE_FIELDS: Record<string, keyof JobFormValues> = { wageMinFen: 'wageMinYuan', wageMaxFen: 'wageMaxYuan' };
const FORM_FIELDS = new Set<string>([...Object.keys(L), 'employerId']);
const yuanRule = {
  validator: (_r: unknown, v?: string) =>
    !v || parseYuanToFen(v) !== undefined ? Promise.resolve() : Promise.reject(new Error('应为金额（元），如 4500 或 4500.50')),
};
const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

export function formValuesOfJob(j?: Job): Partial<JobFormValues> {
  if (!j) {
    return {
      accommodation: false,
      meals: false,
      suitableForWeak: false,
      physicalDemand: '中',
      sexRequired: '不限',
      educationMin: '不限',
      skills: [],
      certificates: [],
      workPlace: '',
      workingHours: '',
    };
  }
  return {
    employerId: String(j.employerId),
    title: j.title,
    occupationCode: j.occupationCode,
    workRegionCode: j.workRegionCode,
    workPlace: j.workPlace,
    openings: j.openings,
    wageMinYuan: formatFen(j.wageMinFen),
    wageMaxYuan: formatFen(j.wageMaxFen),
    workingHours: j.workingHours,
    accommodation: j.accommodation,
    meals: j.meals,
    contractMonths: j.contractMonths,
    seasonFrom: j.seasonFrom ? dayjs(j.seasonFrom) : null,
    seasonTo: j.seasonTo ? dayjs(j.seasonTo) : null,
    ageMin: j.ageMin,
    ageMax: j.ageMax,
    sexRequired: j.sexRequired ?? '不限',
    sexReason: j.sexReason ?? '',
    educationMin: j.educationMin ?? '不限',
    skills: j.skills,
    certificates: j.certificates,
    physicalDemand: j.physicalDemand,
    suitableForWeak: j.suitableForWeak,
    validUntil: j.validUntil ? dayjs(j.validUntil) : null,
  };
}

/**
 * Form values -> the `fields` of POST/PATCH /api/jobs (wages in fen). Empty whole numbers
 * are left out rather than sent as null: the route's schema coerces a null integer to 0.
 */
export function jobFieldsOf(v: JobFormValues): JobFields {
  const fen = (t: string) => parseYuanToFen(t ?? '');
  const whole = (n: number | null | undefined) => (n === null || n === undefined ? undefined : n);
  return {
    title: v.title,
    occupationCode: v.occupationCode,
    workRegionCode: v.workRegionCode?.trim(),
    workPlace: v.workPlace ?? '',
    openings: v.openings,
    wageMinFen: fen(v.wageMinYuan),
    wageMaxFen: fen(v.wageMaxYuan),
    workingHours: v.workingHours ?? '',
    accommodation: !!v.accommodation,
    meals: !!v.meals,
    contractMonths: whole(v.contractMonths),
    seasonFrom: day(v.seasonFrom),
    seasonTo: day(v.seasonTo),
    ageMin: whole(v.ageMin),
    ageMax: whole(v.ageMax),
    sexRequired: v.sexRequired === '不限' ? null : v.sexRequired,
    sexReason: v.sexRequired === '不限' ? null : (v.sexReason ?? ''),
    educationMin: v.educationMin === '不限' ? null : v.educationMin,
    skills: v.skills ?? [],
    certificates: v.certificates ?? [],
    physicalDemand: v.physicalDemand,
    suitableForWeak: !!v.suitableForWeak,
    validUntil: day(v.validUntil),
  };
}

interface Props {
  job?: Job;
  /** Values a new post starts with (the employer when coming from its page). */
  defaults?: Partial<JobFormValues>;
  /** Hidden for an employer's own account: the server binds the post to its employer. */
  askEmployer: boolean;
  submitText: string;
  onSubmit: (fields: JobFields, employerId?: string) => Promise<unknown>;
  onCancel: () => void;
}

export function JobForm({ job, defaults, askEmployer, submitText, onSubmit, onCancel }: Props) {
  const [form] = Form.useForm<JobFormValues>();
  const [saving, setSaving] = useState(false);
  const [rest, setRest] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string>();
  const sex = Form.useWatch('sexRequired', form);

  const submit = async (v: JobFormValues) => {
    setSaving(true);
    setRest([]);
    setError(undefined);
    try {
      await onSubmit(jobFieldsOf(v), v.employerId);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const byField = new Map<string, string[]>();
      const others: FieldProblem[] = [];
      for (const p of e.problems) {
        const raw = p.field.split('/').pop() ?? p.field;
        const field = WAGE_FIELDS[raw] ?? raw;
        if (FORM_FIELDS.has(raw) || WAGE_FIELDS[raw]) byField.set(field, [...(byField.get(field) ?? []), p.message]);
        else others.push(p);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof JobFormValues, errors })));
      setRest(others);
      setError(e.message);
    } finally {
      setSaving(false);
    }
  };

  const item = (field: JobField) => ({ name: field, label: L[field] });
  return (
    <Form<JobFormValues>
      form={form}
      layout="vertical"
      initialValues={{ ...formValuesOfJob(job), ...defaults }}
      onFinish={(v) => void submit(v)}
      scrollToFirstError
    >
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={error}
          description={rest.length ? rest.map((p) => `${p.label ?? p.field}：${p.message}`).join('；') : undefined}
        />
      )}
      <Row gutter={16}>
        {askEmployer && (
          <Col span={12}>
            <Form.Item name="employerId" label="用人单位" rules={[{ required: true, message: '请选择用人单位' }]}>
              <EmployerSelect />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          <Form.Item {...item('title')} rules={[{ required: true, message: '请填写岗位名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...item('occupationCode')} rules={[{ required: true, message: '请选择职业分类' }]}>
            <OccupationSelect />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item {...item('openings')} rules={[{ required: true, message: '请填写招聘人数' }]}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item {...item('contractMonths')}>
            <InputNumber min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            {...item('workRegionCode')}
            tooltip="省外岗位填所在省、市或县的区划代码，如 4419（东莞市）"
            rules={[{ required: true, message: '请填写工作地区划代码' }]}
          >
            <Input maxLength={12} />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item {...item('workPlace')}>
            <Input maxLength={200} placeholder="如 广东省东莞市长安镇某某工业园" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="wageMinYuan"
            label="月工资下限（元）"
            rules={[{ required: true, message: '请填写月工资下限' }, yuanRule]}
          >
            <Input suffix="元" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="wageMaxYuan"
            label="月工资上限（元）"
            rules={[{ required: true, message: '请填写月工资上限' }, yuanRule]}
          >
            <Input suffix="元" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...item('workingHours')}>
            <Input maxLength={200} placeholder="如 每天8小时，月休4天" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item {...item('accommodation')} valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item {...item('meals')} valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item {...item('physicalDemand')}>
            <Select options={PHYSICAL_DEMANDS.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item {...item('suitableForWeak')} valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item {...item('validUntil')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item {...item('seasonFrom')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item {...item('seasonTo')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item {...item('ageMin')}>
            <InputNumber min={16} max={70} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item {...item('ageMax')}>
            <InputNumber min={16} max={70} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item {...item('educationMin')}>
            <Select options={['不限', ...EDUCATION_LEVELS].map((e) => ({ value: e, label: e }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            {...item('sexRequired')}
            tooltip="就业促进法第二十七条：除国家规定不适合妇女的工种或岗位外，不得以性别为由拒绝录用"
          >
            <Select options={['不限', '男', '女'].map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        </Col>
        {sex && sex !== '不限' && (
          <Col span={24}>
            <Form.Item {...item('sexReason')} rules={[{ required: true, message: '限定性别须写明法定理由' }]}>
              <Input placeholder="如：矿山井下作业，属女职工禁忌从事的劳动范围" />
            </Form.Item>
          </Col>
        )}
        <Col span={12}>
          <Form.Item {...item('skills')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder="输入后回车，如 电焊" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item {...item('certificates')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder="输入后回车，如 焊工证" />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {submitText}
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}
