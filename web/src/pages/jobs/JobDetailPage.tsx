// One job post: its fields, edit in place, close it by hand, and the laborers who fit it.
import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Popconfirm, Result, Skeleton, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiError } from '../../api/client.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { beijingDateTime } from '../../lib/beijing-time.ts';
import { listText, orDash, yesNo } from '../../lib/format.ts';
import { JobMatchesPanel } from '../recommendations/JobMatchesPanel.tsx';
import { JobForm } from './JobForm.tsx';
import { ageText, boardText, JobStatusTag, SOURCE_NAMES, wageRange } from './job-format.tsx';
import { getJob, type Job, updateJob } from './jobs-api.ts';

export function JobDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const job = useQuery({ queryKey: ['job', id], queryFn: () => getJob(id) });

  const afterChange = (j: Job) => {
    queryClient.setQueryData(['job', id], j);
    void queryClient.invalidateQueries({ queryKey: ['jobs'] });
  };
  const setStatus = useMutation<Job, ApiError, Job['status']>({
    mutationFn: (status) => updateJob(id, (job.data as Job).version, { status }),
    onSuccess: (j) => {
      afterChange(j);
      message.success('已更新岗位状态');
    },
    onError: (e) => message.error(e.message),
  });

  if (job.isPending) return <Skeleton active />;
  if (job.isError) {
    return (
      <Result
        status={(job.error as ApiError).status === 404 ? '404' : 'error'}
        title={job.error.message}
        extra={<Button onClick={() => navigate('/jobs')}>返回岗位列表</Button>}
      />
    );
  }
  const j = job.data;
  const shown = j.status;
  const mayEdit = me.canWrite || me.role === 'employer';

  return (
    <PageCard
      title={`岗位详情 · ${j.title}`}
      extra={
        <Space>
          <Button icon={<RollbackOutlined />} onClick={() => navigate(-1)}>
            返回
          </Button>
          {mayEdit && !editing && shown === 'open' && (
            <Popconfirm title="标记为已招满后不再推荐此岗位" onConfirm={() => setStatus.mutate('filled')}>
              <Button loading={setStatus.isPending}>标记已招满</Button>
            </Popconfirm>
          )}
          {mayEdit && !editing && j.storedStatus !== 'open' && (
            <Button loading={setStatus.isPending} onClick={() => setStatus.mutate('open')}>
              重新开放
            </Button>
          )}
          {mayEdit && !editing && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              修改
            </Button>
          )}
        </Space>
      }
    >
      {editing ? (
        <JobForm
          job={j}
          askEmployer={false}
          submitText="保存修改"
          onSubmit={async (fields) => {
            afterChange(await updateJob(id, j.version, { fields }));
            message.success('已保存');
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Tabs
          items={[
            {
              key: 'job',
              label: '岗位信息',
              children: (
                <Descriptions bordered size="small" column={2} data-testid="job-descriptions">
                  <Descriptions.Item label="用人单位">
                    <Link to={`/employers/${j.employerId}`}>{j.employerName}</Link>
                  </Descriptions.Item>
                  <Descriptions.Item label="状态">
                    <JobStatusTag job={j} />
                  </Descriptions.Item>
                  <Descriptions.Item label="职业">
                    {j.occupationCode} {j.occupationName ?? ''}
                  </Descriptions.Item>
                  <Descriptions.Item label="招聘人数">
                    已招 {j.filled} / 共 {j.openings} 人
                  </Descriptions.Item>
                  <Descriptions.Item label="工作地点">
                    {j.workPlace || '-'}（{j.workRegionName ?? j.workRegionCode}）
                  </Descriptions.Item>
                  <Descriptions.Item label="月工资">{wageRange(j.wageMinFen, j.wageMaxFen)}</Descriptions.Item>
                  <Descriptions.Item label="食宿">{boardText(j)}</Descriptions.Item>
                  <Descriptions.Item label="工作时间">{orDash(j.workingHours)}</Descriptions.Item>
                  <Descriptions.Item label="合同期限">{j.contractMonths ? `${j.contractMonths} 个月` : '-'}</Descriptions.Item>
                  <Descriptions.Item label="季节性用工">
                    {j.seasonFrom ? `${j.seasonFrom} 至 ${j.seasonTo}` : '否'}
                  </Descriptions.Item>
                  <Descriptions.Item label="年龄要求">{ageText(j)}</Descriptions.Item>
                  <Descriptions.Item label="性别要求">
                    {j.sexRequired ? `${j.sexRequired}（${j.sexReason ?? ''}）` : '不限'}
                  </Descriptions.Item>
                  <Descriptions.Item label="最低学历">{j.educationMin ?? '不限'}</Descriptions.Item>
                  <Descriptions.Item label="体力要求">{j.physicalDemand}</Descriptions.Item>
                  <Descriptions.Item label="技能要求">{listText(j.skills)}</Descriptions.Item>
                  <Descriptions.Item label="证书要求">{listText(j.certificates)}</Descriptions.Item>
                  <Descriptions.Item label="适合弱劳动力或半劳动力">{yesNo(j.suitableForWeak)}</Descriptions.Item>
                  <Descriptions.Item label="有效期至">{j.validUntil ?? '长期'}</Descriptions.Item>
                  <Descriptions.Item label="来源">
                    <Tag>{SOURCE_NAMES[j.source] ?? j.source}</Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label="发布时间">{beijingDateTime(j.createdAt)}</Descriptions.Item>
                </Descriptions>
              ),
            },
            { key: 'matches', label: '匹配的劳动力', children: <JobMatchesPanel jobId={j.id} /> },
          ]}
        />
      )}
    </PageCard>
  );
}
