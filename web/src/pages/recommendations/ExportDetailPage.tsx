// One export batch: its members, departure (writes each member's 外出务工(有组织) spell) and
// whether each is still employed at 3 and 6 months (the stability the export subsidies need);
// a planned batch that will not depart is cancelled with a reason.

import { RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Descriptions, Popconfirm, Result, Row, Skeleton, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ApiError } from '../../api/client.ts';
import { useMe } from '../../components/AuthProvider.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { todayInShanghai } from '../../lib/beijing-time.ts';
import { CancelButton, CancellationNote } from './CancelRecord.tsx';
import { ExportSubsidiesCard } from './ExportSubsidiesCard.tsx';
import { EXPORT_COLORS } from './ExportsPage.tsx';
import { LaborerMultiPicker } from './pickers.tsx';
import { RegionName } from './RegionName.tsx';
import { StabilityTag } from './reasons.tsx';
import {
  addExportMembers,
  cancelExport,
  departExport,
  type ExportDetail,
  type ExportMember,
  getExport,
} from './recommendations-api.ts';

export function ExportDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [personIds, setPersonIds] = useState<string[]>([]);
  const batch = useQuery({ queryKey: ['export', id], queryFn: () => getExport(id) });
  const done = (b: ExportDetail, text: string) => {
    queryClient.setQueryData(['export', id], b);
    void queryClient.invalidateQueries({ queryKey: ['exports'] });
    message.success(text);
  };
  const add = useMutation<ExportDetail, ApiError>({
    mutationFn: () => addExportMembers(id, personIds),
    onSuccess: (b) => {
      setPersonIds([]);
      done(b, `已添加，共 ${b.people} 人`);
    },
    onError: (e) => message.error(e.message),
  });
  const depart = useMutation<ExportDetail, ApiError>({
    mutationFn: () => departExport(id, (batch.data as ExportDetail).version),
    onSuccess: (b) => {
      void queryClient.invalidateQueries({ queryKey: ['laborer'] });
      done(b, `已登记出发，${b.people} 人的就业经历已写入台账`);
    },
    onError: (e) => message.error(e.message),
  });

  if (batch.isPending) return <Skeleton active />;
  if (batch.isError) {
    return (
      <Result
        status={(batch.error as ApiError).status === 404 ? '404' : 'error'}
        title={batch.error.message}
        extra={<Button onClick={() => navigate('/exports')}>返回劳务输出</Button>}
      />
    );
  }
  const b = batch.data;
  const may = me.canWrite && me.role !== 'employer' && b.status === 'planned';
  // The server dates by Asia/Shanghai; so does the page, whatever the browser's time zone.
  const due = b.departureDate <= todayInShanghai();
  const s = b.stability;

  return (
    <>
      <PageCard
        title={`劳务输出批次 · ${b.destination}`}
        extra={
          <Space>
            <Button icon={<RollbackOutlined />} onClick={() => navigate('/exports')}>
              返回
            </Button>
            {may && (
              <Popconfirm
                title={`登记 ${b.people} 人已出发？将为每人写入“外出务工(有组织)”就业经历`}
                disabled={!due || b.people === 0}
                onConfirm={() => depart.mutate()}
              >
                <Button type="primary" disabled={!due || b.people === 0} loading={depart.isPending}>
                  {due ? '登记出发' : `${b.departureDate} 出发`}
                </Button>
              </Popconfirm>
            )}
            {may && (
              <CancelButton
                record={`劳务输出批次（${b.destination}，${b.departureDate}）`}
                effect="取消后本批次不能再添加人员、不能登记出发，也不测算劳务输出补贴；已添加的人员保留为记录。"
                onCancel={(reason) => cancelExport(id, { reason, version: b.version })}
                onDone={(d) => {
                  queryClient.setQueryData(['export', id], d);
                  void queryClient.invalidateQueries({ queryKey: ['exports'] });
                }}
              />
            )}
          </Space>
        }
      >
        {b.cancellation && <CancellationNote cancellation={b.cancellation} />}
        <Descriptions bordered size="small" column={3}>
          <Descriptions.Item label="输出地">
            <RegionName code={b.regionCode} />
          </Descriptions.Item>
          <Descriptions.Item label="输入地">
            {b.destination}
            {b.destinationCode ? `（${b.destinationCode}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={EXPORT_COLORS[b.status]}>{b.statusName}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="用人单位">
            <Link to={`/employers/${b.employerId}`}>{b.employerName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="岗位">{b.jobId ? <Link to={`/jobs/${b.jobId}`}>查看岗位</Link> : '-'}</Descriptions.Item>
          <Descriptions.Item label="交通方式">{b.transport}</Descriptions.Item>
          <Descriptions.Item label="出发日期">{b.departureDate}</Descriptions.Item>
          <Descriptions.Item label="带队人">{b.leader || '-'}</Descriptions.Item>
          <Descriptions.Item label="人数">{b.people}</Descriptions.Item>
        </Descriptions>
        {b.status === 'departed' && (
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col span={4}>
              <Statistic title="3个月稳定在岗" value={s.stable3} />
            </Col>
            <Col span={4}>
              <Statistic title="3个月内离岗" value={s.left3} />
            </Col>
            <Col span={4}>
              <Statistic title="未满3个月" value={s.pending3} />
            </Col>
            <Col span={4}>
              <Statistic title="6个月稳定在岗" value={s.stable6} />
            </Col>
            <Col span={4}>
              <Statistic title="6个月内离岗" value={s.left6} />
            </Col>
            <Col span={4}>
              <Statistic title="未满6个月" value={s.pending6} />
            </Col>
          </Row>
        )}
      </PageCard>
      <PageCard title="输出人员">
        {may && (
          <Space style={{ marginBottom: 12 }}>
            <LaborerMultiPicker
              ariaLabel="输出人员"
              value={personIds}
              onChange={setPersonIds}
              region={b.regionCode}
              style={{ width: 480 }}
            />
            <Button disabled={personIds.length === 0} loading={add.isPending} onClick={() => add.mutate()}>
              添加人员
            </Button>
          </Space>
        )}
        <Table<ExportMember>
          size="small"
          rowKey={(m) => String(m.personId)}
          dataSource={b.members}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              title: '姓名',
              dataIndex: 'name',
              render: (n: string, m) => <Link to={`/laborers/${m.personId}?tab=spells`}>{n}</Link>,
            },
            { title: '身份证号', dataIndex: 'idNumber' },
            { title: '性别', dataIndex: 'sex' },
            { title: '村', dataIndex: 'villageCode', render: (c: string) => <RegionName code={c} /> },
            { title: '离岗日期', dataIndex: 'endDate', render: (d: string | null) => d ?? '-' },
            {
              title: '稳定就业',
              key: 'stable',
              render: (_v, m) => (
                <Space size={4}>
                  <StabilityTag label="3个月" value={m.stable3} name={m.stable3Name} />
                  <StabilityTag label="6个月" value={m.stable6} name={m.stable6Name} />
                </Space>
              ),
            },
          ]}
        />
      </PageCard>
      {b.status === 'departed' && me.role !== 'employer' && (
        <ExportSubsidiesCard batchId={String(b.id)} departureDate={b.departureDate} />
      )}
    </>
  );
}
