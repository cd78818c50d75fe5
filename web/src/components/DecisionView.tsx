// One decision of the engine: status, amount (or the most it can be), the message, and the
// trace — every check with its value, what the rule expects, whether it passed and the
// document + article it rests on.
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import {
  DECISION_STATUS_NAMES,
  type Decision,
  type DecisionStatus,
  FUND_NAMES,
  type ParameterUse,
  type TraceStep,
} from '@domain/rules/types.ts';
import { Alert, Descriptions, Table, Tag, Tooltip, Typography } from 'antd';
import { yuan } from '../lib/format.ts';
import { paramValue, period } from '../lib/rules-format.ts';

export const STATUS_COLORS: Record<DecisionStatus, string> = {
  eligible: 'success',
  not_eligible: 'error',
  not_in_force: 'default',
  amount_not_set: 'warning',
  incomplete: 'processing',
};

const STEP_KINDS: Record<TraceStep['kind'], string> = {
  scope: '适用范围',
  fact: '事实',
  check: '条件',
  limit: '次数限制',
  parameter: '参数',
  amount: '金额',
};

export function StatusTag({ status }: { status: DecisionStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{DECISION_STATUS_NAMES[status] ?? status}</Tag>;
}

/** "HZ-2018-20 第16条", with the quoted article text on hover when known. */
export function Cite({ document, article, texts }: { document: string; article: string; texts?: Record<string, string> }) {
  const text = texts?.[`${document}/${article}`] ?? texts?.[article];
  const label = `${document} ${article}`;
  return text ? (
    <Tooltip title={text}>
      <Typography.Text underline>{label}</Typography.Text>
    </Tooltip>
  ) : (
    <span>{label}</span>
  );
}

export function amountText(d: Pick<Decision, 'amountFen' | 'maxAmountFen'>): string {
  if (d.amountFen !== null && d.amountFen !== undefined) return yuan(d.amountFen);
  if (d.maxAmountFen !== null && d.maxAmountFen !== undefined) return `最高 ${yuan(d.maxAmountFen)}`;
  return '-';
}

export function DecisionView({ decision, texts }: { decision: Decision; texts?: Record<string, string> }) {
  const d = decision;
  return (
    <div data-testid="decision" data-rule={d.rule}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'rule', label: '规则', children: `${d.rule} ${d.title}` },
          { key: 'status', label: '结论', children: <StatusTag status={d.status} /> },
          {
            key: 'amount',
            label: '金额',
            children: (
              <Typography.Text strong data-testid="decision-amount">
                {amountText(d)}
              </Typography.Text>
            ),
          },
          { key: 'fund', label: '资金来源', children: FUND_NAMES[d.fund] ?? d.fund },
          { key: 'scope', label: '适用范围', children: `${d.inForce.region || '全国'}，${period(d.inForce.from, d.inForce.to)}` },
          {
            key: 'cites',
            label: '依据',
            children: d.citations.map((c, i) => (
              <span key={`${c.document}${c.article}`}>
                {i > 0 && '、'}
                <Cite document={c.document} article={c.article} texts={texts} />
              </span>
            )),
          },
        ]}
      />
      {d.message && (
        <Alert
          type={d.status === 'eligible' ? 'success' : d.status === 'not_eligible' ? 'error' : 'warning'}
          showIcon
          title={d.message}
          description={d.missingFacts.length ? `缺少：${d.missingFacts.join('、')}` : undefined}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<TraceStep>
        size="small"
        data-testid="trace"
        rowKey={(_s, i) => String(i)}
        dataSource={d.trace}
        pagination={false}
        columns={[
          { title: '类别', dataIndex: 'kind', width: 90, render: (k: TraceStep['kind']) => STEP_KINDS[k] ?? k },
          { title: '项目', dataIndex: 'label' },
          { title: '实际值', dataIndex: 'value', render: (v?: string) => v ?? '-' },
          { title: '要求', dataIndex: 'expected', render: (v?: string) => v ?? '-' },
          {
            title: '结果',
            dataIndex: 'passed',
            width: 70,
            render: (p?: boolean) =>
              p === undefined ? (
                '-'
              ) : p ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" aria-label="通过" />
              ) : (
                <CloseCircleTwoTone twoToneColor="#cf1322" aria-label="未通过" />
              ),
          },
          {
            title: '依据',
            dataIndex: 'cite',
            width: 170,
            render: (c?: TraceStep['cite']) => (c ? <Cite document={c.document} article={c.article} texts={texts} /> : '-'),
          },
        ]}
      />
      {d.parameters.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            所用参数（版本 {d.parameterVersion.slice(0, 12)}）
          </Typography.Title>
          <Table<ParameterUse>
            size="small"
            rowKey="name"
            dataSource={d.parameters}
            pagination={false}
            columns={[
              { title: '参数', dataIndex: 'label' },
              { title: '取值', key: 'value', render: (_v, p) => paramValue(p.unit, p.value) },
              { title: '有效期', key: 'period', render: (_v, p) => period(p.from, p.to) },
              {
                title: '来源',
                key: 'source',
                render: (_v, p) => (p.source === 'document' ? '文件规定' : `地区设定（${p.region ?? ''}）`),
              },
              {
                title: '依据',
                dataIndex: 'cite',
                render: (c: ParameterUse['cite']) => <Cite document={c.document} article={c.article} texts={texts} />,
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
