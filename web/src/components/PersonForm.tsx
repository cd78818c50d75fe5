// The laborer record form, for 新增 and 修改. The server validates; its problems appear on
// the fields they name, anything else in the alert above the form.
import { Alert, Button, Col, Divider, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError, type FieldProblem } from '../api/client.ts';
import { showProblemsOnForm } from '../lib/form-errors.ts';
import { type FieldSpec, PERSON_FIELD_NAMES, PERSON_SECTIONS, type PersonFormValues } from './person-fields.ts';
import { RegionTreeSelect } from './RegionTreeSelect.tsx';

const options = (values: readonly string[] | undefined) => (values ?? []).map((v) => ({ value: v, label: v }));

/** Form.Item passes id, value and onChange to its child: hand them on to the control. */
interface ControlProps {
  id?: string;
  value?: string | string[];
  onChange?: (value: unknown) => void;
}

function FieldInput({ field, ...control }: { field: FieldSpec } & ControlProps) {
  const value = control.value as never;
  switch (field.kind) {
    case 'select':
      return <Select {...control} value={value} allowClear showSearch options={options(field.options)} placeholder="请选择" />;
    case 'yesno':
      return <Select {...control} value={value} allowClear options={options(['是', '否'])} placeholder="请选择" />;
    case 'tags':
      return (
        <Select
          {...control}
          value={value}
          mode="tags"
          tokenSeparators={['、', ',', '，']}
          open={false}
          placeholder="输入后回车，可填多个"
        />
      );
    case 'multi':
      return (
        <Select {...control} value={value} mode="multiple" allowClear options={options(field.options)} placeholder="可多选" />
      );
    case 'village':
      return (
        <RegionTreeSelect
          id={control.id}
          value={control.value as string | undefined}
          onChange={control.onChange}
          villagesOnly
          placeholder="选择所在村（社区）"
        />
      );
    default:
      return (
        <Input
          id={control.id}
          value={control.value as string | undefined}
          onChange={(e) => control.onChange?.(e)}
          placeholder={field.placeholder}
          allowClear
        />
      );
  }
}

interface Props {
  initialValues?: PersonFormValues;
  submitText: string;
  onSubmit(values: PersonFormValues): Promise<unknown>;
  onCancel?(): void;
}

export function PersonForm({ initialValues, submitText, onSubmit, onCancel }: Props) {
  const [form] = Form.useForm<PersonFormValues>();
  const [error, setError] = useState<{ message: string; rest: FieldProblem[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const householdType = Form.useWatch('householdType', form);

  const submit = async (values: PersonFormValues) => {
    setError(null);
    setSaving(true);
    try {
      await onSubmit(values);
    } catch (e) {
      const rest = showProblemsOnForm(form, e, PERSON_FIELD_NAMES);
      setError({ message: e instanceof ApiError ? e.message : String(e), rest });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<PersonFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} scrollToFirstError>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={error.message}
          description={error.rest.length ? error.rest.map((p) => `${p.label ?? p.field}：${p.message}`).join('；') : undefined}
        />
      )}
      {PERSON_SECTIONS.map((section) => (
        <div key={section.title}>
          <Divider titlePlacement="start">{section.title}</Divider>
          <Row gutter={16}>
            {section.fields.map((f) => (
              <Col key={f.name} xs={24} sm={12} lg={8}>
                <Form.Item
                  name={f.name}
                  label={f.label}
                  rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : undefined}
                  extra={f.name === 'monitoringCategory' && householdType === '监测对象' ? '监测对象户必须填写类别' : undefined}
                >
                  <FieldInput field={f} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </div>
      ))}
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {submitText}
        </Button>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
      </Space>
    </Form>
  );
}
