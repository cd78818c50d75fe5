// One payment batch: its lines, the bank instruction file (代发), the bank's result file
// uploaded back and the reconciliation of every line (paid, or failed with the reason and
// back in the queue for a later batch), and lines the bank returned or that were recovered
// after being paid.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Descriptions, Row, Space, Statistic, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { getBatch, type Payment, uploadBankResult } from '../../api/claims.ts';
import { download } from '../../api/client.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { dateTime, yuan } from '../../lib/format.ts';

const PAYMENT_COLORS: Record<Payment['status'], string> = {
  pending: 'processing',
  paid: 'success',
  failed: 'error',
  returned: 'warning',
  recovered: 'magenta',
};

export function BatchDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const data = useQuery({ queryKey: ['batch', id], queryFn: () => getBatch(id) });
  const [result, setResult] = useState<string>();
  const batch = data.data?.batch;
  const rec = data.data?.reconciliation;
  const county = me.role === 'county';
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['batch', id] });
    void queryClient.invalidateQueries({ queryKey: ['batches'] });
    void queryClient.invalidateQueries({ queryKey: ['claims'] });
    void queryClient.invalidateQueries({ queryKey: ['claim'] }); // each claim's own page too
    void queryClient.invalidateQueries({ queryKey: ['ledger'] });
  };

  return (
    <PageCard
      title={batch ? `拨付批次 ${batch.number}` : '拨付批次'}
      extra={
        batch &&
        county && (
          <Space>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                download(batch.bankFileUrl, `代发-${batch.number}.csv`)
                  .then(refresh)
                  .catch((e: Error) => message.error(e.message))
              }
            >
              下载代发文件
            </Button>
            <Upload
              accept=".csv,.txt"
              showUploadList={false}
              disabled={batch.status === 'reconciled'}
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  const r = await uploadBankResult(id, file as File);
                  setResult(`回盘已导入：成功 ${r.paid} 笔，失败 ${r.failed} 笔，未变 ${r.unchanged} 笔，待回盘 ${r.pending} 笔`);
                  onSuccess?.(r);
                  refresh();
                } catch (e) {
                  message.error((e as Error).message);
                  onError?.(e as Error);
                }
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} disabled={batch.status === 'reconciled'}>
                导入银行回盘
              </Button>
            </Upload>
          </Space>
        )
      }
    >
      <ErrorAlert error={data.error} />
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
              { key: 'created', label: '生成时间', children: dateTime(batch.createdAt) },
            ]}
          />
          <Row gutter={16} style={{ marginBottom: 16 }} data-testid="reconciliation">
            <Col span={4}>
              <Statistic title="合计" value={yuan(batch.totalFen)} suffix={`${batch.lineCount} 笔`} />
            </Col>
            <Col span={4}>
              <Statistic title="已拨付" value={yuan(rec.paidFen)} suffix={`${rec.paid} 笔`} />
            </Col>
            <Col span={4}>
              <Statistic title="拨付失败" value={yuan(rec.failedFen)} suffix={`${rec.failed} 笔`} />
            </Col>
            <Col span={4}>
              <Statistic title="资金退回" value={yuan(rec.returnedFen)} suffix={`${rec.returned} 笔`} />
            </Col>
            <Col span={4}>
              <Statistic title="违规追回" value={yuan(rec.recoveredFen)} suffix={`${rec.recovered} 笔`} />
            </Col>
            <Col span={4}>
              <Statistic title="待回盘" value={yuan(rec.pendingFen)} suffix={`${rec.pending} 笔`} />
            </Col>
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
          { title: '失败原因', dataIndex: 'failureReason', render: (r: string | null) => r || '-' },
          { title: '银行流水号', dataIndex: 'bankRef', render: (r: string | null) => r || '-' },
        ]}
      />
    </PageCard>
  );
}
