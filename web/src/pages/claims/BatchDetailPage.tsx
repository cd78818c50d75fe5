// One payment batch: its lines, the export (确认导出: the lines become final) and then the
// bank instruction file (代发, a plain download), the bank's result file
// uploaded back and the reconciliation of every line (paid, or failed with the reason and
// back in the queue for a later batch), and lines the bank returned or that were recovered
// after being paid. Before the bank's result the county takes a claim out of an open batch
// (移出, with a reason) or voids a batch the bank did not process (作废批次, with a reason);
// the claims go back to the payment queue.

import { DeleteOutlined, DownloadOutlined, SendOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { mayDownloadBankFile } from '@domain/claims/batch.ts';
import type { Role } from '@domain/claims/types.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Descriptions, Form, Input, Modal, Row, Space, Statistic, Table, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type BatchDetail,
  exportBatch,
  getBatch,
  type Payment,
  removeFromBatch,
  uploadBankResult,
  voidBatch,
} from '../../api/claims.ts';
import { type ApiError, download } from '../../api/client.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { beijingDateTime } from '../../lib/beijing-time.ts';
import { showProblemsOnForm } from '../../lib/form-errors.ts';
import { yuan } from '../../lib/format.ts';

const PAYMENT_COLORS: Record<Payment['status'], string> = {
  pending: 'processing',
  paid: 'success',
  failed: 'error',
  returned: 'warning',
  recovered: 'magenta',
  removed: 'default',
  voided: 'default',
};

/** What is being asked for: one line out of the batch, or the whole batch voided. */
type Asking = { kind: 'remove'; payment: Payment } | { kind: 'void' };

/**
 * The reason form of 移出 and 作废批次: says what the step does before the officer confirms it,
 * requires the reason and shows the server's refusal (a stale version, an export or a bank
 * result that came first) as it is.
 */
