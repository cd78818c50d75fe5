// 数据导入: template, upload, live progress of the background job, summary, error rows.
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Progress, Row, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { download } from '../api/client.ts';
import { getImport, IMPORT_TEMPLATE_URL, importErrorsUrl, listImports, uploadImport } from '../api/imports.ts';
import type { Id, ImportJob, ImportStatus } from '../api/types.ts';
import { useMe } from '../components/AuthProvider.tsx';
import { ErrorAlert } from '../components/ErrorResult.tsx';
import { PageCard } from '../components/PageCard.tsx';
import { beijingDateTime } from '../lib/beijing-time.ts';

const STATUS: Record<ImportStatus, { text: string; color: string }> = {
  queued: { text: '排队中', color: 'default' },
  running: { text: '导入中', color: 'processing' },
  done: { text: '已完成', color: 'success' },
  failed: { text: '失败', color: 'error' },
};

const finished = (j: ImportJob | undefined) => j?.status === 'done' || j?.status === 'failed';
const percentOf = (j: ImportJob) =>
  j.status === 'done' ? 100 : (j.percent ?? (j.totalRows > 0 ? Math.floor((j.processedRows / j.totalRows) * 100) : 0));

function ErrorRowsLink({ job }: { job: ImportJob }) {
  const { message } = App.useApp();
  if (!job.failed) return null;
  return (
    <Button
      type="link"
      icon={<DownloadOutlined />}
      onClick={() =>
        download(job.errorsUrl ?? importErrorsUrl(job.id), `导入错误行-${job.id}.xlsx`).catch((e: Error) =>
          message.error(e.message),
        )
      }
    >
      下载错误行
    </Button>
  );
}

function ImportSummary({ job }: { job: ImportJob }) {
  return (
    <div data-testid="import-summary">
      <Space style={{ marginBottom: 8 }}>
        <Typography.Text strong>{job.fileName}</Typography.Text>
        <Tag color={STATUS[job.status].color}>{STATUS[job.status].text}</Tag>
      </Space>
      <Progress
        percent={percentOf(job)}
        status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'}
      />
      <Typography.Text type="secondary">
        已处理 {job.processedRows} 行{job.totalRows ? ` / ${job.totalKnown === false ? '约 ' : ''}${job.totalRows} 行` : ''}
        {job.encoding ? `（${job.format ? `${job.format}，` : ''}${job.encoding}）` : ''}
      </Typography.Text>
      {!!job.ignoredColumns?.length && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={`以下列不是模板列，已忽略：${job.ignoredColumns.join('、')}`}
        />
      )}
      {job.status === 'failed' && job.message && <Alert type="error" showIcon title={job.message} style={{ marginTop: 8 }} />}
      {finished(job) && (
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col span={6}>
            <Statistic title="新增" value={job.inserted} />
          </Col>
          <Col span={6}>
            <Statistic title="更新" value={job.updated} />
          </Col>
          <Col span={6}>
            <Statistic title="未变化" value={job.unchanged} />
          </Col>
          <Col span={6}>
            <Statistic title="失败" value={job.failed} styles={job.failed ? { content: { color: '#cf1322' } } : undefined} />
          </Col>
        </Row>
      )}
      {finished(job) && <ErrorRowsLink job={job} />}
    </div>
  );
}

export function ImportPage() {
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [currentId, setCurrentId] = useState<Id>();
  const [uploading, setUploading] = useState(false);
  const recent = useQuery({ queryKey: ['imports'], queryFn: listImports });
  // Coming back to the page while an import runs: follow it.
  useEffect(() => {
    const running = recent.data?.find((j) => !finished(j));
    if (currentId === undefined && running) setCurrentId(running.id);
  }, [recent.data, currentId]);
  const current = useQuery({
    queryKey: ['import', currentId],
    queryFn: async () => {
      const job = await getImport(currentId as Id);
      if (finished(job)) {
        void queryClient.invalidateQueries({ queryKey: ['imports'] });
        void queryClient.invalidateQueries({ queryKey: ['laborers'] });
        void queryClient.invalidateQueries({ queryKey: ['workbench'] });
      }
      return job;
    },
    enabled: currentId !== undefined,
    refetchInterval: (q) => (finished(q.state.data) ? false : 1000),
  });

  return (
    <>
      <PageCard
        title="数据导入"
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(IMPORT_TEMPLATE_URL, '劳动力台账导入模板.xlsx').catch((e: Error) => message.error(e.message))}
          >
            下载导入模板
          </Button>
        }
      >
        {!me.canWrite && <Alert type="warning" showIcon title="您的角色只能查看台账，不能导入" style={{ marginBottom: 16 }} />}
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={!me.canWrite || uploading}
          customRequest={async ({ file, onSuccess, onError }) => {
            setUploading(true);
            try {
              const job = await uploadImport(file as File);
              setCurrentId(job.id);
              onSuccess?.(job);
              void queryClient.invalidateQueries({ queryKey: ['imports'] });
            } catch (e) {
              message.error((e as Error).message);
              onError?.(e as Error);
            } finally {
              setUploading(false);
            }
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{uploading ? '正在上传…' : '点击或拖拽文件到此处上传'}</p>
          <p className="ant-upload-hint">
            支持 Excel（.xlsx）和 CSV（UTF-8 或 GBK 编码）文件，按模板的列填写；已有记录按身份证号更新
          </p>
        </Upload.Dragger>
        <div style={{ marginTop: 16 }}>
          <ErrorAlert error={current.error} />
          {current.data && <ImportSummary job={current.data} />}
        </div>
      </PageCard>
      <PageCard title="最近导入">
        <ErrorAlert error={recent.error} />
        <Table<ImportJob>
          size="small"
          rowKey={(j) => String(j.id)}
          loading={recent.isFetching}
          dataSource={recent.data}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', width: 170, render: (t: string) => beijingDateTime(t) },
            { title: '文件', dataIndex: 'fileName' },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: ImportStatus) => <Tag color={STATUS[s]?.color}>{STATUS[s]?.text ?? s}</Tag>,
            },
            { title: '总行数', dataIndex: 'totalRows', width: 80, align: 'right' },
            { title: '新增', dataIndex: 'inserted', width: 70, align: 'right' },
            { title: '更新', dataIndex: 'updated', width: 70, align: 'right' },
            { title: '未变化', dataIndex: 'unchanged', width: 70, align: 'right' },
            { title: '失败', dataIndex: 'failed', width: 70, align: 'right' },
            { title: '', key: 'errors', width: 130, render: (_v, j) => <ErrorRowsLink job={j} /> },
          ]}
        />
      </PageCard>
    </>
  );
}
