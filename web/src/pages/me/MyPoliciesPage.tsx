// 政策: the rules of the laborer's area as the engine decides them today on its register
// record: what it qualifies for (amount and article), what needs more facts, and what does
// not apply now and why.
import { useQuery } from '@tanstack/react-query';
import { Card, Collapse, Empty, Spin, Tag, Typography } from 'antd';
import { type MyPolicy, me } from '../../api/me.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { yuan } from '../../lib/format.ts';

function amount(p: MyPolicy): string {
  if (p.amountFen !== null) return yuan(p.amountFen);
  if (p.maxAmountFen !== null) return `最高 ${yuan(p.maxAmountFen)}`;
  return p.status === 'amount_not_set' ? '标准由当地确定' : '';
}

function PolicyCard({ p }: { p: MyPolicy }) {
  const color =
    p.status === 'eligible' ? 'green' : p.status === 'amount_not_set' || p.status === 'incomplete' ? 'orange' : 'default';
  return (
    <Card size="small" style={{ marginBottom: 10 }} data-testid={`policy-${p.rule}`}>
      <Typography.Text strong>{p.title}</Typography.Text> <Tag color={color}>{p.statusName}</Tag>
      {amount(p) && <div style={{ color: '#c0392b', margin: '4px 0' }}>{amount(p)}</div>}
      <Typography.Paragraph style={{ margin: '4px 0' }}>{p.message}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
        依据：{p.documentTitle || p.document}
        {p.citations.length > 0 ? ` ${[...new Set(p.citations.map((c) => c.article))].join('、')}` : ''}
        {`（${p.inForce.from} 至 ${p.inForce.to ?? '今'}）`}
      </Typography.Paragraph>
    </Card>
  );
}

export function MyPoliciesPage() {
  const q = useQuery({ queryKey: ['me', 'policies'], queryFn: me.policies });
  if (q.isPending) return <Spin />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data;
  return (
    <>
      <Typography.Title level={4}>我能享受的政策</Typography.Title>
      <Typography.Paragraph type="secondary">按台账信息，于 {d.date} 逐条判定，附文件条款。</Typography.Paragraph>
      {d.qualifies.length === 0 && <Empty description="按目前台账信息，暂无符合条件的政策" />}
      {d.qualifies.map((p) => (
        <PolicyCard key={p.rule} p={p} />
      ))}
      <Collapse
        style={{ marginTop: 12 }}
        items={[
          ...(d.needsFacts.length
            ? [
                {
                  key: 'facts',
                  label: `需补充材料才能判定（${d.needsFacts.length}）`,
                  children: d.needsFacts.map((p) => <PolicyCard key={p.rule} p={p} />),
                },
              ]
            : []),
          {
            key: 'not',
            label: `目前不适用（${d.notNow.length}）`,
            children: d.notNow.map((p) => <PolicyCard key={p.rule} p={p} />),
          },
        ]}
      />
    </>
  );
}
