// 推荐岗位 of one laborer (on the laborer's page): the latest run's jobs with rank, score and
// the reasons in Chinese; push them by SMS, WeChat or in-app; record what became of each
// (seen, interested, consent, applied, interviewed, hired, declined). A hire writes the
// employment spell into the register, so the laborer's 就业经历 is reloaded. Whether the
// employer sees the laborer (同意公开, or 已撤回同意) shows with each recommendation; 撤回同意
// records a withdrawal the laborer asked for by phone or in person (with how it asked), and
// 同意记录 lists every time consent was given or withdrawn, by whom and the note.
import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Dropdown,
  Empty,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../../api/client.ts';
import type { Id } from '../../api/types.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { beijingDateTime, todayDayjs } from '../../lib/beijing-time.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';
import { boardText, wageRange } from '../jobs/job-format.tsx';
import { ConsentTag, ReasonTags, StabilityTag, StepTag, scoreText } from './reasons.tsx';
import {
  CHANNEL_NAMES,
  type Channel,
  consentHistory,
  laborerRecommendations,
  pushRecommendations,
  type Recommendation,
  recordEvent,
  type TrackEvent,
  withdrawConsent,
} from './recommendations-api.ts';

const EVENT_NAMES: Record<TrackEvent, string> = {
  seen: '已查看',
  interested: '有意向',
  consent: '同意向用人单位公开信息',
  applied: '已报名',
  interviewed: '已面试',
  hired: '录用',
  declined: '不感兴趣',
};

/** Which events may still be recorded (same rule as src/domain/recommendations/tracking.ts mayRecord). */
function openEvents(r: Recommendation): TrackEvent[] {
  const t = r.tracking;
  if (t.hiredOn || t.declinedAt) return [];
  const done: Partial<Record<TrackEvent, boolean>> = {
    seen: !!t.seenAt,
    interested: !!t.interestedAt,
    // After the laborer withdrew, consent may be recorded again (it told the officer so).
    consent: t.consentState === 'given',
    applied: !!t.appliedAt,
    interviewed: !!t.interviewedAt,
  };
  return (Object.keys(EVENT_NAMES) as TrackEvent[]).filter((e) => !done[e]);
}

