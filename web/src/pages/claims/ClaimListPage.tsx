// 补贴申领 / 审核队列: claims in the user's region by status, rule and region, newest first.
import { PlusOutlined } from '@ant-design/icons';
import { maySubmit } from '@domain/claims/steps.ts';
import type { Role } from '@domain/claims/types.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type Claim, type ClaimQuery, listClaims } from '../../api/claims.ts';
import { toSearchParams } from '../../api/client.ts';
import { getRules } from '../../api/rules.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { beijingDateTime } from '../../lib/beijing-time.ts';
import { yuan } from '../../lib/format.ts';
import { serverPagination } from '../../lib/pagination.ts';
import { AboutLaborer, ClaimStatusTag } from './claim-format.tsx';

const QUEUES = [
  { key: 'submitted', label: '待审核' },
  { key: 'returned', label: '退回修改' },
  { key: 'reviewed', label: '审核通过（待公示）' },
  { key: 'publicized', label: '公示中' },
  { key: 'approved', label: '待拨付' },
  { key: 'failed', label: '拨付失败或退回' },
  { key: 'paid', label: '已拨付' },
  { key: 'recovered', label: '违规追回' },
  { key: 'all', label: '全部' },
];

export function ClaimListPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query: ClaimQuery = {
    status: params.get('status') ?? 'submitted',
    rule: params.get('rule') ?? undefined,
    region: params.get('region') ?? undefined,
    q: params.get('q') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  const asked = { ...query, status: query.status === 'all' ? undefined : query.status };
  const list = useQuery({ queryKey: ['claims', asked], queryFn: () => listClaims(asked), placeholderData: keepPreviousData });
  const rules = useQuery({ queryKey: ['rules'], queryFn: getRules, staleTime: 60_000 });
  const set = (changes: Partial<ClaimQuery>) =>
    setParams(toSearchParams({ ...query, page: 1, ...changes } as Record<string, string | number | undefined>));

  return (
    <PageCard
      title="补贴申领"
      extra={
        maySubmit(me.role as Role) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/claims/new')}>
            补贴申报
          </Button>
        )
      }
    >
      <Tabs activeKey={query.status ?? ''} onChange={(k) => set({ status: k })} items={QUEUES} />
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="补贴项目">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 300 }}
            value={query.rule}
            onChange={(v?: string) => set({ rule: v })}
            options={(rules.data?.rules ?? []).map((r) => ({ value: r.id, label: `${r.id} ${r.title}` }))}
          />
        </Form.Item>
        <Form.Item label="区划">
          <RegionTreeSelect
            value={query.region}
            onChange={(v) => set({ region: v })}
            allowClear
            placeholder="本辖区全部"
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item label="搜索">
          <Input.Search
            allowClear
            placeholder="申请编号或姓名"
            defaultValue={query.q}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} />
      <Table<Claim>
        size="middle"
        rowKey={(r) => String(r.id)}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={serverPagination(query, list.data?.total, '件', set)}
        columns={[
          { title: '申请编号', dataIndex: 'number', render: (n: string, r) => <Link to={`/claims/${r.id}`}>{n}</Link> },
          {
            title: '申领人',
            dataIndex: 'beneficiaryName',
            render: (n: string, r) => (
              <>
                {n}
                <AboutLaborer name={r.laborerName} />
                {r.applicant !== 'office' && (
                  <Tag color={r.applicant === 'laborer' ? 'green' : 'blue'} style={{ marginLeft: 6 }}>
                    {r.applicantName}
                  </Tag>
                )}
              </>
            ),
          },
          { title: '补贴项目', key: 'rule', render: (_v, r) => `${r.rule} ${r.ruleTitle}` },
          { title: '地区', key: 'region', render: (_v, r) => r.regionName || r.region },
          { title: '发生日期', dataIndex: 'caseDate', width: 110 },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
          { title: '状态', dataIndex: 'status', render: (s: Claim['status']) => <ClaimStatusTag status={s} /> },
          { title: '申报时间', dataIndex: 'createdAt', render: (t: string) => beijingDateTime(t) },
          {
            title: '',
            key: 'open',
            render: (_v, r) => (
              <Space>
                <Link to={`/claims/${r.id}`}>{r.status === 'submitted' ? '审核' : '查看'}</Link>
              </Space>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
