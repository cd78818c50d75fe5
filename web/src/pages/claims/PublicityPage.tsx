// 公示: reviewed claims put on a list for a period; the lists with their status. Closing a
// list after its period moves its claims on to payment; an objection sends a claim back.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Claim, createPublicity, listClaims, listPublicity, type Publicity } from '../../api/claims.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { todayDayjs } from '../../lib/beijing-time.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';
import { yuan } from '../../lib/format.ts';
import { period } from '../../lib/rules-format.ts';

interface NewList {
  title: string;
  region: string;
  from: Dayjs;
  to: Dayjs;
}

function NewPublicity() {
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewList>();
  const [selected, setSelected] = useState<string[]>([]);
  const reviewed = useQuery({
    queryKey: ['claims', { status: 'reviewed', pageSize: 200 }],
    queryFn: () => listClaims({ status: 'reviewed', pageSize: 200 }),
  });
  const create = useMutation({
    mutationFn: (v: NewList) =>
      createPublicity({
        title: v.title.trim(),
        region: v.region.trim(),
        from: v.from.format('YYYY-MM-DD'),
        to: v.to.format('YYYY-MM-DD'),
        claimIds: selected,
      }),
    onSuccess: (r) => {
      message.success(`已发布公示「${r.list.title}」`);
      void queryClient.invalidateQueries({ queryKey: ['claims'] });
      void queryClient.invalidateQueries({ queryKey: ['claim'] }); // each claim's own page too
      void queryClient.invalidateQueries({ queryKey: ['publicity'] });
      navigate(`/publicity/${r.list.id}`);
    },
    onError: (e) => {
      const rest = showProblemsOnForm(form, e, ['title', 'region', 'from', 'to']);
      message.error(rest.length ? rest.map((p) => p.message).join('；') : (e as Error).message);
    },
  });
  if (me.role !== 'county') return null;
  return (
    <PageCard title="发布公示">
      <ErrorAlert error={reviewed.error} />
      <Table<Claim>
        size="small"
        rowKey={(c) => String(c.id)}
        loading={reviewed.isFetching}
        dataSource={reviewed.data?.items}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        pagination={false}
        locale={{ emptyText: '没有审核通过、待公示的申请' }}
        style={{ marginBottom: 16 }}
        columns={[
          { title: '申请编号', dataIndex: 'number', render: (n: string, c) => <Link to={`/claims/${c.id}`}>{n}</Link> },
          { title: '申领人', dataIndex: 'beneficiaryName' },
          { title: '地区', dataIndex: 'regionName' },
          { title: '补贴项目', dataIndex: 'ruleTitle' },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
        ]}
      />
      <Form<NewList>
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{
          title: `${todayDayjs().year()}年就业帮扶补贴公示`,
          region: me.regionCode,
          from: todayDayjs(),
          to: todayDayjs().add(6, 'day'),
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
          <Input style={{ width: 280 }} aria-label="标题" />
        </Form.Item>
        <Form.Item name="region" label="公示范围" rules={[{ required: true, message: '请填写区划代码' }]}>
          <Input style={{ width: 140 }} aria-label="公示范围" />
        </Form.Item>
        <Form.Item name="from" label="公示开始日期" rules={[{ required: true, message: '请选择公示开始日期' }]}>
          <DatePicker aria-label="公示开始日期" />
        </Form.Item>
        <Form.Item name="to" label="公示截止日期" rules={[{ required: true, message: '请选择公示截止日期' }]}>
          <DatePicker aria-label="公示截止日期" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" disabled={selected.length === 0} loading={create.isPending}>
            发布公示（{selected.length} 件）
          </Button>
        </Form.Item>
      </Form>
    </PageCard>
  );
}

export function PublicityPage() {
  const lists = useQuery({ queryKey: ['publicity'], queryFn: () => listPublicity({}) });
  return (
    <>
      <NewPublicity />
      <PageCard title="公示名单">
        <ErrorAlert error={lists.error} />
        <Table<Publicity>
          size="small"
          rowKey={(l) => String(l.id)}
          loading={lists.isFetching}
          dataSource={lists.data}
          columns={[
            { title: '标题', dataIndex: 'title', render: (t: string, l) => <Link to={`/publicity/${l.id}`}>{t}</Link> },
            { title: '公示范围', dataIndex: 'region' },
            { title: '公示期', key: 'period', render: (_v, l) => period(l.from, l.to) },
            { title: '件数', dataIndex: 'itemCount', render: (n?: number) => n ?? '-' },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: Publicity['status'], l) => <Tag color={s === 'open' ? 'purple' : 'default'}>{l.statusName}</Tag>,
            },
          ]}
        />
      </PageCard>
    </>
  );
}