function EventModal({
  rec,
  event,
  onClose,
  onDone,
}: {
  rec: Recommendation;
  event: 'hired' | 'declined';
  onClose: () => void;
  onDone: (r: Recommendation) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date?: Dayjs; reason?: string }>();
  const save = useMutation<Recommendation, ApiError, { date?: Dayjs; reason?: string }>({
    mutationFn: (v) =>
      recordEvent(rec.id, {
        event,
        version: rec.version,
        ...(event === 'hired' ? { date: (v.date ?? todayDayjs()).format('YYYY-MM-DD') } : { reason: v.reason ?? '' }),
      }),
    onSuccess: (r) => {
      message.success(event === 'hired' ? '已记录录用，并写入就业经历' : '已记录');
      onDone(r);
      onClose();
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Modal
      open
      title={`${event === 'hired' ? '记录录用' : '记录不感兴趣'} · ${rec.job?.title ?? ''}`}
      okText="确定"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ date: todayDayjs() }} onFinish={(v) => save.mutate(v)}>
        {event === 'hired' ? (
          <>
            <Form.Item name="date" label="录用日期" rules={[{ required: true, message: '请选择录用日期' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(todayDayjs(), 'day')} />
            </Form.Item>
            <Typography.Text type="secondary">
              录用后将在劳动力的就业经历中新增一条（单位：{rec.job?.employerName}），并计入岗位已招人数。
            </Typography.Text>
          </>
        ) : (
          <Form.Item name="reason" label="原因">
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/**
 * 撤回同意 for the laborer, who told the officer (by phone, in person): the note says how it
 * asked. The same effect as the laborer's own withdrawal in its portal.
 */
function WithdrawConsentModal({
  rec,
  onClose,
  onDone,
}: {
  rec: Recommendation;
  onClose: () => void;
  onDone: (r: Recommendation) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const save = useMutation<Recommendation, ApiError, string>({
    mutationFn: (note) => withdrawConsent(rec.id, { version: rec.version, note }),
    onSuccess: (r) => {
      message.success('已撤回同意，用人单位对该岗位只能看到脱敏信息');
      onDone(r);
      onClose();
    },
    onError: (e) => {
      const rest = showProblemsOnForm(form, e, ['note']);
      if (rest.length > 0 || !e.problems.length) message.error(e.message);
    },
  });
  return (
    <Modal
      open
      title={`撤回同意 · ${rec.job?.title ?? ''}`}
      okText="确认撤回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`撤回后，用人单位${rec.job?.employerName ? `“${rec.job.employerName}”` : ''}在该岗位的匹配名单中只能看到劳动力的脱敏信息（姓氏、性别、年龄、所在县），看不到姓名和电话；同一岗位的其他推荐一并撤回。${rec.tracking.hiredOn ? '已录用的，录用和就业记录保留。' : ''}`}
      />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v.note)}>
        <Form.Item
          name="note"
          label="劳动力如何提出撤回"
          rules={[
            { required: true, whitespace: true, message: '请写明劳动力如何提出撤回' },
            { max: 200, message: '不能超过200个字' },
          ]}
        >
          <Input.TextArea rows={2} maxLength={200} showCount placeholder="如 本人电话告知、本人到村委会当面提出" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The consent of one recommendation: its state and every time it was given or withdrawn. */
function ConsentHistoryModal({ rec, onClose }: { rec: Recommendation; onClose: () => void }) {
  const q = useQuery({ queryKey: ['recommendation', String(rec.id), 'consent'], queryFn: () => consentHistory(rec.id) });
  return (
    <Modal open title={`同意公开记录 · ${rec.job?.title ?? ''}`} footer={null} onCancel={onClose} destroyOnHidden>
      {q.error && <ErrorAlert error={q.error} />}
      {q.data && (
        <>
          <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label="当前状态">
              <ConsentTag tracking={rec.tracking} />
              {q.data.consentState === 'given'
                ? '用人单位可以看到劳动力的姓名和电话'
                : q.data.consentState === 'withdrawn'
                  ? '用人单位只能看到脱敏信息（姓氏、性别、年龄、所在县）'
                  : '尚未同意，用人单位只能看到脱敏信息'}
            </Descriptions.Item>
            {q.data.consentState === 'withdrawn' && q.data.hiredOn && (
              <Descriptions.Item label="说明">{`已于 ${q.data.hiredOn} 录用，撤回同意不影响录用和就业记录`}</Descriptions.Item>
            )}
          </Descriptions>
          {q.data.history.length === 0 ? (
            <Empty description="没有同意或撤回的记录" />
          ) : (
            <Timeline
              items={q.data.history.map((e) => ({
                color: e.action === 'consent' ? 'green' : 'orange',
                content: (
                  <>
                    <Typography.Text strong>{e.actionName}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">{`${beijingDateTime(e.at)} · ${e.by} · ${e.actorName}`}</Typography.Text>
                    </div>
                    {e.note && <div>{`劳动力如何提出：${e.note}`}</div>}
                  </>
                ),
              }))}
            />
          )}
        </>
      )}
    </Modal>
  );
}

function PushButton({ recs, onDone }: { recs: Recommendation[]; onDone: () => void }) {
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [channels, setChannels] = useState<Channel[]>(['sms', 'inapp']);
  const push = useMutation<Awaited<ReturnType<typeof pushRecommendations>>, ApiError>({
    mutationFn: () => pushRecommendations({ recommendationIds: recs.map((r) => String(r.id)), channels }),
    onSuccess: (r) => {
      setOpen(false);
      onDone();
      const sent = r.delivery
        ? `，已发送 ${r.delivery.sent} 条${r.delivery.failed ? `，失败 ${r.delivery.failed} 条` : ''}${r.delivery.retry ? `，待重试 ${r.delivery.retry} 条` : ''}`
        : '';
      message.success(
        `已推送：新排队 ${r.queued} 条${r.alreadyQueued ? `（${r.alreadyQueued} 条此前已推送，不重复发送）` : ''}${sent}`,
      );
      if (r.skipped.length) {
        modal.warning({
          title: '部分渠道未推送',
          content: [...new Set(r.skipped.map((s) => `${CHANNEL_NAMES[s.channel]}：${s.reason}`))].join('；'),
        });
      }
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <>
      <Button type="primary" icon={<SendOutlined />} disabled={recs.length === 0} onClick={() => setOpen(true)}>
        推送岗位
      </Button>
      <Modal
        open={open}
        title={`推送 ${recs.length} 个推荐岗位`}
        okText="推送"
        cancelText="取消"
        okButtonProps={{ disabled: channels.length === 0 }}
        confirmLoading={push.isPending}
        onOk={() => push.mutate()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>同一推荐在同一渠道只发送一次。</Typography.Paragraph>
        <Checkbox.Group
          value={channels}
          onChange={(v) => setChannels(v as Channel[])}
          options={(Object.keys(CHANNEL_NAMES) as Channel[]).map((c) => ({ value: c, label: CHANNEL_NAMES[c] }))}
        />
      </Modal>
    </>
  );
}

export function LaborerRecommendationsPanel({ personId }: { personId: Id }) {
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = ['laborer', String(personId), 'recommendations'];
  const recs = useQuery({ queryKey: key, queryFn: () => laborerRecommendations(personId) });
  const [modal, setModal] = useState<{ rec: Recommendation; event: 'hired' | 'declined' }>();
  const [consentOf, setConsentOf] = useState<Recommendation>();
  const [withdrawOf, setWithdrawOf] = useState<Recommendation>();

  const refresh = () => void queryClient.invalidateQueries({ queryKey: key });
  const afterEvent = (r: Recommendation) => {
    refresh();
    if (r.tracking.hiredOn) {
      // The hire wrote an employment spell and counted an opening.
      void queryClient.invalidateQueries({ queryKey: ['laborer', String(personId)], exact: true });
      void queryClient.invalidateQueries({ queryKey: ['jobs'] });
      void queryClient.invalidateQueries({ queryKey: ['job', String(r.jobId)] });
    }
  };
  const record = useMutation<Recommendation, ApiError, { rec: Recommendation; event: TrackEvent }>({
    mutationFn: ({ rec, event }) => recordEvent(rec.id, { event, version: rec.version }),
    onSuccess: (r) => {
      message.success(`已记录：${r.tracking.stepName}`);
      afterEvent(r);
    },
    onError: (e) => message.error(e.message),
  });

  if (recs.error) return <ErrorAlert error={recs.error} />;
  const data = recs.data;
  const items = data?.items ?? [];
  const mayAct = me.canWrite;

  const columns = [
    { title: '推荐', dataIndex: 'rank', width: 60, render: (n: number) => `第 ${n}` },
    {
      title: '岗位',
      key: 'job',
      render: (_v: unknown, r: Recommendation) =>
        r.job ? (
          <Space orientation="vertical" size={0}>
            <Link to={`/jobs/${r.jobId}`}>{r.job.title}</Link>
            <Typography.Text type="secondary">{r.job.employerName}</Typography.Text>
          </Space>
        ) : (
          `岗位 ${r.jobId}`
        ),
    },
    {
      title: '工作地点',
      key: 'place',
      render: (_v: unknown, r: Recommendation) => r.job?.workPlace || r.job?.workRegionCode || '-',
    },
    {
      title: '待遇',
      key: 'pay',
      render: (_v: unknown, r: Recommendation) =>
        r.job ? (
          <Space orientation="vertical" size={0}>
            <span>{wageRange(r.job.wageMinFen, r.job.wageMaxFen)}</span>
            <Typography.Text type="secondary">{boardText(r.job)}</Typography.Text>
          </Space>
        ) : (
          '-'
        ),
    },
    { title: '得分', dataIndex: 'score', width: 70, align: 'right' as const, render: (s: number) => scoreText(s) },
    { title: '推荐理由', key: 'reasons', render: (_v: unknown, r: Recommendation) => <ReasonTags reasons={r.reasons} /> },
    {
      title: '进展',
      key: 'step',
      render: (_v: unknown, r: Recommendation) => (
        <Space size={[0, 4]} wrap data-testid="recommendation-step">
          <StepTag tracking={r.tracking} />
          <ConsentTag tracking={r.tracking} />
          {r.tracking.consentState !== 'none' && (
            <Button type="link" size="small" onClick={() => setConsentOf(r)}>
              同意记录
            </Button>
          )}
          {mayAct && r.tracking.consentState === 'given' && (
            <Button type="link" size="small" danger onClick={() => setWithdrawOf(r)}>
              撤回同意
            </Button>
          )}
          {r.tracking.hiredOn && <Typography.Text type="secondary">{r.tracking.hiredOn} 录用</Typography.Text>}
          <StabilityTag label="3个月" value={r.tracking.stable3} name={r.tracking.stable3Name} />
          <StabilityTag label="6个月" value={r.tracking.stable6} name={r.tracking.stable6Name} />
        </Space>
      ),
    },
    ...(mayAct
      ? [
          {
            title: '',
            key: 'act',
            width: 110,
            render: (_v: unknown, r: Recommendation) => {
              const events = openEvents(r);
              if (events.length === 0) return null;
              return (
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: events.map((e) => ({ key: e, label: EVENT_NAMES[e] })),
                    onClick: ({ key: e }) => {
                      if (e === 'hired' || e === 'declined') setModal({ rec: r, event: e });
                      else record.mutate({ rec: r, event: e as TrackEvent });
                    },
                  }}
                >
                  <Button size="small">记录进展</Button>
                </Dropdown>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <div data-testid="laborer-recommendations">
      {data && !data.runId && !data.shortfall && (
        <Empty description="尚未为此劳动力进行人岗匹配">
          {mayAct && (
            <Link to={`/matching?region=${data.laborer.villageCode}`}>
              <Button type="primary">为所在村发起匹配</Button>
            </Link>
          )}
        </Empty>
      )}
      {data?.shortfall && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`符合条件的岗位只有 ${data.shortfall.found} 个（不足 3 个）：${data.shortfall.mainReason}`}
          description={
            data.shortfall.excluded.length
              ? `被排除的岗位：${data.shortfall.excluded.map((x) => `${x.name} ${x.jobs} 个`).join('，')}`
              : undefined
          }
        />
      )}
      {items.length > 0 && (
        <>
          <Space style={{ marginBottom: 12 }}>
            {mayAct && <PushButton recs={items} onDone={refresh} />}
            <Typography.Text type="secondary">
              共 {items.length} 个推荐岗位（匹配批次 #{String(data?.runId)}）
            </Typography.Text>
          </Space>
          <Table<Recommendation>
            size="small"
            rowKey={(r) => String(r.id)}
            loading={recs.isFetching}
            dataSource={items}
            pagination={false}
            columns={columns}
          />
        </>
      )}
      {!!data?.earlier.length && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            此前的推荐（跟踪中）
          </Typography.Title>
          <Table<Recommendation>
            size="small"
            rowKey={(r) => String(r.id)}
            dataSource={data.earlier}
            pagination={false}
            columns={columns}
          />
        </>
      )}
      {consentOf && <ConsentHistoryModal rec={consentOf} onClose={() => setConsentOf(undefined)} />}
      {withdrawOf && (
        <WithdrawConsentModal
          rec={withdrawOf}
          onClose={() => setWithdrawOf(undefined)}
          onDone={(r) => {
            refresh();
            void queryClient.invalidateQueries({ queryKey: ['recommendation', String(r.id), 'consent'] });
            void queryClient.invalidateQueries({ queryKey: ['job', String(r.jobId)] });
          }}
        />
      )}
      {modal && <EventModal rec={modal.rec} event={modal.event} onClose={() => setModal(undefined)} onDone={afterEvent} />}
    </div>
  );
}
