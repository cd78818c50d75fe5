// 岗位信息: job posts collected from employers, filtered by region, occupation, status and employer;
// opens on the region's own (collected by its offices or to be worked in it), 全部 shows every office's.
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { JOB_STATUS_NAMES } from '@domain/jobs/vocabulary.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Table } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type QueryParams, toSearchParams } from '../../api/client.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { type Reach, ReachSwitch, useReach } from '../../components/ReachSwitch.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { serverPagination } from '../../lib/pagination.ts';
import { boardText, JobStatusTag, wageRange } from './job-format.tsx';
import { type Job, type JobQuery, listJobs } from './jobs-api.ts';
import { OccupationSelect } from './OccupationSelect.tsx';

export function JobListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const reach = useReach(params);
  const query: JobQuery = {
    status: params.get('status') ?? 'open',
    region: params.get('region') ?? undefined,
    collectedBy: params.get('collectedBy') ?? undefined,
    occupation: params.get('occupation') ?? undefined,
    employer: params.get('employer') ?? undefined,
    q: params.get('q') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  const asked: JobQuery = { ...query, status: query.status === 'all' ? undefined : query.status, ...reach.asked };
  const list = useQuery({ queryKey: ['jobs', asked], queryFn: () => listJobs(asked), placeholderData: keepPreviousData });
  const set = (changes: Partial<JobQuery> & Reach['url']) =>
    setParams(toSearchParams({ ...query, ...reach.url, page: 1, ...changes } as QueryParams));

  return (
    <PageCard
      title="岗位信息"
      extra={
        me.canWrite && (
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/jobs/import')}>
              批量导入
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/jobs/new')}>
              新增岗位
            </Button>
          </Space>
        )
      }
    >
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <ReachSwitch all={reach.all} onChange={(a) => set({ reach: a ? 'all' : undefined })} />
        <Form.Item label="状态">
          <Select
            style={{ width: 110 }}
            value={query.status}
            onChange={(v: string) => set({ status: v })}
            options={[
              ...Object.entries(JOB_STATUS_NAMES).map(([value, label]) => ({ value, label })),
              { value: 'all', label: '全部' },
            ]}
          />
        </Form.Item>
        <Form.Item label="归集单位">
          <RegionTreeSelect
            value={query.collectedBy}
            onChange={(v) => set({ collectedBy: v })}
            allowClear
            placeholder="不限"
            style={{ width: 220 }}
          />
        </Form.Item>
        <Form.Item label="工作地">
          <Input.Search
            allowClear
            placeholder="区划代码，如 44 或 4419"
            defaultValue={query.region}
            style={{ width: 200 }}
            onSearch={(v) => set({ region: v.trim() || undefined })}
          />
        </Form.Item>
        <Form.Item label="职业">
          <OccupationSelect value={query.occupation} onChange={(v) => set({ occupation: v })} style={{ width: 240 }} allowClear />
        </Form.Item>
        <Form.Item label="搜索">
          <Input.Search
            allowClear
            placeholder="岗位或单位名称"
            defaultValue={query.q}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} />
      <Table<Job>
        size="middle"
        rowKey={(r) => String(r.id)}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={serverPagination(query, list.data?.total, '个岗位', set)}
        columns={[
          { title: '岗位名称', dataIndex: 'title', render: (t: string, r) => <Link to={`/jobs/${r.id}`}>{t}</Link> },
          {
            title: '用人单位',
            dataIndex: 'employerName',
            render: (n: string, r) => <Link to={`/employers/${r.employerId}`}>{n}</Link>,
          },
          { title: '职业', key: 'occ', render: (_v, r) => `${r.occupationCode} ${r.occupationName ?? ''}` },
          { title: '工作地点', key: 'place', render: (_v, r) => r.workPlace || r.workRegionName || r.workRegionCode },
          { title: '月工资', key: 'wage', render: (_v, r) => wageRange(r.wageMinFen, r.wageMaxFen) },
          { title: '食宿', key: 'board', render: (_v, r) => boardText(r) },
          { title: '已招/招聘', key: 'openings', align: 'right', render: (_v, r) => `${r.filled}/${r.openings}` },
          { title: '状态', key: 'status', render: (_v, r) => <JobStatusTag job={r} /> },
        ]}
      />
    </PageCard>
  );
}
