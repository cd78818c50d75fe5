import { SUBJECT_KIND_NAMES } from '@domain/rules/types.ts';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Col, Divider, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { createClaim, uploadEvidence } from '../../api/claims.ts';
import { ApiError } from '../../api/client.ts';
import { getLaborer, listLaborers } from '../../api/laborers.ts';
import { getRules } from '../../api/rules.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { DecisionView } from '../../components/DecisionView.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { FactFields, toFacts } from '../../components/FactInput.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { todayDayjs } from '../../lib/beijing-time.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';
import { ApplyRefusal, PendingEvidence, type PendingFile } from './claim-parts.tsx';

interface ApplyValues {
  rule: string;
  personId?: string;
  subjectName?: string;
  subjectKey?: string;
  region?: string;
  caseDate: Dayjs;
  bankName?: string;
  bankAccount?: string;
  facts?: Record<string, unknown>;
}

function PersonPicker({
  value,
  onChange,
  onPicked,
  label = '申领人',
}: {
  value?: string;
  onChange?: (v?: string) => void;
  onPicked?: (village: string) => void;
  label?: string;
}) {
  const [q, setQ] = useState('');
  const hits = useQuery({
    queryKey: ['laborer-pick', q],
    queryFn: () => listLaborers({ q, pageSize: 20 }),
    enabled: q.length > 0,
  });
  const preset = useQuery({ queryKey: ['laborer', value], queryFn: () => getLaborer(value as string), enabled: !!value && !q });
  const options = (hits.data?.items ?? []).map((p) => ({
    value: String(p.id),
    label: `${p.name}（${p.idNumber}，${p.villageName}）`,
    village: p.villageCode,
  }));
  if (preset.data && !options.some((o) => o.value === value)) {
    const p = preset.data.person;
    options.push({ value: String(p.id), label: `${p.name}（${p.idNumber}）`, village: p.villageCode });
  }
  return (
    <Select
      showSearch
      allowClear
      value={value}
      filterOption={false}
      onSearch={setQ}
      loading={hits.isFetching}
      placeholder="输入姓名、身份证号或拼音首字母查找"
      aria-label={label}
      notFoundContent={q ? '未找到' : '请输入查找'}
      options={options}
      onChange={(v: string | undefined, o) => {
        onChange?.(v);
        const picked = Array.isArray(o) ? o[0] : o;
        if (picked && 'village' in picked) onPicked?.(picked.village);
      }}
    />
  );
}

