// The engine's decision as an employer sees it: status, amount, message, and each condition
// with its result and the document + article it rests on (no values read from the register).
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Alert, Table, Typography } from 'antd';
import type { EmployerDecision as Decision } from '../../api/employer-claims.ts';
import { StatusTag } from '../../components/DecisionView.tsx';
import { yuan } from '../../lib/format.ts';

export function EmployerDecision({ decision }: { decision: Decision }) {
  return (
    <>
      <Alert
        type={decision.status === 'eligible' ? 'success' : 'error'}
        showIcon
        style={{ marginBottom: 8 }}
        title={
          <span>
            <StatusTag status={decision.status} /> {decision.amountFen !== null && `核定 ${yuan(decision.amountFen)}；`}
            {decision.message}
          </span>
        }
        description={
          <span data-testid="decision-citations">
            依据：{decision.citations.map((c) => `${c.document} ${c.article}`).join('、')}
            {decision.parameterVersion && (
              <Typography.Text type="secondary">（参数版本 {decision.parameterVersion}）</Typography.Text>
            )}
          </span>
        }
      />
      <Table
        size="small"
        pagination={false}
        rowKey={(_r, i) => String(i)}
        dataSource={decision.trace}
        columns={[
          {
            title: '',
            key: 'ok',
            width: 32,
            render: (_v, s) =>
              s.passed === undefined ? null : s.passed ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" />
              ) : (
                <CloseCircleTwoTone twoToneColor="#ff4d4f" />
              ),
          },
          { title: '条件', dataIndex: 'label' },
          { title: '要求', key: 'expected', render: (_v, s) => [s.expected, s.value].filter(Boolean).join('：') },
          { title: '条款', key: 'cite', render: (_v, s) => (s.cite ? `${s.cite.document} ${s.cite.article}` : '') },
        ]}
      />
    </>
  );
}
