// One claim: what was applied for, the engine's decision with its trace, the steps taken
// with their comments, the evidence files, and the buttons of the steps this user may take.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { CLAIM_ACTION_NAMES, type DirectAction, STEPS } from '@domain/claims/steps.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Input, Modal, Select, Space, Table, Tabs, Timeline, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type Claim,
  type ClaimDetail,
  claimAction,
  EVIDENCE_KINDS,
  type Evidence,
  type EvidenceKind,
  getClaim,
  uploadEvidence,
} from '../../api/claims.ts';
import { download } from '../../api/client.ts';
import { getRule } from '../../api/rules.ts';
import { DecisionView } from '../../components/DecisionView.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { dateTime, yuan } from '../../lib/format.ts';
import { useArticleTexts } from '../rules/RuleDetailPage.tsx';
import { ClaimStatusTag } from './claim-format.tsx';

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

function EvidencePanel({ detail, onUploaded }: { detail: ClaimDetail; onUploaded: () => void }) {
  const claim = detail.claim;
  const { message } = App.useApp();
  const [kind, setKind] = useState<EvidenceKind>('ticket');
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Select<EvidenceKind>
          value={kind}
          onChange={setKind}
          style={{ width: 130 }}
          aria-label="材料类型"
          options={Object.entries(EVIDENCE_KINDS).map(([value, label]) => ({ value: value as EvidenceKind, label }))}
        />
        <Upload
          showUploadList={false}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              const ev = await uploadEvidence(claim.id, kind, file as File);
              message.success(`已上传 ${ev.fileName}`);
              onSuccess?.(ev);
              onUploaded();
            } catch (e) {
              message.error((e as Error).message);
              onError?.(e as Error);
            }
          }}
        >
          <Button icon={<UploadOutlined />}>上传材料</Button>
        </Upload>
      </Space>
      <Table<Evidence>
        size="small"
        rowKey={(e) => String(e.id)}
        dataSource={detail.evidence}
        pagination={false}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 100, render: (k: EvidenceKind, e) => e.kindName ?? EVIDENCE_KINDS[k] },
          { title: '文件', dataIndex: 'fileName' },
          {
            title: 'SHA-256',
            dataIndex: 'sha256',
            render: (h: string) => <Typography.Text code>{h.slice(0, 16)}…</Typography.Text>,
          },
          { title: '上传时间', dataIndex: 'uploadedAt', render: (t?: string) => (t ? dateTime(t) : '-') },
          {
            title: '',
            key: 'dl',
            render: (_v, e) => (
              <Button
                type="link"
                icon={<DownloadOutlined />}
                onClick={() => download(e.url, e.fileName).catch((x: Error) => message.error(x.message))}
              >
                下载
              </Button>
            ),
          },
        ]}
      />
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
  };
  const d = claim.data;
  const c = d?.claim;
  return (
    <PageCard title={c ? `补贴申请 ${c.number}` : '补贴申请'} extra={c && <ActionButtons claim={c} onDone={refresh} />}>
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
                children: c.personId ? <Link to={`/laborers/${c.personId}`}>{c.beneficiaryName}</Link> : c.beneficiaryName,
              },
              {
                key: 'filing',
                label: '申报方式',
                children: <span data-testid="claim-filing">{c.filingName}</span>,
              },
              { key: 'region', label: '地区', children: `${c.regionName}（${c.region}）` },
              { key: 'date', label: '发生日期', children: c.caseDate },
              { key: 'bank', label: '开户行', children: c.bankName ?? '-' },
              { key: 'account', label: '银行账号', children: c.bankAccount ?? '-' },
              { key: 'fund', label: '资金来源', children: c.fundName },
            ]}
          />
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
                            {dateTime(e.at)} · {e.actorName ?? ''}
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
                children: <EvidencePanel detail={d} onUploaded={() => refresh()} />,
              },
            ]}
          />
        </>
      )}
    </PageCard>
  );
}
