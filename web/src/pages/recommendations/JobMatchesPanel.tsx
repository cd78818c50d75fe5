// 匹配的劳动力: the laborers who fit one job, best first. Officers see the laborers of their
// scope ranked live by the model (ID numbers and phones masked by their rights); an employer
// sees the laborers recommended for its job, masked until each agrees.
import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { Id } from '../../api/types.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { RegionName } from './RegionName.tsx';
import { ReasonTags, scoreText } from './reasons.tsx';
import { type JobMatches, jobMatches } from './recommendations-api.ts';

type Item = JobMatches['items'][number];
type OfficerItem = Extract<Item, { rank: number }>;
type EmployerItem = Extract<Item, { hired: boolean }>;

export function JobMatchesPanel({ jobId }: { jobId: Id }) {
  const me = useMe();
  const matches = useQuery({ queryKey: ['job', String(jobId), 'matches'], queryFn: () => jobMatches(jobId, { limit: 50 }) });
  if (me.role === 'employer') {
    return (
      <>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="劳动力同意公开信息前，只显示姓氏、性别、年龄和所在县" />
        <ErrorAlert error={matches.error} />
        <Table<EmployerItem>
          size="small"
          rowKey={(r) => String(r.recommendationId)}
          loading={matches.isFetching}
          dataSource={(matches.data?.items ?? []) as EmployerItem[]}
          pagination={false}
          columns={[
            { title: '姓名', key: 'name', render: (_v, r) => r.laborer.name },
            { title: '性别', key: 'sex', render: (_v, r) => r.laborer.sex },
            { title: '年龄', key: 'age', render: (_v, r) => r.laborer.age },
            { title: '所在县', key: 'county', render: (_v, r) => <RegionName code={r.laborer.countyCode} /> },
            { title: '联系电话', key: 'phone', render: (_v, r) => (r.laborer.consented ? r.laborer.phone || '-' : '同意后可见') },
            { title: '匹配理由', key: 'reasons', render: (_v, r) => <ReasonTags reasons={r.reasons} /> },
            { title: '', key: 'hired', render: (_v, r) => (r.hired ? <Tag color="green">已录用</Tag> : null) },
          ]}
        />
      </>
    );
  }
  return (
    <>
      <ErrorAlert error={matches.error} />
      <Table<OfficerItem>
        size="small"
        rowKey={(r) => String(r.laborer.personId)}
        loading={matches.isFetching}
        dataSource={(matches.data?.items ?? []) as OfficerItem[]}
        pagination={false}
        locale={{ emptyText: '辖区内没有符合此岗位硬性条件的有外出意愿劳动力' }}
        columns={[
          { title: '排名', dataIndex: 'rank', width: 60 },
          {
            title: '姓名',
            key: 'name',
            render: (_v, r) => <Link to={`/laborers/${r.laborer.personId}?tab=recommendations`}>{r.laborer.name}</Link>,
          },
          { title: '性别', key: 'sex', render: (_v, r) => r.laborer.sex },
          { title: '年龄', key: 'age', render: (_v, r) => r.laborer.age },
          { title: '劳动能力', key: 'capacity', render: (_v, r) => r.laborer.workCapacity },
          { title: '得分', dataIndex: 'score', align: 'right', render: (s: number) => scoreText(s) },
          { title: '匹配理由', key: 'reasons', render: (_v, r) => <ReasonTags reasons={r.reasons} /> },
          {
            title: '已推荐',
            key: 'rec',
            render: (_v, r) => (r.recommendationId ? <Tag color="blue">{r.consented ? '已推荐·同意公开' : '已推荐'}</Tag> : '-'),
          },
        ]}
      />
    </>
  );
}
