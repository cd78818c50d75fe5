// 政策规则: every issuing document with the rules it grants, their subject, fund, region and period.
import { FUND_NAMES, SUBJECT_KIND_NAMES } from '@domain/rules/types.ts';
import { useQuery } from '@tanstack/react-query';
import { Collapse, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type DocumentInfo, getRules, type RuleInfo } from '../../api/rules.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { period } from '../../lib/rules-format.ts';

function matches(r: RuleInfo, q: string): boolean {
  return !q || `${r.id} ${r.title} ${r.summary} ${r.beneficiary}`.toLowerCase().includes(q.toLowerCase());
}

function RuleTable({ rules }: { rules: RuleInfo[] }) {
  return (
    <Table<RuleInfo>
      size="small"
      rowKey="id"
      dataSource={rules}
      pagination={false}
      columns={[
        { title: '编号', dataIndex: 'id', width: 130, render: (id: string) => <Link to={`/rules/${id}`}>{id}</Link> },
        {
          title: '名称',
          dataIndex: 'title',
          render: (t: string, r) => (
            <Space orientation="vertical" size={0}>
              <Link to={`/rules/${r.id}`}>{t}</Link>
              <Typography.Text type="secondary" ellipsis={{ tooltip: r.summary }} style={{ maxWidth: 560 }}>
                {r.summary}
              </Typography.Text>
            </Space>
          ),
        },
        { title: '对象', dataIndex: 'subject', width: 120, render: (s: RuleInfo['subject']) => SUBJECT_KIND_NAMES[s] ?? s },
        { title: '资金来源', dataIndex: 'fund', width: 130, render: (f: RuleInfo['fund']) => FUND_NAMES[f] ?? f },
        { title: '有效期', key: 'period', width: 200, render: (_v, r) => period(r.period.from, r.period.to) },
        {
          title: '条款',
          dataIndex: 'citations',
          width: 160,
          render: (a: RuleInfo['citations']) => a.map((x) => <Tag key={x.article}>{x.article}</Tag>),
        },
      ]}
    />
  );
}

export function RuleCatalogPage() {
  const rules = useQuery({ queryKey: ['rules'], queryFn: getRules, staleTime: 60_000 });
  const [q, setQ] = useState('');
  const docs: DocumentInfo[] = rules.data?.documents ?? [];
  const byDoc = (code: string) => (rules.data?.rules ?? []).filter((r) => r.document.code === code && matches(r, q));

  return (
    <PageCard
      title="政策规则"
      extra={<Input.Search allowClear placeholder="规则编号、名称或内容" onSearch={setQ} style={{ width: 260 }} />}
    >
      <ErrorAlert error={rules.error} />
      {rules.data && docs.length === 0 && <Empty description="尚无政策文件" />}
      <Collapse
        defaultActiveKey={docs.map((d) => d.code)}
        key={docs.length}
        items={docs.map((d) => {
          const list = byDoc(d.code);
          return {
            key: d.code,
            label: (
              <Space wrap>
                <Typography.Text strong>{d.title}</Typography.Text>
                {d.number && <Tag color="red">{d.number}</Tag>}
                <Typography.Text type="secondary">
                  {d.issuer} · {d.region ? `适用 ${d.region}` : '全国'} · {period(d.from, d.to)}
                </Typography.Text>
              </Space>
            ),
            extra: <Tag>{list.length} 条规则</Tag>,
            children: list.length ? <RuleTable rules={list} /> : <Typography.Text type="secondary">无金额规则</Typography.Text>,
          };
        })}
      />
    </PageCard>
  );
}
