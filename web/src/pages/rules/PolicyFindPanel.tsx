// 政策找人: a run over a region finds everyone who qualifies for the rule on the register's facts
// and has no live claim in its limit window. The run works in the background (a province takes
// a while); the page follows its progress, then lists the people by village with the amount,
// and exports the list for the village cadres who will call on them. For a workshop rule the
// run lists the region's 帮扶车间 that qualify or may qualify instead, each with its contact and
// what is still to verify; workshops are called on by the office, so no policy notice is sent.
// For an employer rule claimed per laborer it lists the region's employers with the laborers the
// claim could be for (EmployerFindResults).
import { SearchOutlined, SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Col, Form, Modal, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../../api/client.ts';
import {
  type FindFilter,
  type FindItem,
  type FindRun,
  type FindWorkshopItem,
  findRunResults,
  getFindRun,
  listFindRuns,
  type NotifyResult,
  notifyFindRun,
  type RuleInfo,
  startFindRun,
} from '../../api/rules.ts';
import type { Id } from '../../api/types.ts';
import { useRegionName } from '../../components/AppLayout.tsx';
import { useMe } from '../../components/AuthProvider.tsx';
import { amountText, StatusTag } from '../../components/DecisionView.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { RegionTreeSelect } from '../../components/RegionTreeSelect.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { beijingDateTime, todayInShanghai } from '../../lib/beijing-time.ts';
import { yuan } from '../../lib/format.ts';
import { serverPagination } from '../../lib/pagination.ts';
import { EmployerFindResults } from './EmployerFindResults.tsx';
import { conclusionColumns, ExportButton, useUnitList, VillageFilter } from './find-list-parts.tsx';

const RUN_COLORS: Record<FindRun['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};
const finished = (r?: FindRun) => r?.status === 'done' || r?.status === 'failed';

/** The counts of a run: a workshop run adds 其中待核实, a person run the caps of "up to" amounts. */
function RunCounts({ run }: { run: FindRun }) {
  const evaluated = { span: 5, suffix: `/ ${run.total}`, value: run.evaluated };
  const counts: { span: number; title: string; value: number | string; suffix?: string }[] =
    run.subject === 'employer'
      ? [
          { ...evaluated, title: '评估在岗劳动力数' },
          { span: 5, title: '符合或可能符合且未申领', value: run.qualified },
          { span: 4, title: '其中待核实', value: run.toVerify },
          { span: 4, title: '符合但已申领', value: run.alreadyClaimed },
          { span: 6, title: '确定金额合计', value: yuan(run.amountFen) },
        ]
      : run.subject === 'workshop'
        ? [
            { ...evaluated, title: '评估车间数' },
            { span: 5, title: '符合或可能符合且未申领', value: run.qualified },
            { span: 4, title: '其中待核实', value: run.toVerify },
            { span: 4, title: '符合但已申领', value: run.alreadyClaimed },
            { span: 6, title: '确定金额合计', value: yuan(run.amountFen) },
          ]
        : [
            { ...evaluated, title: '评估人数' },
            { span: 5, title: '符合条件且未申领', value: run.qualified },
            { span: 4, title: '符合但已申领', value: run.alreadyClaimed },
            { span: 5, title: '确定金额合计', value: yuan(run.amountFen) },
            { span: 5, title: '凭票据核定，最高合计', value: yuan(run.maxAmountFen) },
          ];
  return (
    <Row gutter={16} style={{ marginTop: 8 }}>
      {counts.map((c) => (
        <Col key={c.title} span={c.span}>
          <Statistic title={c.title} value={c.value} suffix={c.suffix} />
        </Col>
      ))}
    </Row>
  );
}

function RunSummary({ run }: { run: FindRun }) {
  const regionName = useRegionName(run.region);
  return (
    <div data-testid="find-run">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          批次 #{String(run.id)} · {regionName} · {run.date}
        </Typography.Text>
        <Tag color={RUN_COLORS[run.status]}>{run.statusName}</Tag>
      </Space>
      <Progress
        percent={run.percent}
        status={run.status === 'failed' ? 'exception' : run.status === 'done' ? 'success' : 'active'}
      />
      <RunCounts run={run} />
      {run.message && (
        <Alert type={run.status === 'failed' ? 'error' : 'info'} showIcon style={{ marginTop: 12 }} title={run.message} />
      )}
    </div>
  );
}

type Channel = 'sms' | 'wechat' | 'inapp';
const CHANNEL_OPTIONS: { value: Channel; label: string }[] = [
  { value: 'sms', label: '短信（台账手机号）' },
  { value: 'inapp', label: '劳动者服务站内消息' },
  { value: 'wechat', label: '微信（已绑定的）' },
];

/** 政策告知: tells the people on the list (or one village's) where to apply, once per channel. */
function NotifyButton({ run, filter }: { run: FindRun; filter: FindFilter }) {
  const { message } = App.useApp();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [channels, setChannels] = useState<Channel[]>(['sms', 'inapp']);
  const send = useMutation<NotifyResult, ApiError>({
    mutationFn: () => notifyFindRun(run.id, { ...filter, channels }),
    onSuccess: (r) => {
      setOpen(false);
      message.success(
        `名单 ${r.listed} 人：新排队 ${r.queued} 条通知` +
          (r.alreadyQueued ? `，${r.alreadyQueued} 条此前已通知` : '') +
          (r.skipped.length ? `，${r.skipped.length} 条因缺少手机号或未绑定微信未发送` : ''),
      );
    },
  });
  if (!['county', 'township', 'village'].includes(me.role)) return null;
  return (
    <>
      <Button icon={<SendOutlined />} onClick={() => setOpen(true)} disabled={run.qualified === 0}>
        通知名单中的人
      </Button>
      <Modal
        open={open}
        title="政策告知"
        okText="发送"
        confirmLoading={send.isPending}
        onOk={() => send.mutate()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: channels.length === 0 }}
      >
        <Typography.Paragraph>
          告知名单中的劳动力可能符合「{run.ruleTitle}」，请其携带身份证和相关材料到村委会或乡镇（苏木）社保所咨询申领。
          同一批次每人每个渠道只发送一次。
        </Typography.Paragraph>
        <Checkbox.Group<Channel> value={channels} onChange={setChannels} options={CHANNEL_OPTIONS} />
        <ErrorAlert error={send.error} />
      </Modal>
    </>
  );
}

function PersonResults({ rule, run }: { rule: RuleInfo; run: FindRun }) {
  const [village, setVillage] = useState<string | undefined>();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const filter = village && village !== run.region ? { village } : {};
  const results = useQuery({
    queryKey: ['find-results', String(run.id), filter, page],
    queryFn: () => findRunResults(run.id, { ...filter, ...page }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Form layout="inline" style={{ margin: '16px 0 12px' }}>
        <VillageFilter
          value={village}
          onChange={(v) => {
            setVillage(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
        />
        <Form.Item>
          <ExportButton run={run} filter={filter} />
        </Form.Item>
        <Form.Item>
          <NotifyButton run={run} filter={filter} />
        </Form.Item>
      </Form>
      <ErrorAlert error={results.error} />
      <Table<FindItem>
        size="small"
        rowKey={(r) => String(r.personId)}
        loading={results.isFetching}
        dataSource={results.data?.items}
        pagination={serverPagination(page, results.data?.total, '人符合条件且本期未申领', setPage)}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n: string, r) => <Link to={`/laborers/${r.personId}`}>{n}</Link> },
          { title: '身份证号', dataIndex: 'idNumber' },
          { title: '所在村', key: 'village', render: (_v, r) => r.villageName || r.villageCode },
          { title: '联系电话', dataIndex: 'phone' },
          { title: '结论', dataIndex: 'status', render: (s: FindItem['status']) => <StatusTag status={s} /> },
          { title: '金额', key: 'amount', render: (_v, r) => amountText(r) },
          {
            title: '',
            key: 'apply',
            render: (_v, r) => (
              <Link
                to={`/claims/new?${new URLSearchParams({ rule: rule.id, personId: String(r.personId), region: r.villageCode, date: run.date })}`}
              >
                代为申报
              </Link>
            ),
          },
        ]}
      />
    </>
  );
}

/** The 帮扶车间 of a workshop run, with contacts for the office's call and the facts it must verify. */
function WorkshopResults({ run }: { run: FindRun }) {
  const { results, page, setPage, form } = useUnitList(run);
  return (
    <>
      {form}
      <Typography.Paragraph type="secondary">
        名单中是帮扶车间，不发送政策告知：请按名单中的联系人和电话联系车间，核实待核实事项后指导其申报。
      </Typography.Paragraph>
      {run.unmatchedWorkshops.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="unmatched-workshops"
          title="以下单位名称在劳动力的就业经历中登记为帮扶车间就业，但未关联、也对应不到本县唯一一个已登记的帮扶车间，这些劳动力未计入任何车间"
          description={
            <>
              <div>
                {run.unmatchedWorkshops
                  .map((u) => `${u.name}（${u.laborers} 人，其中脱贫劳动力 ${u.poorLaborers} 人）`)
                  .join('；')}
              </div>
              <div>
                请到“用人单位”按其营业执照登记该车间，然后在劳动力的就业经历中从列表选择该车间（按统一社会信用代码关联），或在台账导入文件的“务工单位统一社会信用代码”列填写其代码；同名车间不止一个时，也须这样关联。
              </div>
            </>
          }
        />
      )}
      <ErrorAlert error={results.error} />
      <Table<FindWorkshopItem>
        size="small"
        rowKey={(r) => String(r.employerId)}
        loading={results.isFetching}
        dataSource={results.data?.workshops}
        scroll={{ x: 1400 }}
        pagination={serverPagination(page, results.data?.total, '个帮扶车间符合或可能符合条件且未申领', setPage)}
        columns={[
          {
            title: '单位名称',
            dataIndex: 'name',
            width: 170,
            render: (n: string, r) => <Link to={`/employers/${r.employerId}`}>{n}</Link>,
          },
          { title: '类型', dataIndex: 'kind', width: 100 },
          { title: '登记地', key: 'region', width: 130, render: (_v, r) => r.regionName || r.regionCode },
          {
            title: '联系人/电话',
            key: 'contact',
            width: 130,
            render: (_v, r) => [r.contactName, r.contactPhone].filter(Boolean).join(' ') || '-',
          },
          {
            title: '台账在岗劳动力 / 其中脱贫劳动力',
            key: 'laborers',
            width: 130,
            align: 'right',
            render: (_v, r) => `${r.laborers} / ${r.poorLaborers}`,
          },
          ...conclusionColumns<FindWorkshopItem>(
            run,
            (r) => ({ subjectName: r.name, subjectKey: r.creditCode, region: r.regionCode }),
            240,
          ),
        ]}
      />
    </>
  );
}

function ShownRun({ rule, runId }: { rule: RuleInfo; runId: Id }) {
  const queryClient = useQueryClient();
  const run = useQuery({
    queryKey: ['find-run', String(runId)],
    queryFn: async () => {
      const r = await getFindRun(runId);
      if (finished(r)) void queryClient.invalidateQueries({ queryKey: ['find-runs', rule.id] });
      return r;
    },
    refetchInterval: (q) => (finished(q.state.data) ? false : 1000),
  });
  if (run.error) return <ErrorAlert error={run.error} />;
  if (!run.data) return null;
  return (
    <div style={{ marginTop: 16 }}>
      <RunSummary run={run.data} />
      {run.data.status === 'done' &&
        (run.data.subject === 'workshop' ? (
          <WorkshopResults run={run.data} />
        ) : run.data.subject === 'employer' ? (
          <EmployerFindResults run={run.data} />
        ) : (
          <PersonResults rule={rule} run={run.data} />
        ))}
    </div>
  );
}

const EMPLOYER_FIND_TEXT =
  '查找辖区内可为台账劳动力申领本项补贴、尚未申领的用人单位：按已关联该单位（统一社会信用代码）的当前就业经历，逐人列出劳动力及其在岗月数，' +
  '劳动合同、单位性质等台账未记载的条件列为待核实。只写了单位名称、未关联的就业经历不计入。';

const WORKSHOP_FIND_TEXT =
  '查找辖区内符合或可能符合条件、尚未申领的帮扶车间：按台账中劳动力的就业单位统计各认定车间的在岗劳动力和脱贫劳动力，' +
  '劳动合同期限、工资等台账未记载的条件列为待核实。';

/** Rules a run can look for: persons, workshops, or employers claiming per laborer. */
function findable(rule: RuleInfo): boolean {
  return rule.subject === 'person' || rule.subject === 'workshop' || (rule.subject === 'employer' && rule.namesLaborer);
}

export function PolicyFindPanel({ rule }: { rule: RuleInfo }) {
  const me = useMe();
  const queryClient = useQueryClient();
  const [region, setRegion] = useState<string | undefined>(me.regionCode);
  const [date, setDate] = useState(todayInShanghai());
  const [shown, setShown] = useState<Id | undefined>();
  const runs = useQuery({
    queryKey: ['find-runs', rule.id],
    queryFn: () => listFindRuns({ rule: rule.id, pageSize: 10 }),
    enabled: findable(rule),
    refetchInterval: (q) => (q.state.data?.items.some((r) => !finished(r)) ? 2000 : false),
  });
  const start = useMutation<FindRun, ApiError>({
    mutationFn: () => startFindRun(rule.id, { ...(region ? { region } : {}), date }),
    onSuccess: (r) => {
      setShown(r.id);
      void queryClient.invalidateQueries({ queryKey: ['find-runs', rule.id] });
    },
  });
  if (!findable(rule)) {
    return <ErrorAlert error={new Error('政策找人只适用于以劳动力个人、帮扶车间为对象，或由用人单位按劳动力逐人申报的规则')} />;
  }
  const workshops = rule.subject === 'workshop';
  const employers = rule.subject === 'employer';

  return (
    <>
      {workshops && <Typography.Paragraph type="secondary">{WORKSHOP_FIND_TEXT}</Typography.Paragraph>}
      {employers && <Typography.Paragraph type="secondary">{EMPLOYER_FIND_TEXT}</Typography.Paragraph>}
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label="区划" htmlFor="find-region">
          <RegionTreeSelect id="find-region" value={region} onChange={setRegion} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item label="日期" htmlFor="find-date">
          <DatePicker
            id="find-date"
            value={dayjs(date)}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            allowClear={false}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" icon={<SearchOutlined />} loading={start.isPending} onClick={() => start.mutate()}>
            {workshops ? '查找符合条件的帮扶车间' : employers ? '查找符合条件的用人单位' : '查找符合条件的人'}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={start.error ?? runs.error} />
      {runs.data && runs.data.items.length > 0 && (
        <Table<FindRun>
          size="small"
          rowKey={(r) => String(r.id)}
          pagination={false}
          dataSource={runs.data.items}
          columns={[
            { title: '批次', dataIndex: 'id', render: (id: Id) => `#${String(id)}` },
            { title: '区划', dataIndex: 'region' },
            { title: '日期', dataIndex: 'date' },
            {
              title: '状态',
              key: 'status',
              render: (_v, r) => <Tag color={RUN_COLORS[r.status]}>{r.statusName}</Tag>,
            },
            {
              title: '符合且未申领',
              key: 'qualified',
              render: (_v, r) =>
                r.subject !== 'person' && r.toVerify > 0 ? `${r.qualified}（其中待核实 ${r.toVerify}）` : r.qualified,
            },
            { title: '发起时间', dataIndex: 'createdAt', render: (t: string) => beijingDateTime(t) },
            {
              title: '',
              key: 'show',
              render: (_v, r) => (
                <Button size="small" type={String(shown) === String(r.id) ? 'primary' : 'default'} onClick={() => setShown(r.id)}>
                  查看
                </Button>
              ),
            },
          ]}
        />
      )}
      {shown !== undefined && <ShownRun key={String(shown)} rule={rule} runId={shown} />}
    </>
  );
}
