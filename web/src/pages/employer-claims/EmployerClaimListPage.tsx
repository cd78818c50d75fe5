// 补贴申领 for an employer's own login: the claims the unit filed itself, with their status.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Table } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { toSearchParams } from '../../api/client.ts';
import { listOwnClaims, type OwnClaim } from '../../api/employer-claims.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { beijingDateTime } from '../../lib/beijing-time.ts';
import { yuan } from '../../lib/format.ts';
import { serverPagination } from '../../lib/pagination.ts';
import { ClaimStatusTag } from '../claims/claim-format.tsx';

export function EmployerClaimListPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = { page: Number(params.get('page') ?? 1), pageSize: Number(params.get('pageSize') ?? 20) };
  const list = useQuery({
    queryKey: ['own-claims', query],
    queryFn: () => listOwnClaims(query),
    placeholderData: keepPreviousData,
  });
  return (
    <PageCard
      title="本单位补贴申领"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/claims/new')}>
          申报补贴
        </Button>
      }
    >
      <ErrorAlert error={list.error} />
      <Table<OwnClaim>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={serverPagination(query, list.data?.total, '条申请', (c) => setParams(toSearchParams(c)))}
        columns={[
          { title: '申请编号', dataIndex: 'number', render: (n: string, r) => <Link to={`/claims/${r.id}`}>{n}</Link> },
          { title: '补贴项目', key: 'rule', render: (_v, r) => `${r.rule} ${r.ruleTitle}` },
          {
            title: '所涉劳动力',
            key: 'laborer',
            render: (_v, r) => (r.laborerName ? `${r.laborerName}（${r.laborerIdNumber ?? ''}）` : '-'),
          },
          { title: '享受日期', dataIndex: 'caseDate', width: 110 },
          { title: '核定金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
          { title: '状态', dataIndex: 'status', render: (s: OwnClaim['status']) => <ClaimStatusTag status={s} /> },
          { title: '申报时间', dataIndex: 'createdAt', render: (t: string) => beijingDateTime(t) },
        ]}
      />
    </PageCard>
  );
}