export function ClaimApplyPage() {
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<ApplyValues>();
  const rules = useQuery({ queryKey: ['rules'], queryFn: getRules, staleTime: 60_000 });
  const ruleId = Form.useWatch('rule', form) ?? params.get('rule') ?? undefined;
  const rule = rules.data?.rules.find((r) => r.id === ruleId);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<ApiError>();
  const ruleOptions = useMemo(
    () =>
      (rules.data?.rules ?? [])
        .filter((r) => !r.region || me.regionCode.startsWith(r.region) || r.region.startsWith(me.regionCode))
        .map((r) => ({ value: r.id, label: `${r.id} ${r.title}` })),
    [rules.data, me.regionCode],
  );

  const submit = async (v: ApplyValues) => {
    if (!rule) return;
    setSaving(true);
    setRefusal(undefined);
    try {
      const person = rule.subject === 'person';
      const { claim } = await createClaim({
        rule: rule.id,
        personId: person || rule.namesLaborer ? v.personId : undefined,
        subject: person ? undefined : { kind: rule.subject, name: v.subjectName?.trim() ?? '', key: v.subjectKey?.trim() ?? '' },
        region: (v.region ?? '').trim(),
        caseDate: v.caseDate.format('YYYY-MM-DD'),
        facts: toFacts(rule.facts, v.facts),
        bankName: v.bankName?.trim() ?? '',
        bankAccount: v.bankAccount?.trim() ?? '',
      });
      const failed: string[] = [];
      for (const f of files) {
        try {
          await uploadEvidence(claim.id, f.kind, f.file);
        } catch (e) {
          failed.push(`${f.file.name}：${(e as Error).message}`);
        }
      }
      if (failed.length) message.warning(`申请已提交，以下材料上传失败，请在详情页重新上传：${failed.join('；')}`);
      else message.success(`已提交申请 ${claim.number}`);
      navigate(`/claims/${claim.id}`);
    } catch (e) {
      const rest = showProblemsOnForm(form, e, [
        'rule',
        'personId',
        'region',
        'caseDate',
        'bankName',
        'bankAccount',
        'subjectName',
        'subjectKey',
      ]);
      if (e instanceof ApiError && (e.code === 'CLAIM_NOT_ELIGIBLE' || rest.length || !e.problems.length)) setRefusal(e);
      else message.error((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageCard title="补贴申报">
      <ErrorAlert error={rules.error} />
      <Form<ApplyValues>
        form={form}
        layout="vertical"
        initialValues={{
          rule: params.get('rule') ?? undefined,
          personId: params.get('personId') ?? undefined,
          region: params.get('region') ?? (me.regionCode.length === 12 ? me.regionCode : undefined),
          subjectName: params.get('subjectName') ?? undefined,
          subjectKey: params.get('subjectKey') ?? undefined,
          // 政策找人 passes the date it ran on: a rule of 2018-2020 is decided on that date, not today.
          caseDate: /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? dayjs(params.get('date')) : todayDayjs(),
        }}
        onFinish={(v) => void submit(v)}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="rule" label="补贴项目" rules={[{ required: true, message: '请选择补贴项目' }]}>
              <Select showSearch optionFilterProp="label" options={ruleOptions} aria-label="补贴项目" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="caseDate" label="发生日期（如外出务工日期）" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} aria-label="发生日期" />
            </Form.Item>
          </Col>
          {rule && rule.subject === 'person' && (
            <Col xs={24} md={12}>
              <Form.Item name="personId" label="申领人" rules={[{ required: true, message: '请选择申领人' }]}>
                <PersonPicker onPicked={(village) => form.setFieldValue('region', village)} />
              </Form.Item>
            </Col>
          )}
          {rule && rule.subject !== 'person' && (
            <>
              <Col xs={24} md={12}>
                <Form.Item
                  name="subjectName"
                  label={`${SUBJECT_KIND_NAMES[rule.subject]}名称`}
                  rules={[{ required: true, message: '请填写名称' }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="subjectKey"
                  label="统一社会信用代码"
                  rules={[{ required: true, message: '请填写统一社会信用代码' }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              {rule.namesLaborer && (
                <Col xs={24} md={12}>
                  <Form.Item
                    name="personId"
                    label="所涉劳动力"
                    extra="按所吸纳或安置的劳动力逐人申报：其身份、户籍地等从台账读取"
                    rules={[{ required: rule.limit?.per === 'laborer', message: '请从台账中选择所涉劳动力' }]}
                  >
                    <PersonPicker label="所涉劳动力" />
                  </Form.Item>
                </Col>
              )}
            </>
          )}
          <Col xs={24} md={12}>
            <Form.Item
              name="region"
              label="所在地区（区划代码）"
              rules={[
                { required: true, message: '请填写区划代码' },
                { pattern: /^(\d{6}|\d{9}|\d{12})$/, message: '应为 6/9/12 位区划代码' },
              ]}
            >
              <Input aria-label="所在地区" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="bankName" label="开户行" rules={[{ required: true, message: '请填写开户行' }]}>
              <Input aria-label="开户行" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="bankAccount"
              label="银行账号"
              rules={[
                { required: true, message: '请填写银行账号' },
                { pattern: /^\d{8,30}$/, message: '银行账号应为 8-30 位数字' },
              ]}
            >
              <Input aria-label="银行账号" />
            </Form.Item>
          </Col>
        </Row>
        {rule && (
          <>
            <Divider titlePlacement="start" plain>
              申报事实{rule.subject === 'person' || rule.namesLaborer ? '（未填写的从台账读取）' : ''}
            </Divider>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', columnGap: 12 }}>
              <FactFields facts={rule.facts} />
            </div>
          </>
        )}
        <Divider titlePlacement="start" plain>
          证明材料
        </Divider>
        <PendingEvidence files={files} onChange={setFiles} firstKind="ticket" />
        <ApplyRefusal refusal={refusal} decision={(d) => <DecisionView decision={d} />} />
        <Button type="primary" htmlType="submit" loading={saving} disabled={!rule}>
          提交申报
        </Button>
      </Form>
    </PageCard>
  );
}
