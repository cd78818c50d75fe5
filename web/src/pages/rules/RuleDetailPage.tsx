// One rule: its text and citations, parameters with their dated values, the regional
// settings (with a form for the level that sets them), 试算 and 政策找人 — one tab each.
import { FUND_NAMES, SUBJECT_KIND_NAMES } from '@domain/rules/types.ts';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, List, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { getRule, getRules, type ParameterInfo, type RuleInfo } from '../../api/rules.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { paramValue, period, UNIT_NAMES } from '../../lib/rules-format.ts';
import { PolicyFindPanel } from './PolicyFindPanel.tsx';
import { RuleSettingsPanel } from './RuleSettingsPanel.tsx';
import { RuleTrialPanel } from './RuleTrialPanel.tsx';

/** Quoted article texts keyed "DOC/article" (and "article" for the rule's own document). */
export function useArticleTexts(rule: RuleInfo | undefined): Record<string, string> {
  const catalog = useQuery({ queryKey: ['rules'], queryFn: getRules, staleTime: 60_000, enabled: !!rule });
  const texts: Record<string, string> = {};
  for (const doc of catalog.data?.documents ?? []) {
    for (const { article, text } of doc.articles) {
      texts[`${doc.code}/${article}`] = text;
      if (doc.code === rule?.document.code) texts[article] = text;
    }
  }
  for (const c of rule?.citations ?? []) if (c.text) texts[`${c.document}/${c.article}`] = c.text;
  return texts;
}

function ParameterValues({ p }: { p: ParameterInfo }) {
  if (p.setBy) {
    return (
      <Space orientation="vertical" size={2}>
        <Tag color="orange">
          由{p.setByName}设定{p.citation ? `（${p.citation.article}）` : ''}
        </Tag>
        {(p.choices ?? []).map((c) => (
          <Typography.Text key={c.value} type="secondary">
            {c.value}：{c.label}（{c.citation.article}）
          </Typography.Text>
        ))}
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size={2}>
      {p.values.map((v) => (
        <span key={v.from}>
          <Typography.Text strong>{paramValue(p.unit, v.value, p.choices)}</Typography.Text>
          <Typography.Text type="secondary">
            {' '}
            {period(v.from, v.to)} ·{' '}
            <Tooltip title={v.citation.text}>
              <Typography.Text type="secondary" underline>
                {v.citation.article}
              </Typography.Text>
            </Tooltip>
          </Typography.Text>
        </span>
      ))}
    </Space>
  );
}

function RuleText({ rule }: { rule: RuleInfo }) {
  const doc = rule.document;
  return (
    <>
      <Typography.Paragraph>{rule.summary}</Typography.Paragraph>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'doc', label: '文件', children: `${doc.number ? `${doc.number} ` : ''}${doc.title}（${doc.issuer}）` },
          { key: 'subject', label: '申领对象', children: rule.subjectName ?? SUBJECT_KIND_NAMES[rule.subject] },
          { key: 'beneficiary', label: '收款人', children: rule.beneficiary },
          { key: 'fund', label: '资金来源', children: rule.fundName ?? FUND_NAMES[rule.fund] },
          { key: 'region', label: '适用地区', children: rule.region || '全国' },
          { key: 'period', label: '有效期', children: period(rule.period.from, rule.period.to) },
          {
            key: 'limit',
            label: '申领次数',
            children: rule.limit
              ? `${rule.limit.window === 'calendar_year' ? '每年' : '终身'} ${rule.limit.times} 次（${rule.limit.article}；与同组“${rule.limit.group}”的规则合计）`
              : '不限',
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        条文
      </Typography.Title>
      <List
        size="small"
        bordered
        dataSource={rule.citations}
        renderItem={(c) => (
          <List.Item>
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>
                {c.number || c.document} {c.article}
              </Typography.Text>
              <Typography.Text>{c.text || '（未收录原文）'}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        参数
      </Typography.Title>
      <Table<ParameterInfo>
        size="small"
        rowKey="name"
        dataSource={rule.parameters}
        pagination={false}
        columns={[
          { title: '参数', dataIndex: 'label' },
          { title: '名称', dataIndex: 'name', width: 200, render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
          { title: '单位', dataIndex: 'unit', width: 90, render: (u: ParameterInfo['unit']) => UNIT_NAMES[u] ?? u },
          { title: '取值（有效期 · 依据）', key: 'values', render: (_v, p) => <ParameterValues p={p} /> },
        ]}
      />
    </>
  );
}

export function RuleDetailPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const rule = useQuery({ queryKey: ['rule', id], queryFn: () => getRule(id), staleTime: 60_000 });
  const texts = useArticleTexts(rule.data);
  const tab = params.get('tab') ?? 'text';

  return (
    <PageCard title={rule.data ? `${rule.data.id} ${rule.data.title}` : `规则 ${id}`}>
      <ErrorAlert error={rule.error} />
      {rule.data && (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          items={[
            { key: 'text', label: '条文与参数', children: <RuleText rule={rule.data} /> },
            { key: 'settings', label: '地区设定', children: <RuleSettingsPanel rule={rule.data} /> },
            { key: 'trial', label: '试算', children: <RuleTrialPanel rule={rule.data} texts={texts} /> },
            { key: 'find', label: '政策找人', children: <PolicyFindPanel rule={rule.data} /> },
          ]}
        />
      )}
    </PageCard>
  );
}
