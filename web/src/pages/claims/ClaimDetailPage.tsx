import { REVERSAL_LABELS } from '@domain/claims/reversal.ts';
import { CLAIM_ACTION_NAMES, type DirectAction, STEPS } from '@domain/claims/steps.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type Claim,
  type ClaimDetail,
  claimAction,
  getClaim,
  type ReversalAction,
  reversePayment,
  uploadEvidence,
} from '../../api/claims.ts';
import { getRule } from '../../api/rules.ts';
import { DecisionView } from '../../components/DecisionView.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { beijingDateTime, todayDayjs } from '../../lib/beijing-time.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';
import { yuan } from '../../lib/format.ts';
import { useArticleTexts } from '../rules/RuleDetailPage.tsx';
import { ClaimStatusTag } from './claim-format.tsx';
import { EvidencePanel } from './claim-parts.tsx';

function ActionButtons({ claim, onDone }: { claim: Claim; onDone: (c?: Claim) => void }) {
  const { message } = App.useApp();
  const [asking, setAsking] = useState<DirectAction>();
  const [comment, setComment] = useState('');
  const act = useMutation({
    mutationFn: ({ action, text }: { action: DirectAction; text: string }) => claimAction(claim.id, action, claim.version, text),
    onSuccess: (c, { action }) => {
      message.success(`已${CLAIM_ACTION_NAMES[action]}`);
      setAsking(undefined);
      setComment('');
      onDone(c);
    },
    onError: (e) => {
      message.error((e as Error).message);
      onDone();
    },
  });
  // The server says which steps this user may take on this claim now.
  const actions = claim.actions.map((a) => a.action as DirectAction);
  if (!actions.length) return null;
  return (
    <Space>
      {actions.map((a) => (
        <Button
          key={a}
          type={a === 'review' ? 'primary' : 'default'}
          danger={a === 'refuse'}
          onClick={() => {
            setComment('');
            setAsking(a);
          }}
        >
          {CLAIM_ACTION_NAMES[a]}
        </Button>
      ))}
      <Modal
        open={!!asking}
        title={asking ? `${CLAIM_ACTION_NAMES[asking]}：${claim.number}` : ''}
        okText="确定"
        cancelText="取消"
        confirmLoading={act.isPending}
        onCancel={() => setAsking(undefined)}
        onOk={() => asking && act.mutate({ action: asking, text: comment })}
        okButtonProps={{ disabled: !!asking && STEPS[asking].needsComment === true && !comment.trim() }}
      >
        <Input.TextArea
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-label="意见"
          placeholder={asking && STEPS[asking].needsComment ? '请填写原因（必填）' : '审核意见（可选）'}
        />
      </Modal>
    </Space>
  );
}

/** What each reversal does to the claim, said before the officer confirms it. */
const REVERSAL_EFFECTS: Record<ReversalAction, string> = {
  bank_return:
    '冲销已拨付金额，申请回到待拨付队列（拨付失败或资金退回）。请核实或更正银行账户后列入新的拨付批次；同一申请不会同时有两笔在途或已拨付的款项。',
  recover:
    '冲销核定、应拨付和已拨付金额，申请办结为「违规资金已追回」，不能再拨付。该申请仍占用频次名额：同一对象在同一期间不能再次申领同类补贴（防止冒名顶替后重复申领）。',
};

interface ReversalForm {
  reason: string;
  date: Dayjs;
  reference?: string;
}

