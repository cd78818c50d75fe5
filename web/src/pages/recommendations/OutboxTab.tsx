// 推送记录: every message of the outbox in the region with its channel, recipient (masked by
// the viewer's rights), text, delivery status, attempts and the last error.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { beijingDateTime } from '../../lib/beijing-time.ts';
import { serverPagination } from '../../lib/pagination.ts';
import { CHANNEL_NAMES, listOutbox, type OutboxItem, type OutboxStatus } from './recommendations-api.ts';

const STATUS_COLORS: Record<OutboxStatus, string> = {
  queued: 'default',
  sending: 'processing',
  sent: 'success',
  retry: 'warning',
  failed: 'error',
};
const STATUS_OPTIONS: { value: OutboxStatus; label: string }[] = [
  { value: 'queued', label: '待发送' },
  { value: 'sending', label: '发送中' },
  { value: 'sent', label: '已发送' },
  { value: 'retry', label: '等待重试' },
  { value: 'failed', label: '发送失败' },
];

export function OutboxTab({ region }: { region?: string }) {
  const [filters, setFilters] = useState<{ status?: string; channel?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: ['outbox', region, filters, page],
    queryFn: () => listOutbox({ region, ...filters, ...page }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some((i) => i.status === 'queued' || i.status === 'retry') ? 5000 : false),
  });
  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="渠道">
          <Select
            allowClear
            style={{ width: 130 }}
            value={filters.channel}
            onChange={(v?: string) => setFilters({ ...filters, channel: v })}
            options={Object.entries(CHANNEL_NAMES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="状态">
          <Select
            allowClear
            style={{ width: 130 }}
            value={filters.status}
            onChange={(v?: string) => setFilters({ ...filters, status: v })}
            options={STATUS_OPTIONS}
          />
        </Form.Item>
        <Form.Item>
          <Space wrap>
            {(list.data?.counts ?? []).map((c) => (
              <Tag key={`${c.channel}-${c.status}`} color={STATUS_COLORS[c.status]}>
                {c.channelName}·{c.statusName} {c.n}
              </Tag>
            ))}
          </Space>
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} />
      <Table<OutboxItem>
        size="small"
        rowKey={(r) => String(r.id)}
        loading={list.isFetching && !list.data}
        dataSource={list.data?.items}
        pagination={serverPagination(page, list.data?.total, '条', setPage)}
        columns={[
          { title: '渠道', dataIndex: 'channelName', width: 90 },
          { title: '接收人', dataIndex: 'recipient', width: 140 },
          {
            title: '内容',
            dataIndex: 'text',
            render: (t: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: t }} style={{ marginBottom: 0 }}>
                {t}
              </Typography.Paragraph>
            ),
          },
          {
            title: '状态',
            key: 'status',
            width: 110,
            render: (_v, r) => (
              <Tooltip title={r.lastError || undefined}>
                <Tag color={STATUS_COLORS[r.status]}>{r.statusName}</Tag>
              </Tooltip>
            ),
          },
          { title: '尝试次数', dataIndex: 'attempts', width: 80, align: 'right' },
          { title: '发送时间', dataIndex: 'sentAt', width: 170, render: (t: string | null) => beijingDateTime(t) },
        ]}
      />
    </>
  );
}
