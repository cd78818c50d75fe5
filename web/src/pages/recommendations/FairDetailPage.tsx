// One job fair: the jobs present, the laborers invited (by hand or everyone recommended one of
// its jobs), attendance and on-the-spot hires (a hire writes the employment spell); a planned
// fair that will not take place is cancelled with a reason.

import { RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Modal, Result, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiError } from '../../api/client.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { todayInShanghai } from '../../lib/beijing-time.ts';
import { CancelButton, CancellationNote } from './CancelRecord.tsx';
import { FAIR_COLORS } from './FairsPage.tsx';
import { JobMultiPicker, LaborerMultiPicker } from './pickers.tsx';
import { RegionName } from './RegionName.tsx';
import {
  addFairJobs,
  cancelFair,
  FAIR_KIND_NAMES,
  type FairDetail,
  getFair,
  inviteToFair,
  recordAttendance,
} from './recommendations-api.ts';

type Invitation = FairDetail['invitations'][number];

export function FairDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [jobIds, setJobIds] = useState<string[]>([]);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [hiring, setHiring] = useState<Invitation>();
  const [hireForm] = Form.useForm<{ jobId: string; date: Dayjs }>();
  const fair = useQuery({ queryKey: ['fair', id], queryFn: () => getFair(id) });

  const done = (f: FairDetail, text: string) => {
    queryClient.setQueryData(['fair', id], f);
    void queryClient.invalidateQueries({ queryKey: ['fairs'] });
    message.success(text);
  };
  const onError = (e: ApiError) => message.error(e.message);
  const addJobs = useMutation<FairDetail, ApiError>({
    mutationFn: () => addFairJobs(id, jobIds),
    onSuccess: (f) => {
      setJobIds([]);
      done(f, '已添加参会岗位');
    },
    onError,
  });
  const invite = useMutation<FairDetail, ApiError, { personIds?: string[]; fromRecommendations?: boolean }>({
    mutationFn: (b) => inviteToFair(id, b),
    onSuccess: (f) => {
      setPersonIds([]);
      done(f, `已邀请，共 ${f.counts.invited} 人`);
    },
    onError,
  });
  const attend = useMutation<
    FairDetail,
    ApiError,
    { personId: string; attended: boolean; hiredJobId?: string; hiredOn?: string }
  >({
    mutationFn: (b) => recordAttendance(id, b),
    onSuccess: (f, b) => {
      setHiring(undefined);
      if (b.hiredJobId) {
        void queryClient.invalidateQueries({ queryKey: ['laborer', b.personId] });
        void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      }
      done(f, b.hiredJobId ? '已登记录用，并写入就业经历' : '已登记');
    },
    onError,
  });

  if (fair.isPending) return <Skeleton active />;
  if (fair.isError) {
    return (
      <Result
        status={(fair.error as ApiError).status === 404 ? '404' : 'error'}
        title={fair.error.message}
        extra={<Button onClick={() => navigate('/fairs')}>返回招聘会</Button>}
      />
    );
  }
  const f = fair.data;
  const may = f.actorMayEdit && f.status !== 'cancelled';
  // The server dates by Asia/Shanghai; so does the page, whatever the browser's time zone.
  const held = f.date <= todayInShanghai();
  const jobTitle = (jid: string | number | null) => f.jobs.find((j) => String(j.id) === String(jid))?.title ?? String(jid);

  return (
    <>
      <PageCard
        title={`招聘会 · ${f.title}`}
        extra={
          <Space>
            <Button icon={<RollbackOutlined />} onClick={() => navigate('/fairs')}>
              返回
            </Button>
            {f.actorMayEdit && f.status === 'planned' && (
              <CancelButton
                record={`招聘会“${f.title}”`}
                effect="取消后本场不再计入本县每年至少两场招聘会的场次；已邀请的劳动力保留为记录，不能再添加岗位、邀请或登记到场。"
                onCancel={(reason) => cancelFair(id, { reason, version: f.version })}
                onDone={(d) => {
                  queryClient.setQueryData(['fair', id], d);
                  void queryClient.invalidateQueries({ queryKey: ['fairs'] });
                }}
              />
            )}
          </Space>
        }
      >
        {f.cancellation && <CancellationNote cancellation={f.cancellation} />}
        <Descriptions bordered size="small" column={3}>
          <Descriptions.Item label="日期">{f.date}</Descriptions.Item>
          <Descriptions.Item label="地区">
            <RegionName code={f.regionCode} />
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={FAIR_COLORS[f.status]}>{f.statusName}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="地点">{f.venue || '-'}</Descriptions.Item>
          <Descriptions.Item label="形式">{FAIR_KIND_NAMES[f.kind]}</Descriptions.Item>
          <Descriptions.Item label="岗位 / 招聘人数">
            {f.counts.jobs} 个 / {f.counts.openings} 人
          </Descriptions.Item>
          <Descriptions.Item label="邀请">{f.counts.invited} 人</Descriptions.Item>
          <Descriptions.Item label="到场">{f.counts.attended} 人</Descriptions.Item>
          <Descriptions.Item label="现场录用">{f.counts.hired} 人</Descriptions.Item>
        </Descriptions>
      </PageCard>
      <PageCard title="参会岗位">
        {may && (
          <Space style={{ marginBottom: 12 }}>
            <JobMultiPicker ariaLabel="参会岗位" value={jobIds} onChange={setJobIds} style={{ width: 480 }} />
            <Button disabled={jobIds.length === 0} loading={addJobs.isPending} onClick={() => addJobs.mutate()}>
              添加岗位
            </Button>
          </Space>
        )}
        <Table
          size="small"
          rowKey={(j) => String(j.id)}
          dataSource={f.jobs}
          pagination={false}
          columns={[
            { title: '岗位', dataIndex: 'title', render: (t: string, j) => <Link to={`/jobs/${j.id}`}>{t}</Link> },
            { title: '用人单位', dataIndex: 'employerName' },
            { title: '工作地点', dataIndex: 'workPlace' },
            { title: '已招/招聘', key: 'n', align: 'right', render: (_v, j) => `${j.filled}/${j.openings}` },
          ]}
        />
      </PageCard>
      <PageCard title="邀请与到场">
        {may && (
          <Space style={{ marginBottom: 12 }} wrap>
            <LaborerMultiPicker
              ariaLabel="邀请劳动力"
              value={personIds}
              onChange={setPersonIds}
              region={f.regionCode}
              style={{ width: 420 }}
            />
            <Button disabled={personIds.length === 0} loading={invite.isPending} onClick={() => invite.mutate({ personIds })}>
              邀请
            </Button>
            <Button
              disabled={f.jobs.length === 0}
              loading={invite.isPending}
              onClick={() => invite.mutate({ fromRecommendations: true })}
            >
              邀请被推荐了本场岗位的全部劳动力
            </Button>
          </Space>
        )}
        {may && !held && <Typography.Paragraph type="secondary">招聘会举办当天起可登记到场与录用。</Typography.Paragraph>}
        <Table<Invitation>
          size="small"
          rowKey={(i) => String(i.personId)}
          dataSource={f.invitations}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: '姓名', dataIndex: 'name', render: (n: string, i) => <Link to={`/laborers/${i.personId}`}>{n}</Link> },
            { title: '身份证号', dataIndex: 'idNumber' },
            { title: '村', dataIndex: 'villageCode', render: (c: string) => <RegionName code={c} /> },
            {
              title: '到场',
              dataIndex: 'attended',
              render: (a: boolean | null) => (a === null ? '-' : a ? <Tag color="green">到场</Tag> : <Tag>未到场</Tag>),
            },
            {
              title: '录用',
              dataIndex: 'hiredJobId',
              render: (j: string | null) => (j ? <Tag color="green">{jobTitle(j)}</Tag> : '-'),
            },
            {
              title: '',
              key: 'act',
              render: (_v, i) =>
                may && held && !i.hiredJobId ? (
                  <Space>
                    <Button size="small" onClick={() => attend.mutate({ personId: String(i.personId), attended: true })}>
                      到场
                    </Button>
                    <Button size="small" onClick={() => attend.mutate({ personId: String(i.personId), attended: false })}>
                      未到场
                    </Button>
                    <Button size="small" type="primary" disabled={f.jobs.length === 0} onClick={() => setHiring(i)}>
                      现场录用
                    </Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </PageCard>
      <Modal
        open={!!hiring}
        title={`现场录用 · ${hiring?.name ?? ''}`}
        okText="登记录用"
        cancelText="取消"
        confirmLoading={attend.isPending}
        onOk={() => hireForm.submit()}
        onCancel={() => setHiring(undefined)}
        destroyOnHidden
      >
        <Form
          form={hireForm}
          layout="vertical"
          initialValues={{ date: dayjs(f.date) }}
          onFinish={(v) =>
            hiring &&
            attend.mutate({
              personId: String(hiring.personId),
              attended: true,
              hiredJobId: v.jobId,
              hiredOn: v.date.format('YYYY-MM-DD'),
            })
          }
        >
          <Form.Item name="jobId" label="录用岗位" rules={[{ required: true, message: '请选择录用岗位' }]}>
            <Select options={f.jobs.map((j) => ({ value: String(j.id), label: `${j.title}（${j.employerName}）` }))} />
          </Form.Item>
          <Form.Item name="date" label="录用日期" rules={[{ required: true, message: '请选择录用日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
