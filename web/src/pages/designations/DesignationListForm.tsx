// 录入名单: a 贫困县 or 深度贫困县 list the province's government published, with its document,
// the day it took effect and the counties on it (more may be added later, 补录).
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { createDesignationList } from '../../api/regions.ts';
import type { DesignationKind, DesignationList } from '../../api/types.ts';
import { useRegionName } from '../../components/AppLayout.tsx';
import { useMe } from '../../components/AuthProvider.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { CountySelect } from './CountySelect.tsx';
import { showDesignationProblems } from './form-problems.ts';

interface Values {
  kind: DesignationKind;
  province: string;
  title: string;
  basis: string;
  from: Dayjs;
  counties?: string[];
}

const FIELDS = ['kind', 'province', 'title', 'basis', 'from', 'counties'];

interface Props {
  kinds: Record<DesignationKind, string>;
  onSaved: (list: DesignationList) => void;
  onCancel: () => void;
}

export function DesignationListForm({ kinds, onSaved, onCancel }: Props) {
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  // A province officer enters its own province's lists; a national administrator names one.
  const ownProvince = /^\d{2}$/.test(me.regionCode) ? me.regionCode : undefined;
  const provinceName = useRegionName(ownProvince);
  const province = Form.useWatch('province', form) ?? ownProvince ?? '';
  const save = useMutation({
    mutationFn: (v: Values) =>
      createDesignationList({
        kind: v.kind,
        province: v.province,
        title: v.title.trim(),
        basis: v.basis.trim(),
        from: v.from.format('YYYY-MM-DD'),
        counties: v.counties ?? [],
      }),
    onSuccess: onSaved,
    onError: (e) => setError(showDesignationProblems(form, e, FIELDS)),
  });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ province: ownProvince }}
      onFinish={(v) => {
        setError(undefined);
        save.mutate(v);
      }}
    >
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      <Form.Item name="kind" label="名单类别" rules={[{ required: true, message: '请选择名单类别' }]}>
        <Select options={Object.entries(kinds).map(([value, label]) => ({ value, label }))} placeholder="请选择" />
      </Form.Item>
      <Form.Item
        name="province"
        label="省份"
        extra={ownProvince ? `${provinceName}（${ownProvince}）：名单只能列入本省的县` : undefined}
        rules={[{ required: true, pattern: /^\d{2}$/, message: '请填写2位省级区划代码' }]}
      >
        <Input disabled={!!ownProvince} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="title" label="名单名称" rules={[{ required: true, whitespace: true, message: '请填写名单名称' }]}>
        <Input maxLength={200} placeholder="如：云南省深度贫困县名单" />
      </Form.Item>
      <Form.Item
        name="basis"
        label="依据文件"
        rules={[{ required: true, whitespace: true, message: '请填写发布名单的文件名称及文号' }]}
      >
        <Input maxLength={500} placeholder="文件名称及文号" />
      </Form.Item>
      <Form.Item name="from" label="执行日期" rules={[{ required: true, message: '请选择名单执行日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="counties" label="列入的县" extra="也可以先录入名单，再补录县">
        <CountySelect province={province} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存名单
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}
