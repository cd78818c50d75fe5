// 人岗匹配: start a matching run over the laborers of a region who want to migrate (in the
// background, with live progress), the runs so far, the recommendation funnel per region
// (pushed -> hired -> stable at 3 and 6 months) and the list of laborers given fewer than
// three suitable jobs, with the constraint that ruled the jobs out.
import { PlayCircleOutlined, SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Modal,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ApiError } from '../../api/client.ts';
import type { Id } from '../../api/types.ts';
import { useRegionName } from '../../components/AppLayout.tsx';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { beijingDateTime } from '../../lib/beijing-time.ts';
import { listText } from '../../lib/format.ts';
import { OutboxTab } from './OutboxTab.tsx';
import { RegionName } from './RegionName.tsx';
import {
  CHANNEL_NAMES,
  type Channel,
  type FunnelCounts,
  getFunnel,
  getRun,
  listRuns,
  listShortfalls,
  type MatchingRun,
  pushRecommendations,
  type ShortfallItem,
  startRun,
} from './recommendations-api.ts';

const RUN_COLORS: Record<MatchingRun['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};
const finished = (r?: MatchingRun) => r?.status === 'done' || r?.status === 'failed';

function RunProgress({ runId }: { runId: Id }) {
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: ['matching-run', String(runId)],
    queryFn: async () => {
      const r = await getRun(runId);
      if (finished(r)) {
        void queryClient.invalidateQueries({ queryKey: ['matching-runs'] });
        void queryClient.invalidateQueries({ queryKey: ['recommendations'] });
        void queryClient.invalidateQueries({ queryKey: ['laborer'] });
      }
      return r;
    },
    refetchInterval: (q) => (finished(q.state.data) ? false : 1000),
  });
  const regionName = useRegionName(run.data?.regionCode);
  if (run.error) return <ErrorAlert error={run.error} />;
  const r = run.data;
  if (!r) return null;
  return (
    <div data-testid="matching-run" style={{ marginTop: 16 }}>
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          匹配批次 #{String(r.id)} · {regionName}
        </Typography.Text>
        <Tag color={RUN_COLORS[r.status]}>{r.statusName}</Tag>
      </Space>
      <Progress percent={r.percent} status={r.status === 'failed' ? 'exception' : r.status === 'done' ? 'success' : 'active'} />
      <Row gutter={16} style={{ marginTop: 8 }}>
        <Col span={5}>
          <Statistic title="有外出意愿的劳动力" value={r.total} />
        </Col>
        <Col span={5}>
          <Statistic title="已匹配" value={r.processed} />
        </Col>
        <Col span={5}>
          <Statistic title="获得至少3个推荐" value={r.withThree} />
        </Col>
        <Col span={5}>
          <Statistic title="不足3个" value={r.fewer} styles={r.fewer ? { content: { color: '#d46b08' } } : undefined} />
        </Col>
        <Col span={4}>
          <Statistic title="参与匹配的岗位" value={r.jobsConsidered} />
        </Col>
      </Row>
      {r.message && (
        <Alert type={r.status === 'failed' ? 'error' : 'info'} showIcon style={{ marginTop: 12 }} title={r.message} />
      )}
    </div>
  );
}