function ReversalButtons({ claim, onDone }: { claim: Claim; onDone: (c?: Claim) => void }) {
  const { message } = App.useApp();
  const [asking, setAsking] = useState<ReversalAction>();
  const [form] = Form.useForm<ReversalForm>();
  const act = useMutation({
    mutationFn: ({ action, v }: { action: ReversalAction; v: ReversalForm }) =>
      reversePayment(claim.id, action, {
        version: claim.version,
        reason: v.reason,
        date: v.date.format('YYYY-MM-DD'),
        reference: v.reference?.trim() || undefined,
      }),
    onSuccess: (c, { action }) => {
      message.success(`已登记${CLAIM_ACTION_NAMES[action]}`);
      setAsking(undefined);
      onDone(c);
    },
    onError: (e) => {
      const rest = showProblemsOnForm(form, e, ['reason', 'date', 'reference']);
      if (rest.length > 0 || !form.getFieldsError().some((f) => f.errors.length > 0)) message.error((e as Error).message);
      onDone();
    },
  });
  if (!claim.reversalActions.length) return null;
  const labels = REVERSAL_LABELS[asking ?? 'bank_return'];
  // The server dates by Asia/Shanghai; so does the form, whatever the browser's time zone.
  const today = todayDayjs();
  return (
    <>
      {claim.reversalActions.map((a) => (
        <Button
          key={a.action}
          danger={a.action === 'recover'}
          onClick={() => {
            form.resetFields();
            setAsking(a.action);
          }}
        >
          {a.name}
        </Button>
      ))}
      <Modal
        open={!!asking}
        title={asking ? `${CLAIM_ACTION_NAMES[asking]}：${claim.number}（${yuan(claim.amountFen)}）` : ''}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ danger: asking === 'recover' }}
        confirmLoading={act.isPending}
        onCancel={() => setAsking(undefined)}
        onOk={() =>
          form.validateFields().then(
            (v) => asking && act.mutate({ action: asking, v }),
            () => undefined, // antd shows the problems on the fields
          )
        }
        forceRender
      >
        {asking && <Alert type="warning" showIcon title={REVERSAL_EFFECTS[asking]} style={{ marginBottom: 12 }} />}
        <Form<ReversalForm> form={form} layout="vertical" initialValues={{ date: today }}>
          <Form.Item
            name="reason"
            label={labels.reason}
            rules={[{ required: true, whitespace: true, message: `请填写${labels.reason}` }]}
          >
            <Input.TextArea rows={3} aria-label={labels.reason} maxLength={1000} />
          </Form.Item>
          <Form.Item name="date" label={labels.date} rules={[{ required: true, message: `请选择${labels.date}` }]}>
            <DatePicker aria-label={labels.date} disabledDate={(d) => d.isAfter(today, 'day')} />
          </Form.Item>
          <Form.Item name="reference" label={labels.reference}>
            <Input aria-label={labels.reference} maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function PaymentsPanel({ detail }: { detail: ClaimDetail }) {
  return (
    <>
      <Table<ClaimDetail['payments'][number]>
        size="small"
        rowKey={(p) => p.detailNo}
        dataSource={detail.payments}
        pagination={false}
        locale={{ emptyText: '尚未列入拨付批次' }}
        style={{ marginBottom: 12 }}
        columns={[
          { title: '明细号', dataIndex: 'detailNo', render: (n: string, p) => <Link to={`/payments/${p.batchId}`}>{n}</Link> },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
          { title: '结果', dataIndex: 'statusName', render: (n: string) => <Tag>{n}</Tag> },
          {
            title: '失败或移出原因',
            key: 'reason',
            render: (_v, p) => p.failureReason || p.removalReason || '-',
          },
          { title: '银行流水号', dataIndex: 'bankRef', render: (r: string | null) => r || '-' },
        ]}
      />
      {detail.reversals.length > 0 && (
        <Table<ClaimDetail['reversals'][number]>
          size="small"
          data-testid="claim-reversals"
          rowKey={(r) => String(r.id)}
          dataSource={detail.reversals}
          pagination={false}
          columns={[
            { title: '类别', dataIndex: 'causeName' },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
            { title: '日期', dataIndex: 'date' },
            { title: '原因', dataIndex: 'reason' },
            { title: '凭证或流水号', dataIndex: 'reference', render: (r: string) => r || '-' },
            { title: '经办人', dataIndex: 'actorName' },
          ]}
        />
      )}
    </>
  );
}

