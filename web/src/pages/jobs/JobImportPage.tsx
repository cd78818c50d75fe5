// 岗位导入: the template, an .xlsx or .csv upload; good rows become job posts, bad rows are
// listed with their reasons and downloadable as an error report (as the laborer import does).
import { DownloadOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Row, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { download } from '../../api/client.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { JOB_IMPORT_TEMPLATE_URL, type JobImportResult, jobImportErrorsUrl, uploadJobImport } from './jobs-api.ts';

type ErrorRow = JobImportResult['errors'][number];

export function JobImportPage() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<JobImportResult>();
  const [uploading, setUploading] = useState(false);
  const save = (url: string, name: string) => download(url, name).catch((e: Error) => message.error(e.message));
  const mayImport = me.canWrite && me.role !== 'employer' && me.role !== 'auditor';

  return (
    <PageCard
      title="岗位批量导入"
      extra={
        <Space>
          <Button icon={<RollbackOutlined />} onClick={() => navigate('/jobs')}>
            返回岗位列表
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => save(JOB_IMPORT_TEMPLATE_URL, '岗位导入模板.xlsx')}>
            下载导入模板
          </Button>
        </Space>
      }
    >
      {!mayImport && <Alert type="warning" showIcon title="您的角色不能导入岗位" style={{ marginBottom: 16 }} />}
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={!mayImport || uploading}
        customRequest={async ({ file, onSuccess, onError }) => {
          setUploading(true);
          try {
            const r = await uploadJobImport(file as File);
            setResult(r);
            onSuccess?.(r);
            void queryClient.invalidateQueries({ queryKey: ['jobs'] });
            message.success(`已导入 ${r.imported} 个岗位${r.rejected ? `，${r.rejected} 行有错误未导入` : ''}`);
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
        <p className="ant-upload-text">{uploading ? '正在导入…' : '点击或拖拽 .xlsx / .csv 文件到此处'}</p>
        <p className="ant-upload-hint">按模板填写；用人单位以统一社会信用代码对应，须先登记。出错的行不导入，其余照常导入。</p>
      </Upload.Dragger>
      {result && (
        <div data-testid="job-import-summary" style={{ marginTop: 16 }}>
          <Typography.Text strong>{result.fileName}</Typography.Text>
          <Row gutter={16} style={{ marginTop: 8 }}>
            <Col span={8}>
              <Statistic title="数据行" value={result.rows} />
            </Col>
            <Col span={8}>
              <Statistic title="已导入" value={result.imported} />
            </Col>
            <Col span={8}>
              <Statistic
                title="有错误"
                value={result.rejected}
                styles={result.rejected ? { content: { color: '#cf1322' } } : undefined}
              />
            </Col>
          </Row>
          {result.rejected > 0 && (
            <>
              <Button
                type="link"
                icon={<DownloadOutlined />}
                onClick={() => save(jobImportErrorsUrl(result.id), `岗位导入错误行-${result.id}.xlsx`)}
              >
                下载错误行
              </Button>
              <Table<ErrorRow>
                size="small"
                rowKey={(r) => String(r.rowNumber)}
                dataSource={result.errors}
                pagination={false}
                columns={[
                  { title: '行号', dataIndex: 'rowNumber', width: 80 },
                  {
                    title: '错误原因',
                    key: 'reasons',
                    render: (_v, r) =>
                      r.reasons.map((x) => `${x.column}${x.value ? `“${x.value}”` : ''}：${x.reason}`).join('；'),
                  },
                ]}
              />
              {result.rejected > result.errors.length && (
                <Typography.Text type="secondary">
                  仅显示前 {result.errors.length} 行，全部 {result.rejected} 行见错误报告
                </Typography.Text>
              )}
            </>
          )}
        </div>
      )}
    </PageCard>
  );
}