function PushRunButton({ run }: { run: MatchingRun }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [channels, setChannels] = useState<Channel[]>(['sms', 'inapp']);
  const push = useMutation<Awaited<ReturnType<typeof pushRecommendations>>, ApiError>({
    mutationFn: () => pushRecommendations({ runId: String(run.id), region: run.regionCode, channels }),
    onSuccess: (r) => {
      setOpen(false);
      message.success(
        `批次 #${String(run.id)}：${r.recommendations} 条推荐，新排队 ${r.queued} 条消息${r.alreadyQueued ? `，${r.alreadyQueued} 条此前已推送` : ''}${r.skipped.length ? `，${r.skipped.length} 条因缺少手机号或微信未发送` : ''}`,
      );
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <>
      <Button
        size="small"
        icon={<SendOutlined />}
        disabled={run.status !== 'done' || run.recommendations === 0}
        onClick={() => setOpen(true)}
      >
        推送全部
      </Button>
      <Modal
        open={open}
        title={`推送匹配批次 #${String(run.id)} 的全部推荐`}
        okText="推送"
        cancelText="取消"
        confirmLoading={push.isPending}
        okButtonProps={{ disabled: channels.length === 0 }}
        onOk={() => push.mutate()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>共 {run.recommendations} 条推荐；同一推荐在同一渠道只发送一次。</Typography.Paragraph>
        <Checkbox.Group
          value={channels}
          onChange={(v) => setChannels(v as Channel[])}
          options={(Object.keys(CHANNEL_NAMES) as Channel[]).map((c) => ({ value: c, label: CHANNEL_NAMES[c] }))}
        />
      </Modal>
    </>
  );
}

function RunsTab({ region, setRegion }: { region?: string; setRegion: (r?: string) => void }) {
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [currentId, setCurrentId] = useState<Id>();
  const runs = useQuery({
    queryKey: ['matching-runs', region],
    queryFn: () => listRuns({ region, pageSize: 20 }),
    refetchInterval: (q) => (q.state.data?.items.some((r) => !finished(r)) ? 2000 : false),
  });
  const start = useMutation<MatchingRun, ApiError, string>({
    mutationFn: (r) => startRun({ region: r }),
    onSuccess: (r) => {
      setCurrentId(r.id);
      message.success(`已发起匹配批次 #${String(r.id)}`);
      void queryClient.invalidateQueries({ queryKey: ['matching-runs'] });
    },
    onError: (e) => message.error(e.message),
  });
  const shownId = currentId ?? runs.data?.items.find((r) => !finished(r))?.id;
  const mayRun = me.canWrite && me.role !== 'employer';
  return (
    <>
      {mayRun && (
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="匹配范围">
            <RegionTreeSelect value={region} onChange={setRegion} placeholder="选择县、乡镇或村" style={{ width: 280 }} />
          </Form.Item>
          <Form.Item>
            <Button
              type="primary"
              icon={<PlayCircleOutlined />}
              loading={start.isPending}
              onClick={() => start.mutate(region ?? me.regionCode)}
            >
              开始匹配
            </Button>
          </Form.Item>
          <Form.Item>
            <Typography.Text type="secondary">为范围内每名有外出意愿的劳动力推荐至少 3 个符合条件的岗位</Typography.Text>
          </Form.Item>
        </Form>
      )}
      {shownId !== undefined && <RunProgress key={String(shownId)} runId={shownId} />}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        匹配记录
      </Typography.Title>
      <ErrorAlert error={runs.error} />
      <Table<MatchingRun>
        size="small"
        rowKey={(r) => String(r.id)}
        loading={runs.isFetching && !runs.data}
        dataSource={runs.data?.items}
        pagination={false}
        columns={[
          { title: '批次', dataIndex: 'id', render: (v: Id) => `#${String(v)}` },
          { title: '范围', dataIndex: 'regionCode', render: (c: string) => <RegionName code={c} /> },
          { title: '匹配日期', dataIndex: 'asOf' },
          { title: '状态', key: 'status', render: (_v, r) => <Tag color={RUN_COLORS[r.status]}>{r.statusName}</Tag> },
          { title: '劳动力', dataIndex: 'total', align: 'right' },
          { title: '≥3个推荐', dataIndex: 'withThree', align: 'right' },
          {
            title: '不足3个',
            dataIndex: 'fewer',
            align: 'right',
            render: (n: number, r) =>
              n ? <Link to={`/matching?tab=shortfalls&run=${r.id}&region=${r.regionCode}`}>{n}</Link> : 0,
          },
          { title: '推荐条数', dataIndex: 'recommendations', align: 'right' },
          { title: '发起时间', dataIndex: 'createdAt', render: (t: string) => beijingDateTime(t) },
          { title: '', key: 'push', render: (_v, r) => (mayRun ? <PushRunButton run={r} /> : null) },
        ]}
      />
    </>
  );
}

const pct = (n: number, d: number) => (d > 0 ? `${Math.round((n / d) * 1000) / 10}%` : '-');

function FunnelTab({ region }: { region?: string }) {
  const funnel = useQuery({ queryKey: ['recommendations', 'funnel', region], queryFn: () => getFunnel({ region }) });
  const t = funnel.data?.total;
  const steps: { key: keyof FunnelCounts; label: string }[] = [
    { key: 'recommended', label: '推荐条数' },
    { key: 'pushed', label: '已推送' },
    { key: 'interested', label: '有意向' },
    { key: 'applied', label: '已报名' },
    { key: 'hired', label: '已录用' },
  ];
  type Row = FunnelCounts & { regionCode: string; regionName: string };
  return (
    <>
      <ErrorAlert error={funnel.error} />
      {t && (
        <Row gutter={16} style={{ marginBottom: 16 }} data-testid="funnel-total">
          <Col span={4}>
            <Statistic title="获得推荐的劳动力" value={t.laborers} />
          </Col>
          {steps.map((s) => (
            <Col span={3} key={s.key}>
              <Statistic title={s.label} value={t[s.key]} />
            </Col>
          ))}
          <Col span={3}>
            <Statistic title="3个月稳定" value={t.stable3} suffix={`/ ${t.due3}`} />
          </Col>
          <Col span={3}>
            <Statistic title="6个月稳定" value={t.stable6} suffix={`/ ${t.due6}`} />
          </Col>
        </Row>
      )}
      <Table<Row>
        size="small"
        rowKey={(r) => r.regionCode}
        loading={funnel.isFetching}
        dataSource={funnel.data?.items}
        pagination={false}
        summary={() =>
          t ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              {(['laborers', 'recommended', 'pushed', 'seen', 'interested', 'applied', 'interviewed', 'hired'] as const).map(
                (k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right">
                    {t[k]}
                  </Table.Summary.Cell>
                ),
              )}
              <Table.Summary.Cell index={9} align="right">
                {t.stable3}/{t.due3}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={10} align="right">
                {t.stable6}/{t.due6}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={11} align="right">
                {pct(t.hired, t.pushed)}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
        columns={[
          { title: '地区', key: 'region', render: (_v, r) => r.regionName || r.regionCode },
          { title: '获得推荐的劳动力', dataIndex: 'laborers', align: 'right' },
          { title: '推荐条数', dataIndex: 'recommended', align: 'right' },
          { title: '已推送', dataIndex: 'pushed', align: 'right' },
          { title: '已查看', dataIndex: 'seen', align: 'right' },
          { title: '有意向', dataIndex: 'interested', align: 'right' },
          { title: '已报名', dataIndex: 'applied', align: 'right' },
          { title: '已面试', dataIndex: 'interviewed', align: 'right' },
          { title: '已录用', dataIndex: 'hired', align: 'right' },
          {
            title: '3个月稳定',
            key: 's3',
            align: 'right',
            render: (_v, r) => `${r.stable3}/${r.due3}`,
          },
          {
            title: '6个月稳定',
            key: 's6',
            align: 'right',
            render: (_v, r) => `${r.stable6}/${r.due6}`,
          },
          { title: '推送→录用', key: 'rate', align: 'right', render: (_v, r) => pct(r.hired, r.pushed) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        按推荐条数计；后一步包含跳过前一步直接达成的；稳定就业按录用时写入的就业经历计算，“3个月稳定 a/b”指录用满3个月的 b
        人中仍在岗 a 人。
      </Typography.Paragraph>
    </>
  );
}

function ShortfallsTab({ region, run }: { region?: string; run?: string }) {
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: ['recommendations', 'shortfalls', region, run, page],
    queryFn: () => listShortfalls({ region, runId: run, ...page }),
    placeholderData: keepPreviousData,
  });
  const d = list.data;
  return (
    <>
      <ErrorAlert error={list.error} />
      {d && !d.run && <Alert type="info" showIcon title="此范围还没有完成的匹配批次" style={{ marginBottom: 12 }} />}
      {d?.run && (
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="匹配批次">
            #{String(d.run.id)}（{d.run.asOf}，{d.run.regionCode}）
          </Descriptions.Item>
          <Descriptions.Item label="不足3个推荐">{d.total} 人</Descriptions.Item>
          <Descriptions.Item label="参与匹配的岗位">{d.run.jobsConsidered} 个</Descriptions.Item>
        </Descriptions>
      )}
      {!!d?.byReason.length && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="主要原因（需多归集此类岗位）"
          description={d.byReason.map((b) => `${b.name}：${b.laborers} 人`).join('；')}
        />
      )}
      <Table<ShortfallItem>
        size="small"
        rowKey={(r) => String(r.personId)}
        loading={list.isFetching}
        dataSource={d?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: d?.total ?? 0,
          showTotal: (n) => `共 ${n} 人`,
          onChange: (p, ps) => setPage({ page: ps === page.pageSize ? p : 1, pageSize: ps }),
        }}
        columns={[
          {
            title: '姓名',
            dataIndex: 'name',
            render: (n: string, r) => <Link to={`/laborers/${r.personId}?tab=recommendations`}>{n}</Link>,
          },
          { title: '身份证号', dataIndex: 'idNumber' },
          { title: '性别', dataIndex: 'sex' },
          { title: '年龄', dataIndex: 'age' },
          { title: '村', dataIndex: 'villageCode', render: (c: string) => <RegionName code={c} /> },
          { title: '劳动能力', dataIndex: 'workCapacity' },
          { title: '意向工种', dataIndex: 'preferredWork', render: (v: string[]) => listText(v) },
          { title: '意向地点', dataIndex: 'preferredPlaces', render: (v: string[]) => listText(v) },
          { title: '符合条件的岗位', dataIndex: 'found', align: 'right' },
          { title: '主要原因', dataIndex: 'mainReason' },
          {
            title: '被排除的岗位',
            key: 'excluded',
            render: (_v, r) => r.excluded.map((x) => `${x.name} ${x.jobs}`).join('，') || '-',
          },
        ]}
      />
    </>
  );
}

export function MatchingPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'runs';
  const region = params.get('region') ?? undefined;
  const run = params.get('run') ?? undefined;
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return (
    <PageCard title="人岗匹配与精准推送">
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k, run: undefined })}
        items={[
          { key: 'runs', label: '发起匹配', children: <RunsTab region={region} setRegion={(r) => set({ region: r })} /> },
          {
            key: 'funnel',
            label: '推荐漏斗',
            children: (
              <>
                <Form layout="inline" style={{ marginBottom: 12 }}>
                  <Form.Item label="地区">
                    <RegionTreeSelect
                      value={region}
                      onChange={(r) => set({ region: r })}
                      allowClear
                      placeholder="本辖区"
                      style={{ width: 280 }}
                    />
                  </Form.Item>
                </Form>
                <FunnelTab region={region} />
              </>
            ),
          },
          {
            key: 'shortfalls',
            label: '推荐不足名单',
            children: (
              <>
                <Form layout="inline" style={{ marginBottom: 12 }}>
                  <Form.Item label="地区">
                    <RegionTreeSelect
                      value={region}
                      onChange={(r) => set({ region: r, run: undefined })}
                      allowClear
                      placeholder="本辖区"
                      style={{ width: 280 }}
                    />
                  </Form.Item>
                </Form>
                <ShortfallsTab region={region} run={run} />
              </>
            ),
          },
          {
            key: 'outbox',
            label: '推送记录',
            children: (
              <>
                <Form layout="inline" style={{ marginBottom: 12 }}>
                  <Form.Item label="地区">
                    <RegionTreeSelect
                      value={region}
                      onChange={(r) => set({ region: r })}
                      allowClear
                      placeholder="本辖区"
                      style={{ width: 280 }}
                    />
                  </Form.Item>
                </Form>
                <OutboxTab region={region} />
              </>
            ),
          },
        ]}
      />
    </PageCard>
  );
}
