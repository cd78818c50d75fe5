// 推荐岗位: the jobs the matching recommended to the laborer, with the reasons in Chinese;
// opening one records 已查看, and 感兴趣 / 不感兴趣 answer it. 感兴趣 agrees that the employer
// sees the laborer's name and phone; 撤回同意 takes that back (after a confirmation), and
// 重新同意公开 gives it again.
import { EnvironmentOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Empty, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ApiError } from '../../api/client.ts';
import { type MyRecommendation, me } from '../../api/me.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { beijingDateTime } from '../../lib/beijing-time.ts';
import { yuan } from '../../lib/format.ts';

function wage(j: NonNullable<MyRecommendation['job']>) {
  return j.wageMinFen === j.wageMaxFen ? `${yuan(j.wageMinFen)}/月` : `${yuan(j.wageMinFen)} - ${yuan(j.wageMaxFen)}/月`;
}

function StepTag({ r }: { r: MyRecommendation }) {
  if (r.declinedAt) return <Tag>不感兴趣</Tag>;
  if (r.hiredOn) return <Tag color="green">已录用</Tag>;
  if (r.consentState === 'withdrawn') return <Tag color="default">已撤回同意</Tag>;
  if (r.interestedAt) return <Tag color="red">已表示感兴趣</Tag>;
  if (r.seenAt) return <Tag color="blue">已查看</Tag>;
  return <Tag color="orange">新推荐</Tag>;
}