function ReasonModal({
  batchId,
  detail,
  asking,
  onClose,
  onDone,
}: {
  batchId: string;
  detail: BatchDetail;
  asking: Asking | undefined;
  onClose: () => void;
  onDone: (d?: BatchDetail) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { batch } = detail;
  // A fresh form each time it opens (before anything is typed in it).
  useEffect(() => {
    if (asking) form.resetFields();
  }, [asking, form]);
  const act = useMutation<BatchDetail, ApiError, string>({
    mutationFn: (reason) =>
      asking?.kind === 'remove'
        ? removeFromBatch(batchId, { claimId: asking.payment.claimId, reason, version: batch.version })
        : voidBatch(batchId, { reason, version: batch.version }),
    onSuccess: (d) => {
      message.success(
        asking?.kind === 'remove'
          ? `已将 ${asking.payment.payeeName} 移出批次，批次合计 ${yuan(d.batch.totalFen)}（${d.batch.lineCount} 笔）`
          : `拨付批次 ${d.batch.number} 已作废，${d.reconciliation.voided} 件申请回到待拨付队列`,
      );
      onClose();
      onDone(d);
    },
    onError: (e) => {
      const rest = showProblemsOnForm(form, e, ['reason']);
      if (rest.length > 0 || !e.problems.length) message.error(e.message);
      onDone();
    },
  });
  const remove = asking?.kind === 'remove';
  const label = remove ? '移出原因' : '作废原因';
  const effect = remove
    ? `${asking.payment.payeeName}（${asking.payment.claimNumber ?? asking.payment.claimId}，${yuan(asking.payment.amountFen)}）将移出本批次，批次合计减为 ${yuan(batch.totalFen - asking.payment.amountFen)}（${batch.lineCount - 1} 笔）；申请回到待拨付队列，可列入以后的批次。明细保留在本批次中，标为已移出。`
    : `仅用于银行未处理的批次（代发文件未报送，或被银行整批退回）。作废后批次保留为「已作废」，代发文件作废，不能再下载，也不能导入回盘；${batch.lineCount} 件申请（${yuan(batch.totalFen)}）回到待拨付队列，未拨付。`;
  return (
    <Modal
      open={!!asking}
      title={remove ? `移出批次：${asking.payment.payeeName}` : `作废拨付批次 ${batch.number}`}
      okText={remove ? '确认移出' : '确认作废'}
      okButtonProps={{ danger: true }}
      cancelText="返回"
      confirmLoading={act.isPending}
      onCancel={onClose}
      onOk={() =>
        form.validateFields().then(
          (v) => act.mutate(v.reason.trim()),
          () => undefined, // antd shows the problem on the field
        )
      }
      forceRender
    >
      <Alert type="warning" showIcon title={effect} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
          <Input.TextArea
            rows={3}
            maxLength={500}
            aria-label={label}
            placeholder={remove ? '如 申请人银行卡挂失，待换卡后下批拨付' : '如 代发文件未报送银行 / 银行整批退回'}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function BatchDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const data = useQuery({ queryKey: ['batch', id], queryFn: () => getBatch(id) });
  const [result, setResult] = useState<string>();
  const [asking, setAsking] = useState<Asking>();
  const batch = data.data?.batch;
  const rec = data.data?.reconciliation;
  const actions = data.data?.actions ?? [];
  const county = me.role === 'county';
  // The auditor downloads the file the county sent to the bank, and changes nothing.
  const mayDownload = mayDownloadBankFile(me.role as Role);
  const voided = batch?.status === 'voided';
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['batch', id] });
    void queryClient.invalidateQueries({ queryKey: ['batches'] });
    void queryClient.invalidateQueries({ queryKey: ['claims'] });
    void queryClient.invalidateQueries({ queryKey: ['claim'] }); // each claim's own page too
    void queryClient.invalidateQueries({ queryKey: ['ledger'] });
  };
  // 确认导出 at the version shown; a refusal (exported by someone else, a removal meanwhile)
  // is shown as the server words it and the page reloads.
  const exporting = useMutation<BatchDetail, ApiError, number>({
    mutationFn: (version) => exportBatch(id, { version }),
    onSuccess: (d) => {
      message.success(`拨付批次 ${d.batch.number} 已确认导出，请下载代发文件送银行`);
      queryClient.setQueryData(['batch', id], d);
      refresh();
    },
    onError: (e) => {
      message.error(e.message);
      refresh();
    },
  });
  const confirmExport = () => {
    if (!batch) return;
    modal.confirm({
      title: `确认导出拨付批次 ${batch.number}（送银行）？`,
      content: `本批次 ${batch.lineCount} 笔，合计 ${yuan(batch.totalFen)}。确认后明细定稿，不能再移出申请，即可下载银行代发文件送银行；银行未处理的，仍可作废整个批次。`,
      okText: '确认导出',
      cancelText: '返回',
      onOk: () => exporting.mutateAsync(batch.version).catch(() => undefined),
    });
  };

  return (
    <PageCard
      title={batch ? `拨付批次 ${batch.number}` : '拨付批次'}
      extra={
        batch &&
        (county || mayDownload) && (
          <Space>
            {actions.includes('export') && (
              <Button type="primary" icon={<SendOutlined />} loading={exporting.isPending} onClick={confirmExport}>
                确认导出（送银行）
              </Button>
            )}
            {mayDownload && (
              <Button
                icon={<DownloadOutlined />}
                disabled={voided || batch.status === 'open'}
                title={batch.status === 'open' ? (county ? '请先确认导出（送银行）' : '县级就业部门确认导出后可下载') : undefined}
                onClick={() =>
                  download(batch.bankFileUrl, `代发-${batch.number}.csv`).catch((e: Error) => message.error(e.message))
                }
              >
                下载代发文件
              </Button>
            )}
            {county && (
              <Upload
                accept=".csv,.txt"
                showUploadList={false}
                disabled={batch.status !== 'exported'}
                customRequest={async ({ file, onSuccess, onError }) => {
                  try {
                    const r = await uploadBankResult(id, file as File);
                    setResult(
                      `回盘已导入：成功 ${r.paid} 笔，失败 ${r.failed} 笔，未变 ${r.unchanged} 笔，待回盘 ${r.pending} 笔`,
                    );
                    onSuccess?.(r);
                    refresh();
                  } catch (e) {
                    message.error((e as Error).message);
                    onError?.(e as Error);
                  }
                }}
              >
                <Button
                  type={batch.status === 'open' ? 'default' : 'primary'}
                  icon={<UploadOutlined />}
                  disabled={batch.status !== 'exported'}
                >
                  导入银行回盘
                </Button>
              </Upload>
            )}
            {actions.includes('void') && (
              <Button danger icon={<StopOutlined />} onClick={() => setAsking({ kind: 'void' })}>
                作废批次
              </Button>
            )}
          </Space>
        )
      }
    >
      <ErrorAlert error={data.error} />
      {batch?.status === 'voided' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="batch-voided"
          title={`已作废：${batch.voidReason ?? ''}`}
          description={`${batch.voidedAt ? beijingDateTime(batch.voidedAt) : ''}${batch.voidedByName ? `，${batch.voidedByName}` : ''}作废。代发文件已作废，不能再下载或导入回盘；本批次的申请已回到待拨付队列。`}
        />
      )}
      {result && <Alert type="success" showIcon title={result} style={{ marginBottom: 12 }} data-testid="bank-result" />}
      {batch && rec && (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 4 }}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'fund', label: '资金来源', children: batch.fundName },
              { key: 'region', label: '地区', children: batch.region },
              { key: 'status', label: '状态', children: <Tag data-testid="batch-status">{batch.statusName}</Tag> },
              { key: 'created', label: '生成时间', children: beijingDateTime(batch.createdAt) },
            ]}
          />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="reconciliation">
            {[
              { title: '合计', fen: batch.totalFen, n: batch.lineCount, show: true },
              { title: '已拨付', fen: rec.paidFen, n: rec.paid, show: true },
              { title: '拨付失败', fen: rec.failedFen, n: rec.failed, show: true },
              { title: '资金退回', fen: rec.returnedFen, n: rec.returned, show: true },
              { title: '违规追回', fen: rec.recoveredFen, n: rec.recovered, show: true },
              { title: '待回盘', fen: rec.pendingFen, n: rec.pending, show: true },
              { title: '已移出', fen: rec.removedFen, n: rec.removed, show: rec.removed > 0 },
              { title: '已作废', fen: rec.voidedFen, n: rec.voided, show: rec.voided > 0 },
            ]
              .filter((x) => x.show)
              .map((x) => (
                <Col span={4} key={x.title}>
                  <Statistic title={x.title} value={yuan(x.fen)} suffix={`${x.n} 笔`} />
                </Col>
              ))}
          </Row>
        </>
      )}
      <Table<Payment>
        size="small"
        rowKey={(p) => String(p.id)}
        loading={data.isFetching}
        dataSource={data.data?.payments}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '明细号', dataIndex: 'detailNo' },
          {
            title: '申请编号',
            dataIndex: 'claimNumber',
            render: (n: string | null, p) => <Link to={`/claims/${p.claimId}`}>{n ?? p.claimId}</Link>,
          },
          { title: '户名', dataIndex: 'payeeName' },
          { title: '账号', dataIndex: 'bankAccount' },
          { title: '开户行', dataIndex: 'bankName' },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
          {
            title: '结果',
            dataIndex: 'status',
            render: (s: Payment['status'], p) => <Tag color={PAYMENT_COLORS[s]}>{p.statusName}</Tag>,
          },
          {
            title: '失败或移出原因',
            key: 'reason',
            render: (_v, p) => p.failureReason || p.removalReason || '-',
          },
          { title: '银行流水号', dataIndex: 'bankRef', render: (r: string | null) => r || '-' },
          ...(actions.includes('remove')
            ? [
                {
                  title: '',
                  key: 'remove',
                  render: (_v: unknown, p: Payment) =>
                    p.status === 'pending' && (
                      <Button
                        type="link"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => setAsking({ kind: 'remove', payment: p })}
                      >
                        移出
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {data.data && (
        <ReasonModal
          batchId={id}
          detail={data.data}
          asking={asking}
          onClose={() => setAsking(undefined)}
          onDone={(d) => {
            if (d) queryClient.setQueryData(['batch', id], d);
            refresh();
          }}
        />
      )}
    </PageCard>
  );
}
