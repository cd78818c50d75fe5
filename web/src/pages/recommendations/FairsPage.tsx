// 招聘会: fairs of the user's region by year and status (a cancelled one with its reason),
// whether each county holds the two a year the documents ask for (seed 000 五; cancelled
// fairs do not count), and a new fair.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ApiError } from '../../api/client.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { todayDayjs } from '../../lib/beijing-time.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';
import { serverPagination } from '../../lib/pagination.ts';
import { StatusWithReason } from './CancelRecord.tsx';
import { RegionName } from './RegionName.tsx';
import {
  createFair,
  FAIR_KIND_NAMES,
  FAIR_STATUS_NAMES,
  type FairDetail,
  type FairKind,
  type FairListItem,
  type FairStatus,
  fairCoverage,
  listFairs,
} from './recommendations-api.ts';

export const FAIR_COLORS: Record<FairStatus, string> = { planned: 'processing', held: 'success', cancelled: 'default' };

interface NewFairValues {
  region?: string;
  title: string;
  date: Dayjs;
  venue?: string;
  kind: FairKind;
}

function NewFairModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewFairValues>();
  const create = useMutation<FairDetail, ApiError, NewFairValues>({
    mutationFn: (v) =>
      createFair({ region: v.region, title: v.title, date: v.date.format('YYYY-MM-DD'), venue: v.venue, kind: v.kind }),
    onSuccess: (f) => {
      message.success(`已新建招聘会“${f.title}”`);
      void queryClient.invalidateQueries({ queryKey: ['fairs'] });
      onClose();
      navigate(`/fairs/${f.id}`);
    },
    onError: (e) => {
      const rest = showProblemsOnForm(form, e, ['region', 'title', 'date', 'venue', 'kind']);
      if (rest.length || !e.problems.length) message.error(e.message);
    },
  });
  return (
    <Modal
      open={open}
      title="新建招聘会"
      okText="新建"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<NewFairValues>
        form={form}
        layout="vertical"
        initialValues={{ region: me.regionCode, kind: 'onsite' }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
          <Input maxLength={200} placeholder="如 2026年春风行动专场招聘会" />
        </Form.Item>
        <Form.Item name="region" label="举办地区" rules={[{ required: true, message: '请选择县、乡镇或村' }]}>
          <RegionTreeSelect />
        </Form.Item>
        <Form.Item name="date" label="举办日期" rules={[{ required: true, message: '请选择举办日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="venue" label="地点">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label="形式">
          <Select options={Object.entries(FAIR_KIND_NAMES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function FairsPage() {
  const me = useMe();
  const [year, setYear] = useState(() => todayDayjs().year());
  const [status, setStatus] = useState<FairStatus>();
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const fairs = useQuery({
    queryKey: ['fairs', year, status, page],
    queryFn: () => listFairs({ year, status, ...page }),
    placeholderData: keepPreviousData,
  });
  const coverage = useQuery({ queryKey: ['fairs', 'coverage', year], queryFn: () => fairCoverage({ year }) });
  const mayCreate = me.canWrite && me.role !== 'employer';
  return (
    <>
      <PageCard
        title="招聘会"
        extra={
          <Space>
            <span>年度</span>
            <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
            <Select<FairStatus>
              allowClear
              aria-label="状态"
              placeholder="全部状态"
              style={{ width: 120 }}
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage((p) => ({ ...p, page: 1 }));
              }}
              options={Object.entries(FAIR_STATUS_NAMES).map(([value, label]) => ({ value: value as FairStatus, label }))}
            />
            {mayCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建招聘会
              </Button>
            )}
          </Space>
        }
      >
        <ErrorAlert error={fairs.error} />
        <Table<FairListItem>
          size="middle"
          rowKey={(r) => String(r.id)}
          loading={fairs.isFetching}
          dataSource={fairs.data?.items}
          pagination={serverPagination(page, fairs.data?.total, '场', setPage)}
          columns={[
            { title: '名称', dataIndex: 'title', render: (t: string, r) => <Link to={`/fairs/${r.id}`}>{t}</Link> },
            { title: '日期', dataIndex: 'date' },
            { title: '地区', dataIndex: 'regionCode', render: (c: string) => <RegionName code={c} /> },
            { title: '地点', dataIndex: 'venue' },
            { title: '形式', dataIndex: 'kind', render: (k: FairKind) => FAIR_KIND_NAMES[k] },
            {
              title: '状态',
              key: 'status',
              render: (_v, r) => <StatusWithReason color={FAIR_COLORS[r.status]} name={r.statusName} reason={r.cancelReason} />,
            },
            { title: '岗位', dataIndex: 'jobs', align: 'right' },
            { title: '邀请', dataIndex: 'invited', align: 'right' },
            { title: '到场', dataIndex: 'attended', align: 'right' },
            { title: '录用', dataIndex: 'hired', align: 'right' },
          ]}
        />
      </PageCard>
      <PageCard title={`${year} 年各县招聘会场次（每县每年至少 ${coverage.data?.required ?? 2} 场）`}>
        <ErrorAlert error={coverage.error} />
        {coverage.data && coverage.data.short > 0 && (
          <Typography.Paragraph type="warning">{coverage.data.short} 个县尚未达到要求的场次</Typography.Paragraph>
        )}
        <Table
          size="small"
          rowKey={(r) => r.countyCode}
          loading={coverage.isFetching}
          dataSource={coverage.data?.items}
          pagination={false}
          columns={[
            { title: '县', key: 'county', render: (_v, r) => `${r.countyName}（${r.countyCode}）` },
            { title: '已办/计划场次（不含已取消）', dataIndex: 'fairs', align: 'right' },
            { title: '要求', dataIndex: 'required', align: 'right' },
            {
              title: '',
              dataIndex: 'met',
              render: (m: boolean) => (m ? <Tag color="green">已达标</Tag> : <Tag color="orange">未达标</Tag>),
            },
          ]}
        />
      </PageCard>
      <NewFairModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
