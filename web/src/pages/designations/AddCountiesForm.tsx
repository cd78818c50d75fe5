// 补录县: counties a list holds but that were left out when it was entered.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { addDesignatedCounties } from '../../api/regions.ts';
import type { DesignationList } from '../../api/types.ts';
import { CountySelect } from './CountySelect.tsx';
import { showDesignationProblems } from './form-problems.ts';

interface Props {
  list: DesignationList;
  onSaved: (added: number) => void;
  onCancel: () => void;
}

export function AddCountiesForm({ list, onSaved, onCancel }: Props) {
  const [form] = Form.useForm<{ counties: string[] }>();
  const [error, setError] = useState<string>();
  const save = useMutation({
    mutationFn: (counties: string[]) => addDesignatedCounties(list.id, counties),
    onSuccess: (r) => onSaved(r.added),
    onError: (e) => setError(showDesignationProblems(form, e, ['counties'])),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => {
        setError(undefined);
        save.mutate(v.counties);
      }}
    >
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      <Form.Item name="counties" label="补录的县" rules={[{ required: true, message: '请选择至少一个县' }]}>
        <CountySelect province={list.province} exclude={list.counties.map((c) => c.code)} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          补录
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}
