// 拨付批次: approved claims of one fund and region gathered into a batch, the list of batches
// (a voided one with its reason).
import { FUND_NAMES, FUND_SOURCES, type FundSource } from '@domain/rules/types.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { type Batch, createBatch, listBatches, listClaims } from '../../api/claims.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { beijingDateTime } from '../../lib/beijing-time.ts';
import { yuan } from '../../lib/format.ts';

const BATCH_COLORS: Record<Batch['status'], string> = {
  open: 'default',
  exported: 'processing',
  reconciled: 'success',
  voided: 'error',
};

function NewBatch() {
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const queue = useQuery({
    queryKey: ['claims', { status: 'approved,failed', pageSize: 1 }],
    queryFn: () => listClaims({ status: 'approved,failed', pageSize: 1 }),
  });
  const create = useMutation({
    mutationFn: (v: { fund: FundSource; region: string }) => createBatch({ fund: v.fund, region: v.region.trim() }),
    onSuccess: (r) => {
      message.success(`已生成拨付批次 ${r.batch.number}（${r.batch.lineCount} 笔）`);
      void queryClient.invalidateQueries({ queryKey: ['batches'] });
      void queryClient.invalidateQueries({ queryKey: ['claims'] });
      void queryClient.invalidateQueries({ queryKey: ['claim'] }); // each claim's own page too
      navigate(`/payments/${r.batch.id}`);
    },
    onError: (e) => message.error((e as Error).message),
  });
  if (me.role !== 'county') return null;
  return (
    <PageCard title="生成拨付批次">
      <Form
        layout="inline"
        initialValues={{ fund: 'employment_fund', region: me.regionCode }}
        onFinish={(v: { fund: FundSource; region: string }) => create.mutate(v)}
      >
        <Form.Item name="fund" label="资金来源">
          <Select
            style={{ width: 180 }}
            aria-label="资金来源"
            options={FUND_SOURCES.map((f) => ({ value: f, label: FUND_NAMES[f] }))}
          />
        </Form.Item>
        <Form.Item name="region" label="地区" rules={[{ required: true, message: '请填写区划代码' }]}>
          <Input style={{ width: 140 }} aria-label="地区" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            生成批次
          </Button>
        </Form.Item>
        <Form.Item>
          <Link to="/claims?status=approved">待拨付申请 {queue.data?.total ?? '-'} 件</Link>
        </Form.Item>
      </Form>
    </PageCard>
  );
}

export function PaymentsPage() {
  const batches = useQuery({ queryKey: ['batches'], queryFn: () => listBatches() });
  return (
    <>
      <NewBatch />
      <PageCard title="拨付批次">
        <ErrorAlert error={batches.error} />
        <Table<Batch>
          size="small"
          rowKey={(b) => String(b.id)}
          loading={batches.isFetching}
          dataSource={batches.data}
          columns={[
            { title: '批次号', dataIndex: 'number', render: (n: string, b) => <Link to={`/payments/${b.id}`}>{n}</Link> },
            { title: '资金来源', dataIndex: 'fundName' },
            { title: '地区', dataIndex: 'region' },
            { title: '笔数', dataIndex: 'lineCount', align: 'right' },
            { title: '金额', dataIndex: 'totalFen', align: 'right', render: (f: number) => yuan(f) },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: Batch['status'], b) => (
                <Space size={4} wrap>
                  <Tag color={BATCH_COLORS[s]}>{b.statusName}</Tag>
                  {b.voidReason && <Typography.Text type="secondary">{b.voidReason}</Typography.Text>}
                </Space>
              ),
            },
            { title: '生成时间', dataIndex: 'createdAt', render: (t: string) => beijingDateTime(t) },
          ]}
        />
      </PageCard>
    </>
  );
}
