// The employer form (new and edit): fields of src/domain/jobs/employer-input.ts; the server's
// per-field problems (credit code check character, duplicate) shown on the fields they name.
import { EMPLOYER_FIELD_LABELS as L } from '@domain/jobs/employer-input.ts';
import { INDUSTRY_SECTIONS } from '@domain/jobs/vocabulary.ts';
import { Alert, Button, Col, Form, Input, Row, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Employer } from '../../api/employers.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';
import type { EmployerFields } from './jobs-api.ts';

interface Props {
  employer?: Employer;
  defaults?: Partial<EmployerFields>;
  /** An employer's own account changes only its contact and address. */
  selfEdit?: boolean;
  submitText: string;
  onSubmit: (fields: Partial<EmployerFields>) => Promise<unknown>;
  onCancel: () => void;
}

const FIELDS = Object.keys(L);
const SELF_FIELDS = new Set(['contactName', 'contactPhone', 'address']);

export function EmployerForm({ employer, defaults, selfEdit, submitText, onSubmit, onCancel }: Props) {
  const [form] = Form.useForm<EmployerFields>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const locked = (f: string) => !!selfEdit && !SELF_FIELDS.has(f);

  const submit = async (v: EmployerFields) => {
    setSaving(true);
    setError(undefined);
    try {
      const fields = selfEdit
        ? { contactName: v.contactName, contactPhone: v.contactPhone, address: v.address }
        : { ...v, creditCode: v.creditCode?.trim().toUpperCase() };
      await onSubmit(fields);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const rest = showProblemsOnForm(form, e, FIELDS);
      setError(rest.length || !e.problems.length ? e.message : undefined);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<EmployerFields>
      form={form}
      layout="vertical"
      initialValues={{ isWorkshop: false, isBase: false, industry: '', ...defaults, ...employer }}
      onFinish={(v) => void submit(v)}
    >
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={L.name} rules={[{ required: true, message: '请填写单位名称' }]}>
            <Input maxLength={100} disabled={locked('name')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="creditCode"
            label={L.creditCode}
            rules={[
              { required: true, message: '请填写统一社会信用代码' },
              { len: 18, message: '应为18位' },
            ]}
          >
            <Input maxLength={18} disabled={locked('creditCode')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="regionCode" label={L.regionCode} rules={[{ required: true, message: '请填写注册地区划代码' }]}>
            <Input maxLength={12} disabled={locked('regionCode')} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="industry" label={L.industry}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              disabled={locked('industry')}
              options={Object.entries(INDUSTRY_SECTIONS).map(([k, v]) => ({ value: k, label: `${k} ${v}` }))}
            />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="isWorkshop" label={L.isWorkshop} valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" disabled={locked('isWorkshop')} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="isBase" label={L.isBase} valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" disabled={locked('isBase')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="contactName" label={L.contactName}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="contactPhone" label={L.contactPhone}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="address" label={L.address}>
            <Input maxLength={200} />
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
