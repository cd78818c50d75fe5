// 就业经历 form (new spell or correction of one), in a modal.
import { SPELL_FIELD_LABELS, type SpellField } from '@domain/registry/spell-input.ts';
import { EMPLOYMENT_CHANNELS, OUT_OF_PROVINCE } from '@domain/registry/vocabulary.ts';
import { Alert, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { ApiError, type FieldProblem } from '../api/client.ts';
import type { Spell, SpellFields } from '../api/types.ts';
import { DatePicker } from '../lib/beijing-picker.ts';
import { showProblemsOnForm } from '../lib/form-errors.ts';
import { EmployerNameInput, useEmployerSuggestions } from './EmployerNameInput.tsx';

interface SpellFormValues {
  channel?: string;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  place?: string;
  employer?: string;
  employerCreditCode?: string;
  monthlyIncome?: string;
  insured?: string;
}

const SPELL_FIELDS = Object.keys(SPELL_FIELD_LABELS) as SpellField[];
const L = SPELL_FIELD_LABELS;

/** The channel whose spells 政策找人 counts for a workshop: by the linked workshop, else by its registered name. */
const WORKSHOP_CHANNEL = '帮扶车间';
const UNKNOWN_WORKSHOP =
  '未找到同名的已登记帮扶车间或就业帮扶基地：政策找人按关联的登记车间统计吸纳人数，请从列表中选择（按统一社会信用代码关联）或先登记该车间';

function toFields(v: SpellFormValues): SpellFields {
  return {
    channel: v.channel ?? '',
    startDate: v.startDate ? v.startDate.format('YYYY-MM-DD') : '',
    endDate: v.endDate ? v.endDate.format('YYYY-MM-DD') : '',
    place: (v.place ?? '').trim(),
    employer: (v.employer ?? '').trim(),
    employerCreditCode: (v.employerCreditCode ?? '').trim(),
    monthlyIncome: (v.monthlyIncome ?? '').trim(),
    insured: v.insured ?? '',
  };
}

function fromSpell(s: Spell): SpellFormValues {
  const fen = Number(s.monthlyIncomeFen);
  return {
    channel: s.channel,
    startDate: dayjs(s.startDate),
    endDate: s.endDate ? dayjs(s.endDate) : null,
    place: s.outOfProvince ? `${OUT_OF_PROVINCE}:${s.placeName}` : (s.placeCode ?? s.placeName),
    employer: s.employer,
    employerCreditCode: s.employerCreditCode ?? '',
    monthlyIncome: fen ? (fen / 100).toFixed(2) : '',
    insured: s.insured ? '是' : '否',
  };
}

interface Props {
  open: boolean;
  spell?: Spell;
  onSubmit(fields: SpellFields): Promise<unknown>;
  onClose(): void;
}

export function SpellFormModal({ open, spell, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<SpellFormValues>();
  const [error, setError] = useState<{ message: string; rest: FieldProblem[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const atWorkshop = Form.useWatch('channel', form) === WORKSHOP_CHANNEL;
  const employers = useEmployerSuggestions(Form.useWatch('employer', form), atWorkshop);
  const linked = Boolean(Form.useWatch('employerCreditCode', form));
  // The employer the credit code came with (picked from the list, or the spell's link): typing
  // another name drops the code, as the server drops a link when another employer is named.
  const linkedName = useRef<string | null>(spell?.employerCreditCode ? spell.employer : null);
  const onValuesChange = (changed: Partial<SpellFormValues>) => {
    if (changed.employer === undefined || linkedName.current === null) return;
    if (changed.employer.trim() !== linkedName.current) {
      linkedName.current = null;
      form.setFieldsValue({ employerCreditCode: '' });
    }
  };

  const submit = async () => {
    const values = await form.validateFields();
    setError(null);
    setSaving(true);
    try {
      await onSubmit(toFields(values));
      form.resetFields();
      onClose();
    } catch (e) {
      const rest = showProblemsOnForm(form, e, SPELL_FIELDS);
      setError({ message: e instanceof ApiError ? e.message : String(e), rest });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={spell ? '修改就业经历' : '新增就业经历'}
      open={open}
      onOk={() => void submit().catch(() => {})}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
    >
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={error.message}
          description={error.rest.length ? error.rest.map((p) => `${p.label ?? p.field}：${p.message}`).join('；') : undefined}
        />
      )}
      <Form<SpellFormValues>
        form={form}
        layout="vertical"
        initialValues={spell ? fromSpell(spell) : { insured: '否' }}
        preserve={false}
        onValuesChange={onValuesChange}
      >
        <Form.Item name="channel" label={L.channel} rules={[{ required: true, message: `请选择${L.channel}` }]}>
          <Select options={EMPLOYMENT_CHANNELS.map((c) => ({ value: c, label: c }))} placeholder="请选择" />
        </Form.Item>
        <Form.Item name="startDate" label={L.startDate} rules={[{ required: true, message: `请选择${L.startDate}` }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endDate" label={L.endDate} extra="仍在就业则留空">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={L.place} extra="省内填区划代码（如 150425）；省外填“省外:广东省深圳市”">
          <Input allowClear />
        </Form.Item>
        {/* A warning, not an error: a name not (yet) registered may still be saved. */}
        <Form.Item
          name="employer"
          label={L.employer}
          {...(employers.unknownWorkshop && !linked ? { validateStatus: 'warning' as const, help: UNKNOWN_WORKSHOP } : {})}
        >
          <EmployerNameInput
            suggestions={employers}
            onPick={(e) => {
              linkedName.current = e.name.trim();
              form.setFieldsValue({ employerCreditCode: e.creditCode });
            }}
          />
        </Form.Item>
        <Form.Item
          name="employerCreditCode"
          label={L.employerCreditCode}
          extra="从上方列表选择已登记的单位时自动填写，就业经历即与该单位关联；未登记的单位不填"
        >
          <Input allowClear maxLength={18} placeholder="18位统一社会信用代码" />
        </Form.Item>
        <Form.Item name="monthlyIncome" label={L.monthlyIncome}>
          <Input allowClear suffix="元" inputMode="decimal" />
        </Form.Item>
        <Form.Item name="insured" label={L.insured}>
          <Select options={['是', '否'].map((v) => ({ value: v, label: v }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
