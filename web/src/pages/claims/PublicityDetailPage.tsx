// One publicity list: its claims, print view and Excel export, objections, and closing it
// after its period (its claims then wait for payment).
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { closePublicity, getPublicity, objectToClaim, type PublicityItem } from '../../api/claims.ts';
import { download } from '../../api/client.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { yuan } from '../../lib/format.ts';
import { period } from '../../lib/rules-format.ts';
import { AboutLaborer } from './claim-format.tsx';

export function PublicityDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const data = useQuery({ queryKey: ['publicity', id], queryFn: () => getPublicity(id) });
  const [objecting, setObjecting] = useState<PublicityItem>();
  const [comment, setComment] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['publicity'] });
    void queryClient.invalidateQueries({ queryKey: ['claims'] });
    void queryClient.invalidateQueries({ queryKey: ['claim'] }); // each claim's own page too
  };
  const close = useMutation({
    mutationFn: () => closePublicity(id, data.data?.list.version ?? 1),
    onSuccess: (r) => {
      message.success(`公示已结束，${r.approved.length} 件申请转为待拨付`);
      refresh();
    },
    onError: (e) => message.error((e as Error).message),
  });
  const object = useMutation({
    mutationFn: () => objectToClaim(id, objecting?.claimId ?? '', comment.trim()),
    onSuccess: () => {
      message.success('已登记异议，申请已退回修改');
      setObjecting(undefined);
      refresh();
    },
    onError: (e) => message.error((e as Error).message),
  });
  const list = data.data?.list;
  const county = me.role === 'county';

  return (
    <PageCard
      title={list ? `公示名单 · ${list.title}` : '公示名单'}
      extra={
        list && (
          <Space>
            <Button icon={<PrinterOutlined />} onClick={() => window.open(list.printUrl, '_blank', 'noopener')}>
              打印
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download(list.exportUrl, `${list.title}.xlsx`).catch((e: Error) => message.error(e.message))}
            >
              导出Excel
            </Button>
            {county && list.status === 'open' && (
              <Button type="primary" loading={close.isPending} onClick={() => close.mutate()}>
                结束公示
              </Button>
            )}
          </Space>
        )
      }
    >
      <ErrorAlert error={data.error} />
      {list && (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 4 }}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'region', label: '公示范围', children: list.region },
            { key: 'period', label: '公示期', children: period(list.from, list.to) },
            {
              key: 'status',
              label: '状态',
              children: (
                <Tag color={list.status === 'open' ? 'purple' : 'default'} data-testid="publicity-status">
                  {list.statusName}
                </Tag>
              ),
            },
            { key: 'count', label: '件数', children: list.itemCount ?? data.data?.items.length },
          ]}
        />
      )}
      <Table<PublicityItem>
        size="small"
        rowKey={(i) => String(i.claimId)}
        loading={data.isFetching}
        dataSource={data.data?.items}
        pagination={false}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          { title: '申请编号', dataIndex: 'number', render: (n: string, i) => <Link to={`/claims/${i.claimId}`}>{n}</Link> },
          {
            title: '姓名（单位）',
            dataIndex: 'beneficiaryName',
            render: (n: string, i) => (
              <>
                {n}
                <AboutLaborer name={i.laborerName} />
              </>
            ),
          },
          { title: '身份证号', dataIndex: 'idNumber' },
          { title: '所在地区', dataIndex: 'regionName' },
          { title: '补贴项目', dataIndex: 'ruleTitle' },
          { title: '政策依据', dataIndex: 'basis' },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (f: number) => yuan(f) },
          {
            title: '公示结果',
            key: 'outcome',
            render: (_v, i) => (i.objection ? `${i.outcomeName}（${i.objection}）` : i.outcomeName),
          },
          {
            title: '',
            key: 'object',
            render: (_v, i) =>
              county &&
              list?.status === 'open' &&
              i.outcome === 'listed' && (
                <Button
                  type="link"
                  onClick={() => {
                    setComment('');
                    setObjecting(i);
                  }}
                >
                  登记异议
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={!!objecting}
        title={`登记异议：${objecting?.beneficiaryName ?? ''}（${objecting?.number ?? ''}）`}
        okText="退回修改"
        cancelText="取消"
        okButtonProps={{ disabled: !comment.trim() }}
        confirmLoading={object.isPending}
        onCancel={() => setObjecting(undefined)}
        onOk={() => object.mutate()}
      >
        <Input.TextArea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="异议内容（必填）" />
      </Modal>
    </PageCard>
  );
}
