// 我的申请: the laborer's own claims, each with its steps (申报 → 审核 → 公示 → 拨付) and what
// was paid to which (masked) account.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Spin, Steps, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { type MyClaim, me } from '../../api/me.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { beijingDateTime } from '../../lib/beijing-time.ts';

const STAGES = ['submitted', 'reviewed', 'publicized', 'approved', 'paid'] as const;
const STAGE_NAMES = ['申报', '审核', '公示', '待拨付', '已拨付'];

function stage(status: string): { current: number; error: boolean } {
  if (status === 'returned') return { current: 1, error: true };
  if (status === 'refused' || status === 'withdrawn') return { current: 1, error: true };
  if (status === 'batched') return { current: 4, error: false };
  if (status === 'failed') return { current: 4, error: true };
  const i = STAGES.indexOf(status as (typeof STAGES)[number]);
  return { current: status === 'paid' ? 4 : Math.max(0, i), error: false };
}

function statusColor(s: string) {
  return s === 'paid' ? 'green' : s === 'refused' || s === 'failed' ? 'red' : s === 'returned' ? 'orange' : 'blue';
}

function ClaimCard({ c }: { c: MyClaim }) {
  return (
    <Link to={`/me/claims/${c.id}`}>
      <Card size="small" style={{ marginBottom: 10 }}>
        <Typography.Text strong>{c.ruleTitle}</Typography.Text> <Tag color={statusColor(c.status)}>{c.statusName}</Tag>
        <div style={{ color: '#c0392b' }}>{c.amountYuan} 元</div>
        <div style={{ color: '#666', fontSize: 12 }}>
          {c.number} · {c.applicantName} · 发生日期 {c.caseDate}
        </div>
      </Card>
    </Link>
  );
}

export function MyClaimsPage() {
  const q = useQuery({ queryKey: ['me', 'claims'], queryFn: me.claims });
  if (q.isPending) return <Spin />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <>
      <Typography.Title level={4}>我的申请</Typography.Title>
      {q.data.items.length === 0 && <Empty description="还没有补贴申请" />}
      {q.data.items.map((c) => (
        <ClaimCard key={c.id} c={c} />
      ))}
    </>
  );
}

export function MyClaimDetailPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['me', 'claim', id], queryFn: () => me.claim(id) });
  if (q.isPending) return <Spin />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const c = q.data;
  const s = stage(c.status);
  return (
    <>
      <Link to="/me/claims">‹ 返回我的申请</Link>
      <Card style={{ marginTop: 8 }} title={c.ruleTitle} extra={<Tag color={statusColor(c.status)}>{c.statusName}</Tag>}>
        <Steps
          direction="vertical"
          size="small"
          current={s.current}
          status={s.error ? 'error' : c.status === 'paid' ? 'finish' : 'process'}
          items={STAGE_NAMES.map((t) => ({ title: t }))}
        />
        <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
          <Descriptions.Item label="申请编号">{c.number}</Descriptions.Item>
          <Descriptions.Item label="申请方式">{c.applicantName}</Descriptions.Item>
          <Descriptions.Item label="核定金额">
            <span data-testid="my-claim-amount">{c.amountYuan} 元</span>
          </Descriptions.Item>
          <Descriptions.Item label="发生日期">{c.caseDate}</Descriptions.Item>
          <Descriptions.Item label="收款账户">{`${c.bankName ?? ''} ${c.bankAccount ?? ''}`}</Descriptions.Item>
          <Descriptions.Item label="判定">{c.decisionMessage}</Descriptions.Item>
          <Descriptions.Item label="材料">{c.evidence.map((e) => e.fileName).join('、') || '无'}</Descriptions.Item>
        </Descriptions>
        {c.payments.map((p) => (
          <Alert
            key={`${p.status}-${p.settledAt}`}
            style={{ marginTop: 8 }}
            type={p.status === 'paid' ? 'success' : p.status === 'failed' ? 'error' : 'info'}
            showIcon
            title={`${p.statusName}：${p.amountYuan} 元`}
            description={`${p.bankName} ${p.bankAccount}${p.failureReason ? `，原因：${p.failureReason}` : ''}`}
          />
        ))}
      </Card>
      <Card size="small" title="办理记录" style={{ marginTop: 12 }}>
        <Timeline
          items={c.steps.map((e, i) => ({
            key: i,
            children: (
              <>
                <div>
                  {e.actionName} → {e.toName}
                </div>
                <div style={{ color: '#666', fontSize: 12 }}>
                  {beijingDateTime(e.at)} {e.actorName}
                </div>
                {e.comment && <div>{e.comment}</div>}
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
