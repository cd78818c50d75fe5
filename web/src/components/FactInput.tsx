// One form control per fact type of a rule's facts spec, and the conversion of the form's
// values into the facts of a case (yuan typed on screen become fen; empty means "not given").
import type { FactSpec, FactInput as FactValue } from '@domain/rules/types.ts';
import { Form, Input, InputNumber, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import type { FactInfo } from '../api/rules.ts';
import { DatePicker } from '../lib/beijing-picker.ts';

const BOOL_OPTIONS = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

const NEED_TAGS = { amount: <Tag>计算金额用</Tag>, optional: <Tag>可选</Tag>, eligibility: null } as const;

function control(spec: FactSpec, label: string) {
  switch (spec.type) {
    case 'boolean':
      return <Select allowClear options={BOOL_OPTIONS} placeholder="未填" aria-label={label} />;
    case 'integer':
      return <InputNumber min={spec.min} max={spec.max} precision={0} style={{ width: '100%' }} aria-label={label} />;
    case 'fen':
      return <InputNumber min={0} precision={2} suffix="元" style={{ width: '100%' }} aria-label={label} />;
    case 'date':
      return <DatePicker style={{ width: '100%' }} aria-label={label} />;
    case 'enum':
      return <Select allowClear options={spec.values.map((v) => ({ value: v, label: v }))} aria-label={label} />;
    case 'region':
      return <Input placeholder="区划代码，或“省外”" aria-label={label} />;
    default:
      return <Input aria-label={label} />;
  }
}

/**
 * The form fields of a facts spec, named facts.<name>; `register` marks the facts the register
 * can supply. Facts the designated-county lists give are marked everywhere: every evaluation
 * (试算, 申报) reads the lists for the case's region and date when the fact is left empty.
 */
export function FactFields({ facts, register }: { facts: readonly FactInfo[]; register?: boolean }) {
  return (
    <>
      {facts.map((spec) => {
        // Amounts are typed in yuan: the label says so even where the spec names fen.
        const label = spec.type === 'fen' ? spec.label.replace('（分）', '（元）') : spec.label;
        return (
          <Form.Item
            key={spec.name}
            name={['facts', spec.name]}
            label={
              <span>
                {label} {NEED_TAGS[spec.need]}
                {register && spec.fromRegister && <Tag color="blue">可从台账读取</Tag>}
                {spec.fromDesignation && <Tag color="cyan">可从区划认定读取</Tag>}
              </span>
            }
            tooltip={spec.type === 'fen' ? '以元填写，保存为分' : undefined}
          >
            {control(spec, label)}
          </Form.Item>
        );
      })}
    </>
  );
}

/** Form values -> case facts; unanswered facts are left out so the engine reports them missing. */
export function toFacts(specs: readonly FactInfo[], values: Record<string, unknown> | undefined): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {};
  for (const spec of specs) {
    const v = values?.[spec.name];
    if (v === undefined || v === null || v === '') continue;
    if (spec.type === 'boolean') facts[spec.name] = v === 'true' || v === true;
    else if (spec.type === 'fen') facts[spec.name] = Math.round(Number(v) * 100);
    else if (spec.type === 'integer') facts[spec.name] = Number(v);
    else if (spec.type === 'date') facts[spec.name] = (v as Dayjs).format('YYYY-MM-DD');
    else facts[spec.name] = String(v).trim();
  }
  return facts;
}
