import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, Modal, Space, Table, Tabs, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  getEmployerRules,
  getOwnClaim,
  type OwnClaimDetail,
  ownClaimAction,
  uploadOwnEvidence,
} from '../../api/employer-claims.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { FactFields, toFacts } from '../../components/FactInput.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { beijingDateTime } from '../../lib/beijing-time.ts';
import { yuan } from '../../lib/format.ts';
import { ClaimStatusTag } from '../claims/claim-format.tsx';
import { EvidencePanel } from '../claims/claim-parts.tsx';
import { EmployerDecision } from './EmployerDecision.tsx';

function factText(v: unknown, name: string): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' && name.endsWith('Fen')) return yuan(v);
  return String(v);
}

/** Correct the stated facts of a returned claim and resubmit it (decided again). */
function ResubmitButton({ detail, onDone }: { detail: OwnClaimDetail; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ facts?: Record<string, unknown>; comment?: string }>();
  const rules = useQuery({ queryKey: ['employer-rules'], queryFn: getEmployerRules, staleTime: 60_000, enabled: open });
  const rule = rules.data?.items.find((r) => r.id === detail.claim.rule);
  const c = detail.claim;
  const act = useMutation({
    mutationFn: (v: { facts?: Record<string, unknown>; comment?: string }) =>
      ownClaimAction(c.id, {
        action: 'resubmit',
        version: c.version,
        comment: v.comment ?? '',
        ...(rule ? { facts: toFacts(rule.facts, v.facts) } : {}),
      }),
    onSuccess: () => {
      message.success('已重新申报');
      setOpen(false);
      onDone();
    },
    onError: (e) => message.error((e as Error).message),
  });
  const initial = Object.fromEntries(
    Object.entries(detail.facts).map(([k, v]) => [
      k,
      typeof v === 'boolean' ? String(v) : k.endsWith('Fen') && typeof v === 'number' ? v / 100 : v,
    ]),
  );
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        修改后重新申报
      </Button>
      <Modal
        open={open}
        title={`修改后重新申报 ${c.number}`}
        okText="重新申报"
        confirmLoading={act.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
        width={640}
      >
        <Form form={form} layout="vertical" initialValues={{ facts: initial }} onFinish={(v) => act.mutate(v)} preserve={false}>
          {rule && <FactFields facts={rule.facts} />}
          <Form.Item name="comment" label="修改说明">
            <Input.TextArea rows={2} aria-label="修改说明" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Actions({ detail, onDone }: { detail: OwnClaimDetail; onDone: () => void }) {
  const { message, modal } = App.useApp();
  const c = detail.claim;
  const can = new Set(c.actions.map((a) => a.action));
  return (
    <Space>
      {can.has('resubmit') && <ResubmitButton detail={detail} onDone={onDone} />}
      {can.has('withdraw') && (
        <Button
          danger
          onClick={() =>
            modal.confirm({
              title: `撤回申请 ${c.number}？`,
              content: '撤回后本申请不再办理，次数限制随之释放。',
              okText: '撤回',
              onOk: () =>
                ownClaimAction(c.id, { action: 'withdraw', version: c.version })
                  .then(() => {
                    message.success('已撤回');
                    onDone();
                  })
                  .catch((e: Error) => message.error(e.message)),
            })
          }
        >
          撤回申请
        </Button>
      )}
    </Space>
  );
}

export function EmployerClaimDetailPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['own-claim', id], queryFn: () => getOwnClaim(id) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['own-claim', id] });
    void queryClient.invalidateQueries({ queryKey: ['own-claims'] });
  };
  const d = q.data;
  const c = d?.claim;
  return (
    <PageCard title={c ? `补贴申请 ${c.number}` : '补贴申请'} extra={d && <Actions detail={d} onDone={refresh} />}>
      <ErrorAlert error={q.error} />
      {d && c && (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 3 }}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'status', label: '状态', children: <ClaimStatusTag status={c.status} /> },
              { key: 'rule', label: '补贴项目', children: `${c.rule} ${c.ruleTitle}` },
              {
                key: 'amount',
                label: '核定金额',
                children: (
                  <Typography.Text strong data-testid="claim-amount">
                    {yuan(c.amountFen)}
                  </Typography.Text>
                ),
              },
              { key: 'unit', label: '申请单位', children: c.beneficiaryName },
              {
                key: 'laborer',
                label: '所涉劳动力',
                children: c.laborerName ? `${c.laborerName}（${c.laborerIdNumber ?? ''}）` : '-',
              },
              {
                key: 'cite',
                label: '政策依据',
                children: c.citations.map((x) => `${x.document} ${x.article}`).join('、'),
              },
              { key: 'date', label: '享受日期', children: c.caseDate },
              { key: 'bank', label: '开户行', children: c.bankName ?? '-' },
              { key: 'account', label: '银行账号', children: c.bankAccount ?? '-' },
              {
                key: 'facts',
                label: '本单位填报的事实',
                span: 3,
                children: Object.entries(d.facts)
                  .map(([k, v]) => `${d.factLabels[k] ?? k}：${factText(v, k)}`)
                  .join('；'),
              },
            ]}
          />
          <Tabs
            items={[
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
              { key: 'decision', label: '核定结果', children: <EmployerDecision decision={d.decision} /> },
              {
                key: 'evidence',
                label: `证明材料（${d.evidence.length}）`,
                children: (
                  <EvidencePanel
                    evidence={d.evidence}
                    firstKind="contract"
                    upload={
                      ['submitted', 'returned', 'reviewed'].includes(d.claim.status)
                        ? (kind, file) => uploadOwnEvidence(d.claim.id, kind, file)
                        : undefined
                    }
                    onUploaded={refresh}
                  />
                ),
              },
              {
                key: 'payments',
                label: '拨付结果',
                children: (
                  <Table
                    size="small"
                    rowKey="detailNo"
                    pagination={false}
                    dataSource={d.payments}
                    locale={{ emptyText: '尚未拨付' }}
                    columns={[
                      { title: '明细号', dataIndex: 'detailNo' },
                      { title: '金额', dataIndex: 'amountFen', render: (f: number) => yuan(f) },
                      { title: '账户', key: 'acct', render: (_v, p) => `${p.bankName} ${p.bankAccount}` },
                      { title: '结果', dataIndex: 'statusName' },
                      { title: '失败原因', dataIndex: 'failureReason' },
                      { title: '到账时间', dataIndex: 'settledAt', render: (t: string | null) => beijingDateTime(t) },
                    ]}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </PageCard>
  );
}
