import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, Descriptions, Divider, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { createOwnClaim, getEmployerRules, uploadOwnEvidence } from '../../api/employer-claims.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { FactFields, toFacts } from '../../components/FactInput.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { todayDayjs } from '../../lib/beijing-time.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';
import { ApplyRefusal, PendingEvidence, type PendingFile } from '../claims/claim-parts.tsx';
import { EmployerDecision } from './EmployerDecision.tsx';

interface Values {
  rule: string;
  caseDate: Dayjs;
  laborerIdNumber?: string;
  laborerName?: string;
  bankName?: string;
  bankAccount?: string;
  facts?: Record<string, unknown>;
}

const FIELD_NAMES: Record<string, string> = {
  'laborer.idNumber': 'laborerIdNumber',
  'laborer.name': 'laborerName',
};

export function EmployerClaimApplyPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const rules = useQuery({ queryKey: ['employer-rules'], queryFn: getEmployerRules, staleTime: 60_000 });
  const ruleId = Form.useWatch('rule', form);
  const rule = rules.data?.items.find((r) => r.id === ruleId);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<ApiError>();
  const unit = rules.data?.employer;

  const submit = async (v: Values) => {
    if (!rule) return;
    setSaving(true);
    setRefusal(undefined);
    try {
      const { claim } = await createOwnClaim({
        rule: rule.id,
        ...(rule.namesLaborer
          ? { laborer: { idNumber: v.laborerIdNumber?.trim() ?? '', name: v.laborerName?.trim() ?? '' } }
          : {}),
        caseDate: v.caseDate.format('YYYY-MM-DD'),
        facts: toFacts(rule.facts, v.facts),
        bankName: v.bankName?.trim() ?? '',
        bankAccount: v.bankAccount?.trim() ?? '',
      });
      const failed: string[] = [];
      for (const f of files) {
        try {
          await uploadOwnEvidence(claim.id, f.kind, f.file);
        } catch (e) {
          failed.push(`${f.file.name}：${(e as Error).message}`);
        }
      }
      if (failed.length) message.warning(`申请已提交，以下材料上传失败，请在详情页重新上传：${failed.join('；')}`);
      else message.success(`已提交申请 ${claim.number}`);
      navigate(`/claims/${claim.id}`);
    } catch (e) {
      if (e instanceof ApiError) {
        form.setFields(
          e.problems
            .filter((p) => FIELD_NAMES[p.field])
            .map((p) => ({ name: FIELD_NAMES[p.field] as string, errors: [p.message] })),
        );
      }
      const rest = showProblemsOnForm(form, e, ['rule', 'caseDate', 'bankName', 'bankAccount']).filter(
        (p) => !FIELD_NAMES[p.field],
      );
      if (e instanceof ApiError && (e.details?.decision || rest.length || !e.problems.length || e.code === 'LABORER_NOT_MATCHED'))
        setRefusal(e);
      else message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageCard title="申报补贴（单位自行申报）">
      <ErrorAlert error={rules.error} />
      {unit && (
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }} title="申请单位">
          <Descriptions.Item label="单位名称">{unit.name}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{unit.creditCode}</Descriptions.Item>
          <Descriptions.Item label="所在地区">{`${unit.regionName}（${unit.region}）`}</Descriptions.Item>
        </Descriptions>
      )}
      <Form<Values> form={form} layout="vertical" initialValues={{ caseDate: todayDayjs() }} onFinish={(v) => void submit(v)}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="rule" label="补贴项目" rules={[{ required: true, message: '请选择补贴项目' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                aria-label="补贴项目"
                options={(rules.data?.items ?? []).map((r) => ({
                  value: r.id,
                  label: `${r.id} ${r.title}（${r.document.number || r.document.code} ${r.articles.map((a) => a.article).join('、')}）`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="caseDate"
              label="享受日期（如年度末、在岗期满日）"
              rules={[{ required: true, message: '请选择日期' }]}
            >
              <DatePicker style={{ width: '100%' }} aria-label="享受日期" />
            </Form.Item>
          </Col>
        </Row>
        {rule && (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={`${rule.title}：${rule.document.title}${rule.document.number ? `（${rule.document.number}）` : ''}`}
            description={
              <>
                <div>{rule.summary}</div>
                {rule.articles.map((a) => (
                  <div key={`${a.document}/${a.article}`}>
                    {a.article}
                    {a.text ? `：${a.text}` : ''}
                  </div>
                ))}
              </>
            }
          />
        )}
        {rule?.namesLaborer && (
          <>
            <Divider titlePlacement="start" plain>
              所涉劳动力（按劳动合同填写，由实名制台账核对）
            </Divider>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="laborerIdNumber"
                  label="劳动力身份证号"
                  rules={[{ required: true, message: '请填写劳动合同上的身份证号' }]}
                >
                  <Input aria-label="劳动力身份证号" maxLength={18} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="laborerName" label="劳动力姓名" rules={[{ required: true, message: '请填写劳动合同上的姓名' }]}>
                  <Input aria-label="劳动力姓名" />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        {rule && (
          <>
            <Divider titlePlacement="start" plain>
              申报事实
            </Divider>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', columnGap: 12 }}>
              <FactFields facts={rule.facts} />
            </div>
          </>
        )}
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="bankName" label="本单位开户行" rules={[{ required: true, message: '请填写开户行' }]}>
              <Input aria-label="开户行" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="bankAccount"
              label="本单位银行账号"
              rules={[
                { required: true, message: '请填写银行账号' },
                { pattern: /^\d{10,30}$/, message: '银行账号应为 10-30 位数字' },
              ]}
            >
              <Input aria-label="银行账号" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          证明材料（劳动合同、工资表、考勤表）
        </Divider>
        <PendingEvidence files={files} onChange={setFiles} firstKind="contract" />
        <ApplyRefusal refusal={refusal} decision={(d) => <EmployerDecision decision={d} />} />
        <Button type="primary" htmlType="submit" loading={saving} disabled={!rule}>
          提交申报
        </Button>
      </Form>
    </PageCard>
  );
}
