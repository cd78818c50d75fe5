// 劳务输出: organized export batches (origin, destination, employer, transport, date, leader)
// by status (a cancelled one with its reason) and a new batch.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, Modal, Row, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ApiError } from '../../api/client.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';
import { serverPagination } from '../../lib/pagination.ts';
import { EmployerSelect } from '../jobs/EmployerSelect.tsx';
import { listJobs } from '../jobs/jobs-api.ts';
import { StatusWithReason } from './CancelRecord.tsx';
import { RegionName } from './RegionName.tsx';
import {
  createExport,
  EXPORT_STATUS_NAMES,
  type ExportDetail,
  type ExportListItem,
  type ExportStatus,
  listExports,
  TRANSPORTS,
  type Transport,
} from './recommendations-api.ts';

export const EXPORT_COLORS: Record<ExportStatus, string> = {
  planned: 'processing',
  departed: 'success',
  cancelled: 'default',
};

interface NewExportValues {
  region?: string;
  destination: string;
  destinationCode?: string;
  employerId: string;
  jobId?: string;
  transport: Transport;
  departureDate: Dayjs;
  leader?: string;
}

function NewExportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewExportValues>();
  const employerId = Form.useWatch('employerId', form);
  const jobs = useQuery({
    queryKey: ['jobs', { employer: employerId, status: 'open', pageSize: 100 }],
    queryFn: () => listJobs({ employer: employerId, status: 'open', pageSize: 100 }),
    enabled: !!employerId,
  });
  const create = useMutation<ExportDetail, ApiError, NewExportValues>({
    mutationFn: (v) =>
      createExport({
        region: v.region,
        destination: v.destination,
        destinationCode: v.destinationCode?.trim() || undefined,
        employerId: v.employerId,
        jobId: v.jobId,
        transport: v.transport,
        departureDate: v.departureDate.format('YYYY-MM-DD'),
        leader: v.leader,
      }),
    onSuccess: (b) => {
      message.success(`已新建劳务输出批次（${b.destination}，${b.departureDate}）`);
      void queryClient.invalidateQueries({ queryKey: ['exports'] });
      onClose();
      navigate(`/exports/${b.id}`);
    },
    onError: (e) => {
      const rest = showProblemsOnForm(form, e, [
        'region',
        'destination',
        'destinationCode',
        'employerId',
        'jobId',
        'transport',
        'departureDate',
        'leader',
      ]);
      if (rest.length || !e.problems.length) message.error(e.message);
    },
  });
  return (
    <Modal
      open={open}
      width={760}
      title="新建劳务输出批次"
      okText="新建"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<NewExportValues>
        form={form}
        layout="vertical"
        initialValues={{ region: me.regionCode, transport: '包车' }}
        onFinish={(v) => create.mutate(v)}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="region" label="输出地（组织单位）" rules={[{ required: true, message: '请选择县、乡镇或村' }]}>
              <RegionTreeSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="departureDate" label="出发日期" rules={[{ required: true, message: '请选择出发日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="destination" label="输入地" rules={[{ required: true, message: '请填写输入地' }]}>
              <Input maxLength={200} placeholder="如 广东省东莞市长安镇" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="destinationCode" label="输入地区划代码">
              <Input maxLength={12} placeholder="如 4419" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="employerId" label="用人单位" rules={[{ required: true, message: '请选择用人单位' }]}>
              <EmployerSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="jobId" label="岗位（录用计入岗位已招人数）">
              <Select
                allowClear
                disabled={!employerId}
                options={(jobs.data?.items ?? []).map((j) => ({ value: String(j.id), label: j.title }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="transport" label="交通方式">
              <Select options={TRANSPORTS.map((t) => ({ value: t, label: t }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leader" label="带队人">
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

export function ExportsPage() {
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<ExportStatus>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: ['exports', status, page],
    queryFn: () => listExports({ status, ...page }),
    placeholderData: keepPreviousData,
  });
  return (
    <PageCard
      title="有组织劳务输出"
      extra={
        <Space>
          <Select<ExportStatus>
            allowClear
            aria-label="状态"
            placeholder="全部状态"
            style={{ width: 120 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage((p) => ({ ...p, page: 1 }));
            }}
            options={Object.entries(EXPORT_STATUS_NAMES).map(([value, label]) => ({ value: value as ExportStatus, label }))}
          />
          {me.canWrite && me.role !== 'employer' && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建输出批次
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={list.error} />
      <Table<ExportListItem>
        size="middle"
        rowKey={(r) => String(r.id)}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={serverPagination(page, list.data?.total, '批', setPage)}
        columns={[
          { title: '出发日期', dataIndex: 'departureDate', render: (d: string, r) => <Link to={`/exports/${r.id}`}>{d}</Link> },
          { title: '输出地', dataIndex: 'regionCode', render: (c: string) => <RegionName code={c} /> },
          { title: '输入地', dataIndex: 'destination' },
          { title: '用人单位', dataIndex: 'employerName' },
          { title: '交通方式', dataIndex: 'transport' },
          { title: '人数', dataIndex: 'people', align: 'right' },
          {
            title: '状态',
            key: 'status',
            render: (_v, r) => <StatusWithReason color={EXPORT_COLORS[r.status]} name={r.statusName} reason={r.cancelReason} />,
          },
          { title: '', key: 'open', render: (_v, r) => <Link to={`/exports/${r.id}`}>查看</Link> },
        ]}
      />
      <NewExportModal open={creating} onClose={() => setCreating(false)} />
    </PageCard>
  );
}
