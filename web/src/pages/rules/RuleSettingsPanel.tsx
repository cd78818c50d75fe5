// 地区设定: the values regions set for the parameters a document leaves to them, each with its
// period (a new value starts a new period, earlier periods stay as they were), and a form for
// officers of the level the parameter names.
import { SETTING_LEVEL_LENGTH } from '@domain/rules/types.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { addSetting, getSettings, type ParameterInfo, type RuleInfo, type RuleSetting } from '../../api/rules.ts';
import type { Me } from '../../api/types.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { todayDayjs } from '../../lib/beijing-time.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';
import { isMoneyUnit, paramValue, period } from '../../lib/rules-format.ts';

/** Officers who set standards: province, city (league) and county, at or above the parameter's level. */
const SETTERS = new Set(['province', 'city', 'county']);

export function maySet(me: Me, p: ParameterInfo): boolean {
  if (!p.setBy || !SETTERS.has(me.role)) return false;
  return me.regionCode.length <= SETTING_LEVEL_LENGTH[p.setBy];
}

interface FormValues {
  region: string;
  from: Dayjs;
  value: string | number;
  note?: string;
}

function SettingForm({ rule, p, onSaved }: { rule: RuleInfo; p: ParameterInfo; onSaved: () => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const len = SETTING_LEVEL_LENGTH[p.setBy ?? 'county'];
  const ownLevel = me.regionCode.length === len;
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      addSetting({
        rule: rule.id,
        parameter: p.name,
        region: v.region,
        from: v.from.format('YYYY-MM-DD'),
        value: isMoneyUnit(p.unit) ? String(Math.round(Number(v.value) * 100)) : String(v.value),
        note: v.note?.trim() || undefined,
      }),
    onSuccess: () => {
      message.success('已保存设定');
      form.resetFields(['value', 'note']);
      onSaved();
    },
    onError: (e) => {
      const rest = showProblemsOnForm(form, e, ['region', 'from', 'value', 'note']);
      message.error(rest.length ? rest.map((x) => x.message).join('；') : (e as Error).message);
    },
  });
  return (
    <Form<FormValues>
      form={form}
      layout="inline"
      initialValues={{ region: ownLevel ? me.regionCode : '', from: todayDayjs() }}
      onFinish={(v) => save.mutate(v)}
      style={{ marginBottom: 12, rowGap: 8 }}
    >
      <Form.Item
        name="region"
        label={`${p.setByName ?? '地区'}代码`}
        rules={[
          { required: true, message: '请填写区划代码' },
          {
            pattern: new RegExp(`^${me.regionCode}\\d{${len - me.regionCode.length}}$`),
            message: `应为本辖区内 ${len} 位区划代码`,
          },
        ]}
      >
        <Input disabled={ownLevel} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="from" label="起始日期" rules={[{ required: true, message: '请选择起始日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="value" label="取值" rules={[{ required: true, message: '请填写取值' }]}>
        {p.unit === 'choice' ? (
          <Select
            style={{ width: 320 }}
            aria-label="取值"
            options={(p.choices ?? []).map((c) => ({ value: c.value, label: `${c.label}（${c.citation.article}）` }))}
          />
        ) : (
          <InputNumber min={0} precision={isMoneyUnit(p.unit) ? 2 : 0} suffix={isMoneyUnit(p.unit) ? '元' : undefined} />
        )}
      </Form.Item>
      <Form.Item name="note" label="文件依据/备注">
        <Input style={{ width: 220 }} placeholder="如：会人社发〔2019〕3号" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存设定
        </Button>
      </Form.Item>
    </Form>
  );
}

export function RuleSettingsPanel({ rule }: { rule: RuleInfo }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const open = rule.parameters.filter((p) => p.setBy);
  const [name, setName] = useState(open[0]?.name);
  const p = open.find((x) => x.name === name);
  const settings = useQuery({
    queryKey: ['rule-settings', rule.id],
    queryFn: () => getSettings(rule.id),
    enabled: open.length > 0,
  });
  if (open.length === 0) return <Empty description="本规则的参数均由文件规定，无需地区设定" />;
  const rows = (settings.data?.items ?? []).filter((s) => s.parameter === name);

  return (
    <>
      <Typography.Paragraph>
        <Select
          value={name}
          onChange={setName}
          style={{ minWidth: 360 }}
          aria-label="参数"
          options={open.map((x) => ({ value: x.name, label: `${x.label}（由${x.setByName ?? '地区'}设定）` }))}
        />
      </Typography.Paragraph>
      {p && maySet(me, p) ? (
        <SettingForm
          rule={rule}
          p={p}
          onSaved={() => void queryClient.invalidateQueries({ queryKey: ['rule-settings', rule.id] })}
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`此参数由${p?.setByName ?? '地区'}人社部门设定；未设定的地区，试算结果为“符合条件，标准未设定”。`}
        />
      )}
      <ErrorAlert error={settings.error} />
      <Table<RuleSetting>
        size="small"
        rowKey={(s) => String(s.id)}
        loading={settings.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: '地区', key: 'region', render: (_v, s) => s.region },
          {
            title: '取值',
            key: 'value',
            render: (_v, s) => s.valueLabel ?? (p ? paramValue(p.unit, s.value, p.choices) : String(s.value)),
          },
          { title: '有效期', key: 'period', render: (_v, s) => period(s.from, s.to) },
          { title: '备注', dataIndex: 'note', render: (n?: string | null) => n || '-' },
          { title: '设定人', dataIndex: 'createdBy', render: (n?: string | null) => n || '-' },
        ]}
      />
    </>
  );
}
