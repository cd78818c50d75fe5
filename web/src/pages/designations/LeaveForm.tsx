// 记录退出: the day a county left a list (退出、摘帽) and the document that said so. The day
// may later only be made earlier, never later nor undone (what past decisions read stays).
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { recordCountyLeaving } from '../../api/regions.ts';
import type { DesignatedCounty, DesignationList } from '../../api/types.ts';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { showDesignationProblems } from './form-problems.ts';

interface Values {
  until: Dayjs;
  basis: string;
}

interface Props {
  list: DesignationList;
  county: DesignatedCounty;
  onSaved: () => void;
  onCancel: () => void;
}

export function LeaveForm({ list, county, onSaved, onCancel }: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      recordCountyLeaving(list.id, county.code, { until: v.until.format('YYYY-MM-DD'), basis: v.basis.trim() }),
    onSuccess: onSaved,
    onError: (e) => setError(showDesignationProblems(form, e, ['until', 'basis'])),
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={(v) => {
        setError(undefined);
        save.mutate(v);
      }}
    >
      <Typography.Paragraph type="secondary">
        {county.name}（{county.code}）自退出日期起不再列入《{list.title}》。
        {county.until ? `已记录 ${county.until} 起退出，只能改为更早的日期。` : '记录后只能改为更早的日期，不能撤销。'}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      <Form.Item name="until" label="退出日期" rules={[{ required: true, message: '请选择退出日期' }]}>
        <DatePicker
          // The days the server accepts: from the list's start, and before a leaving day already recorded.
          disabledDate={(d) => {
            const day = d.format('YYYY-MM-DD');
            return day < list.from || (county.until !== null && day >= county.until);
          }}
        />
      </Form.Item>
      <Form.Item
        name="basis"
        label="退出依据"
        rules={[{ required: true, whitespace: true, message: '请填写退出依据的文件名称及文号' }]}
      >
        <Input maxLength={500} placeholder="如：云南省人民政府关于…退出贫困县的通知" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          记录退出
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}
