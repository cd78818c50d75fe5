// 申请交通补助: the laborer applies itself for the transport subsidy of its area (TR-HZ,
// TR-YN or TR-HN), with the ticket price, where it went and a photo of the ticket. The claim
// goes into the county office's normal review queue, marked 本人申请.
import { UploadOutlined } from '@ant-design/icons';
import { parseYuanToFen } from '@domain/money.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Select, Spin, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ApiError } from '../../api/client.ts';
import { type Destination, type MyClaimDetail, me, type TransportInput } from '../../api/me.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { DatePicker } from '../../lib/beijing-picker.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';

interface Fields {
  caseDate: Dayjs;
  destinationKind: Destination['kind'];
  county?: string;
  workPlace: string;
  stableMonths: number;
  ticketYuan: string;
  bankName: string;
  bankAccount: string;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取照片'));
    reader.readAsDataURL(file);
  });
}

export function TransportApplyPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Fields>();
  const [ticket, setTicket] = useState<File | null>(null);
  const [ticketMissing, setTicketMissing] = useState(false);
  const kind = Form.useWatch('destinationKind', form);
  const info = useQuery({ queryKey: ['me', 'transport'], queryFn: me.transport });
  const apply = useMutation<MyClaimDetail, ApiError, Fields>({
    mutationFn: async (v) => {
      if (!ticket) throw new Error('请上传车票照片');
      const destination: Destination =
        v.destinationKind === 'county' ? { kind: 'county', code: v.county ?? '' } : { kind: v.destinationKind };
      const body: TransportInput = {
        caseDate: v.caseDate.format('YYYY-MM-DD'),
        destination,
        workPlace: v.workPlace.trim(),
        stableMonths: v.stableMonths,
        ticketPriceFen: parseYuanToFen(v.ticketYuan) ?? 0,
        bankName: v.bankName.trim(),
        bankAccount: v.bankAccount.replace(/\s/g, ''),
        ticket: { fileName: ticket.name, contentType: ticket.type || 'image/jpeg', dataBase64: await readBase64(ticket) },
      };
      return me.applyTransport(body);
    },
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: ['me', 'claims'] });
      navigate(`/me/claims/${c.id}`);
    },
    onError: (e) => showProblemsOnForm(form, e, ['caseDate', 'workPlace', 'stableMonths', 'bankName', 'bankAccount']),
  });

  if (info.isPending) return <Spin />;
  if (info.error) return <ErrorAlert error={info.error} />;
  const rule = info.data.rule;
  if (!rule) return <Alert type="info" showIcon title="您所在地区没有可以本人申请的交通补助政策" />;

  return (
    <>
      <Typography.Title level={4}>申请交通补助</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Text strong>{rule.title}</Typography.Text>
        <Typography.Paragraph style={{ margin: '6px 0' }}>{rule.summary}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
          依据：{rule.documentTitle} {rule.articles.join('、')}（{rule.from} 至 {rule.to ?? '今'}
          ）。提交后由县就业部门审核，审核、公示后打到您本人的银行卡。
        </Typography.Paragraph>
      </Card>
      <ErrorAlert error={apply.error} />
      <Form<Fields>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ destinationKind: 'out_of_province' }}
        onFinish={(v) => {
          if (!ticket) {
            setTicketMissing(true);
            return;
          }
          apply.mutate(v);
        }}
      >
        <Form.Item label="申领人">
          <Input value={info.data.beneficiaryName} disabled />
        </Form.Item>
        <Form.Item
          label="发生日期"
          name="caseDate"
          extra="外出务工稳定就业满3个月的日期"
          rules={[{ required: true, message: '请选择发生日期' }]}
        >
          <DatePicker style={{ width: '100%' }} aria-label="发生日期" inputReadOnly={false} />
        </Form.Item>
        <Form.Item
          label="务工地在"
          name="destinationKind"
          rules={[{ required: true }]}
          extra={
            kind === 'in_county'
              ? '本县内务工的，以台账登记的就业渠道为准：须为外出务工；在帮扶车间、公益性岗位或就地就近就业的不能申请交通补助'
              : undefined
          }
        >
          <Radio.Group
            optionType="button"
            options={[
              { value: 'out_of_province', label: '省外' },
              { value: 'county', label: '本省其他县' },
              { value: 'in_county', label: '本县内' },
            ]}
          />
        </Form.Item>
        {kind === 'county' && (
          <Form.Item
            label="务工地所在县（市、区）"
            name="county"
            rules={[{ required: true, message: '请选择务工地所在县（市、区）' }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              aria-label="务工地所在县（市、区）"
              options={info.data.counties.map((c) => ({ value: c.code, label: c.name }))}
            />
          </Form.Item>
        )}
        <Form.Item label="务工地点" name="workPlace" rules={[{ required: true, message: '请填写务工地点' }]}>
          <Input placeholder="如 广东省深圳市宝安区" maxLength={100} />
        </Form.Item>
        <Form.Item label="已稳定就业月数" name="stableMonths" rules={[{ required: true, message: '请填写已稳定就业月数' }]}>
          <InputNumber
            min={0}
            max={600}
            precision={0}
            style={{ width: '100%' }}
            inputMode="numeric"
            aria-label="已稳定就业月数"
          />
        </Form.Item>
        <Form.Item
          label="车票价格（元）"
          name="ticketYuan"
          rules={[
            { required: true, message: '请填写车票价格' },
            {
              validator: (_r, v: string) =>
                (parseYuanToFen(v ?? '') ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error('应为大于0的金额')),
            },
          ]}
        >
          <Input inputMode="decimal" placeholder="如 480" />
        </Form.Item>
        <Form.Item
          label="车票照片"
          required
          validateStatus={ticketMissing ? 'error' : undefined}
          help={ticketMissing ? '请上传车票照片' : undefined}
        >
          <Upload
            accept="image/*,application/pdf"
            maxCount={1}
            beforeUpload={(f) => {
              setTicket(f);
              setTicketMissing(false);
              return false;
            }}
            onRemove={() => setTicket(null)}
            fileList={ticket ? [{ uid: '1', name: ticket.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>拍照或选择照片</Button>
          </Upload>
        </Form.Item>
        <Form.Item label="开户行" name="bankName" rules={[{ required: true, message: '请填写开户行' }]}>
          <Input placeholder="如 中国农业银行会泽县支行" maxLength={100} />
        </Form.Item>
        <Form.Item
          label="本人银行账号"
          name="bankAccount"
          rules={[
            { required: true, message: '请填写银行账号' },
            { pattern: /^[\d\s]{10,40}$/, message: '应为10至30位数字' },
          ]}
        >
          <Input inputMode="numeric" maxLength={40} />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={apply.isPending}>
          提交申请
        </Button>
      </Form>
    </>
  );
}