function JobCard({ r }: { r: MyRecommendation }) {
  const j = r.job;
  return (
    <Link to={`/me/jobs/${r.id}`} aria-label={j?.title ?? '岗位'}>
      <Card size="small" style={{ marginBottom: 10 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {j?.title ?? '岗位已删除'}
          </Typography.Text>
          <StepTag r={r} />
        </Space>
        {j && (
          <>
            <div style={{ color: '#c0392b', fontSize: 15, margin: '4px 0' }}>{wage(j)}</div>
            <div style={{ color: '#666' }}>
              {j.employer?.name} · <EnvironmentOutlined /> {j.workPlace || j.workRegionCode}
            </div>
          </>
        )}
        <div style={{ marginTop: 6 }}>
          {r.reasons.map((x) => (
            <Tag key={x} color="gold" style={{ marginBottom: 4 }}>
              {x}
            </Tag>
          ))}
        </div>
      </Card>
    </Link>
  );
}

export function MyJobsPage() {
  const q = useQuery({ queryKey: ['me', 'recommendations'], queryFn: me.recommendations });
  if (q.isPending) return <Spin />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const { items, earlier } = q.data;
  return (
    <>
      <Typography.Title level={4}>为您推荐的岗位</Typography.Title>
      {items.length === 0 && <Empty description="暂时没有为您推荐的岗位，村就业信息员会在有合适岗位时通知您" />}
      {items.map((r) => (
        <JobCard key={r.id} r={r} />
      ))}
      {earlier.length > 0 && (
        <>
          <Typography.Title level={5}>以前的推荐</Typography.Title>
          {earlier.map((r) => (
            <JobCard key={r.id} r={r} />
          ))}
        </>
      )}
    </>
  );
}

export function MyJobDetailPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [declining, setDeclining] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const q = useQuery({ queryKey: ['me', 'recommendation', id], queryFn: () => me.recommendation(id) });
  const put = (r: MyRecommendation) => {
    queryClient.setQueryData(['me', 'recommendation', id], r);
    void queryClient.invalidateQueries({ queryKey: ['me', 'recommendations'] });
  };
  const seen = useMutation({ mutationFn: () => me.seen(id), onSuccess: put });
  // Opening the page records 已查看 once.
  const asked = useRef(false);
  useEffect(() => {
    if (q.data && !q.data.seenAt && !asked.current) {
      asked.current = true;
      seen.mutate();
    }
  }, [q.data, seen]);
  const respond = useMutation<MyRecommendation, ApiError, { answer: 'interested' | 'not_interested'; reason?: string }>({
    mutationFn: (b) => me.respond(id, { ...b, version: q.data?.version ?? 0 }),
    onSuccess: (r, b) => {
      put(r);
      setDeclining(false);
      message.success(b.answer === 'interested' ? '已告知村就业信息员和用人单位' : '已记录，以后会为您推荐其他岗位');
    },
  });

  const withdraw = useMutation<MyRecommendation, ApiError>({
    mutationFn: () => me.withdrawConsent(id, q.data?.version ?? 0),
    onSuccess: (r) => {
      put(r);
      setWithdrawing(false);
      message.success('已撤回同意，用人单位看不到您的姓名和电话了');
    },
    onError: () => setWithdrawing(false),
  });

  if (q.isPending) return <Spin />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const r = q.data;
  const j = r.job;
  const open = !r.interestedAt && !r.declinedAt && !r.hiredOn;
  // 有意向 is recorded but the employer does not see the laborer (withdrawn, or an officer
  // recorded the interest only): consent may be given (again) unless hired or declined.
  const mayConsent = !!r.interestedAt && r.consentState !== 'given' && !r.declinedAt && !r.hiredOn;
  return (
    <>
      <Link to="/me/jobs">‹ 返回推荐岗位</Link>
      <Card style={{ marginTop: 8 }} title={j?.title ?? '岗位'} extra={<StepTag r={r} />}>
        {j && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label="月工资">{wage(j)}</Descriptions.Item>
            <Descriptions.Item label="用人单位">
              {j.employer?.name}
              {j.employer?.isWorkshop && <Tag style={{ marginLeft: 6 }}>帮扶车间</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="工作地点">{j.workPlace || j.workRegionCode}</Descriptions.Item>
            {j.employer?.address && <Descriptions.Item label="单位地址">{j.employer.address}</Descriptions.Item>}
            <Descriptions.Item label="食宿">
              {[j.meals ? '包吃' : '不包吃', j.accommodation ? '包住' : '不包住'].join('，')}
            </Descriptions.Item>
            {j.workingHours && <Descriptions.Item label="工作时间">{j.workingHours}</Descriptions.Item>}
            {j.seasonFrom && <Descriptions.Item label="季节性用工">{`${j.seasonFrom} 至 ${j.seasonTo}`}</Descriptions.Item>}
            <Descriptions.Item label="招聘人数">{`${j.openings} 人，已录用 ${j.filled} 人`}</Descriptions.Item>
            {j.effectiveStatus !== 'open' && (
              <Descriptions.Item label="状态">{j.effectiveStatus === 'filled' ? '已招满' : '已过期'}</Descriptions.Item>
            )}
          </Descriptions>
        )}
        <Typography.Title level={5}>推荐理由</Typography.Title>
        <ul style={{ paddingLeft: 20, marginTop: 0 }}>
          {r.reasons.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
        {r.consentState === 'given' && (
          <>
            <Alert
              type="success"
              showIcon
              title="您已表示感兴趣"
              description="您已同意向该用人单位提供姓名和电话，用人单位或村就业信息员会与您联系。不想让单位看到时，可以撤回同意。"
            />
            <Button danger block style={{ marginTop: 8 }} onClick={() => setWithdrawing(true)}>
              撤回同意
            </Button>
          </>
        )}
        {r.consentState === 'withdrawn' && (
          <Alert
            type="info"
            showIcon
            title="您已撤回同意"
            description={
              <>
                {`您于 ${beijingDateTime(r.consentWithdrawnAt)} 撤回同意，该用人单位看不到您的姓名和电话。`}
                {r.consentNotice && <div style={{ marginTop: 4 }}>{r.consentNotice}</div>}
              </>
            }
          />
        )}
        {r.declinedAt && <Alert type="info" showIcon title="您已表示对该岗位不感兴趣" />}
        <ErrorAlert error={respond.error} />
        <ErrorAlert error={withdraw.error} />
        {mayConsent && (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
            <Typography.Text type="secondary">重新同意后，该用人单位可以看到您的姓名和电话。</Typography.Text>
            <Button
              type="primary"
              size="large"
              block
              loading={respond.isPending}
              onClick={() => respond.mutate({ answer: 'interested' })}
            >
              重新同意公开
            </Button>
          </Space>
        )}
        {open && (
          <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
            <Typography.Text type="secondary">点“感兴趣”即同意把您的姓名和电话告诉该用人单位。</Typography.Text>
            <Button
              type="primary"
              size="large"
              block
              loading={respond.isPending}
              onClick={() => respond.mutate({ answer: 'interested' })}
            >
              感兴趣
            </Button>
            <Button size="large" block onClick={() => setDeclining(true)}>
              不感兴趣
            </Button>
          </Space>
        )}
      </Card>
      <Modal
        title="撤回同意"
        open={withdrawing}
        okText="确定撤回"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        confirmLoading={withdraw.isPending}
        onOk={() => withdraw.mutate()}
        onCancel={() => setWithdrawing(false)}
      >
        <Typography.Paragraph>
          {`撤回后，“${j?.employer?.name ?? '该用人单位'}”在该岗位的名单中只能看到您的姓氏、性别、年龄和所在县，看不到您的姓名和电话。`}
        </Typography.Paragraph>
        {r.hiredOn ? (
          <Typography.Paragraph>
            您已被该单位录用：撤回同意不会取消录用，录用记录、就业经历和劳动关系仍然保留。
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph>以后想让单位联系您，可以再点“重新同意公开”。</Typography.Paragraph>
        )}
      </Modal>
      <Modal
        title="不感兴趣"
        open={declining}
        okText="确定"
        cancelText="取消"
        confirmLoading={respond.isPending}
        onOk={() => respond.mutate({ answer: 'not_interested', reason })}
        onCancel={() => setDeclining(false)}
      >
        <Typography.Paragraph>可以说说原因（可不填），帮助我们推荐更合适的岗位：</Typography.Paragraph>
        <Input.TextArea aria-label="不感兴趣的原因" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
