// 试算: a case typed into a form built from the rule's facts spec (or read from the register
// when a person id is given), and the engine's decision with its trace.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Col, Divider, Form, Input, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../api/client.ts';
import { evaluate, type RuleInfo } from '../../api/rules.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { DecisionView } from '../../components/DecisionView.tsx';
import { FactFields, toFacts } from '../../components/FactInput.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { todayDayjs } from '../../lib/beijing-time.ts';

interface TrialValues {
  region?: string;
  date: Dayjs;
  name?: string;
  personId?: string;
  facts?: Record<string, unknown>;
}

export function RuleTrialPanel({ rule, texts }: { rule: RuleInfo; texts: Record<string, string> }) {
  const me = useMe();
  const [form] = Form.useForm<TrialValues>();
  const run = useMutation({
    mutationFn: (v: TrialValues) =>
      evaluate({
        id: '试算',
        rule: rule.id,
        subject: { kind: rule.subject, name: v.name?.trim() || undefined },
        region: v.region?.trim() || undefined,
        date: v.date.format('YYYY-MM-DD'),
        facts: toFacts(rule.facts, v.facts),
        personId: v.personId?.trim() || undefined,
      }),
  });
  const error = run.error;
  return (
    <>
      <Form<TrialValues>
        form={form}
        layout="vertical"
        initialValues={{ region: me.regionCode, date: todayDayjs() }}
        onFinish={(v) => run.mutate(v)}
      >
        <Row gutter={12}>
          <Col xs={24} md={8} lg={6}>
            <Form.Item
              name="region"
              label="所在地区（区划代码）"
              tooltip="填写台账人员编号时可留空，按其所在村"
              rules={[{ pattern: /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, message: '应为 2/4/6/9/12 位区划代码' }]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={6}>
            <Form.Item name="date" label="发生日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={6}>
            <Form.Item name="name" label="对象名称（可选）">
              <Input />
            </Form.Item>
          </Col>
          {rule.subject === 'person' && (
            <Col xs={24} md={8} lg={6}>
              <Form.Item name="personId" label="台账人员编号（可选）" tooltip="填写后从台账读取事实，表单中填写的事实优先">
                <Input />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Divider titlePlacement="start" plain>
          事实
        </Divider>
        <Row gutter={12}>
          <FactColumns rule={rule} />
        </Row>
        <Button type="primary" htmlType="submit" loading={run.isPending}>
          试算
        </Button>
      </Form>
      <div style={{ marginTop: 16 }}>
        {error && (
          <Alert
            type="error"
            showIcon
            title={(error as Error).message}
            description={
              error instanceof ApiError && error.problems.length
                ? error.problems.map((p) => `${p.label ?? p.field}：${p.message}`).join('；')
                : undefined
            }
          />
        )}
        {run.data?.decisions.map((d) => (
          <DecisionView key={d.rule} decision={d} texts={texts} />
        ))}
      </div>
    </>
  );
}

function FactColumns({ rule }: { rule: RuleInfo }) {
  return (
    <Col span={24}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', columnGap: 12 }}>
        <FactFields facts={rule.facts} register={rule.subject === 'person'} />
      </div>
    </Col>
  );
}