export function ClaimDetailPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const claim = useQuery({ queryKey: ['claim', id], queryFn: () => getClaim(id) });
  const rule = useQuery({
    queryKey: ['rule', claim.data?.claim.rule],
    queryFn: () => getRule(claim.data?.claim.rule ?? ''),
    enabled: !!claim.data,
  });
  const texts = useArticleTexts(rule.data);
  const refresh = (_c?: Claim) => {
    void queryClient.invalidateQueries({ queryKey: ['claim', id] });
    void queryClient.invalidateQueries({ queryKey: ['claims'] });
    void queryClient.invalidateQueries({ queryKey: ['ledger'] });
    void queryClient.invalidateQueries({ queryKey: ['batch'] });
  };
  const d = claim.data;
  const c = d?.claim;
  return (
    <PageCard
      title={c ? `补贴申请 ${c.number}` : '补贴申请'}
      extra={
        c && (
          <Space>
            <ActionButtons claim={c} onDone={refresh} />
            <ReversalButtons claim={c} onDone={refresh} />
          </Space>
        )
      }
    >
      <ErrorAlert error={claim.error} />
      {d && c && (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 3 }}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'status', label: '状态', children: <ClaimStatusTag status={c.status} /> },
              {
                key: 'rule',
                label: '补贴项目',
                children: <Link to={`/rules/${c.rule}`}>{`${c.rule} ${c.ruleTitle ?? ''}`}</Link>,
              },
              {
                key: 'amount',
                label: '核定金额',
                children: (
                  <Typography.Text strong data-testid="claim-amount">
                    {yuan(c.amountFen)}
                  </Typography.Text>
                ),
              },
              {
                key: 'who',
                label: '申领人',
                children:
                  c.subjectKind === 'person' && c.personId ? (
                    <Link to={`/laborers/${c.personId}`}>{c.beneficiaryName}</Link>
                  ) : (
                    c.beneficiaryName
                  ),
              },
              // A unit's claim about one laborer (a post, a placement): the laborer, apart from the unit.
              ...(c.subjectKind !== 'person' && c.personId
                ? [
                    {
                      key: 'laborer',
                      label: '所涉劳动力',
                      children: (
                        <Link to={`/laborers/${c.personId}`}>
                          {c.laborerName ? `${c.laborerName}（${c.laborerIdNumber ?? ''}）` : '查看台账记录'}
                        </Link>
                      ),
                    },
                  ]
                : []),
              ...(c.unitCode ? [{ key: 'unit', label: '单位统一社会信用代码', children: c.unitCode }] : []),
              {
                key: 'applicant',
                label: '申报方式',
                children: <span data-testid="claim-applicant">{c.applicantName}</span>,
              },
              { key: 'region', label: '地区', children: `${c.regionName}（${c.region}）` },
              { key: 'date', label: '发生日期', children: c.caseDate },
              { key: 'bank', label: '开户行', children: c.bankName ?? '-' },
              { key: 'account', label: '银行账号', children: c.bankAccount ?? '-' },
              { key: 'fund', label: '资金来源', children: c.fundName },
            ]}
          />
          {d.registerCheck && (
            <Alert
              type={d.registerCheck.level === 'ok' ? 'success' : d.registerCheck.level}
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="register-check"
              title="台账核对（所涉劳动力在本单位的就业）"
              description={d.registerCheck.note}
            />
          )}
          <Tabs
            items={[
              { key: 'decision', label: '核定结果', children: <DecisionView decision={d.decision} texts={texts} /> },
              {
                key: 'events',
                label: '办理记录',
                children: (
                  <Timeline
                    items={d.events.map((e) => ({
                      key: String(e.id),
                      children: (
                        <Space orientation="vertical" size={0}>
                          <Typography.Text strong>{e.actionName}</Typography.Text>
                          <Typography.Text type="secondary">
                            {beijingDateTime(e.at)} · {e.actorName ?? ''}
                          </Typography.Text>
                          {e.comment && <Typography.Text>意见：{e.comment}</Typography.Text>}
                        </Space>
                      ),
                    }))}
                  />
                ),
              },
              {
                key: 'evidence',
                label: `证明材料（${d.evidence.length}）`,
                children: (
                  <EvidencePanel
                    evidence={d.evidence}
                    firstKind="ticket"
                    upload={(kind, file) => uploadEvidence(d.claim.id, kind, file)}
                    onUploaded={() => refresh()}
                    showHash
                  />
                ),
              },
              {
                key: 'payments',
                label: `拨付记录（${d.payments.length}）`,
                children: <PaymentsPanel detail={d} />,
              },
            ]}
          />
        </>
      )}
    </PageCard>
  );
}
