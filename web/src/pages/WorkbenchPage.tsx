// 工作台: the register's counts for the user's region (or a region below it).
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Progress, Row, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import { getWorkbench } from '../api/laborers.ts';
import type { Workbench } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorResult.tsx';
import { PageCard } from '../components/PageCard.tsx';
import { RegionTreeSelect } from '../components/RegionTreeSelect.tsx';

const STATS: { key: keyof Workbench; title: string; color?: string }[] = [
  { key: 'persons', title: '登记人数' },
  { key: 'households', title: '户数' },
  { key: 'laborers', title: '劳动力（劳动年龄内）' },
  { key: 'employed', title: '已就业', color: '#389e0d' },
  { key: 'unemployed', title: '未就业', color: '#cf1322' },
  { key: 'migrateWilling', title: '有外出务工意愿' },
  { key: 'zeroEmploymentHouseholds', title: '零就业家庭', color: '#cf1322' },
  { key: 'monitoringHouseholds', title: '监测对象户' },
];

const percent = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 10 : 0);

export function WorkbenchPage() {
  const [region, setRegion] = useState<string | undefined>();
  const query = useQuery({ queryKey: ['workbench', region], queryFn: () => getWorkbench(region) });
  const w = query.data;

  return (
    <>
      <PageCard
        title={`工作台${w ? ` · ${w.regionName}` : ''}`}
        extra={<RegionTreeSelect value={region} onChange={setRegion} allowClear placeholder="本辖区" style={{ width: 260 }} />}
      >
        <ErrorAlert error={query.error} />
        <Row gutter={[16, 16]}>
          {STATS.map((s) => (
            <Col key={s.key} xs={12} sm={8} lg={6}>
              <Card size="small">
                <Statistic
                  title={s.title}
                  value={(w?.[s.key] as number | undefined) ?? 0}
                  loading={query.isPending}
                  styles={s.color ? { content: { color: s.color } } : undefined}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </PageCard>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <PageCard title="就业渠道分布（当前在业）">
            {w && w.byChannel.length === 0 ? (
              <Empty description="暂无在业人员" />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {w?.byChannel.map((c) => (
                  <div key={c.channel}>
                    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                      <span>{c.channel}</span>
                      <span>{c.count} 人</span>
                    </Space>
                    <Progress percent={percent(c.count, w.employed)} size="small" />
                  </div>
                ))}
              </Space>
            )}
          </PageCard>
        </Col>
        <Col xs={24} lg={14}>
          <PageCard title="下级区划">
            <Table
              size="small"
              rowKey="code"
              loading={query.isPending}
              dataSource={w?.byChild}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              onRow={(r) => ({ onClick: () => r.code.length < 12 && setRegion(r.code), style: { cursor: 'pointer' } })}
              columns={[
                { title: '区划', dataIndex: 'name' },
                { title: '劳动力', dataIndex: 'laborers', align: 'right', width: 90 },
                { title: '已就业', dataIndex: 'employed', align: 'right', width: 90 },
                {
                  title: '就业率',
                  key: 'rate',
                  width: 180,
                  render: (_v, r) => <Progress percent={percent(r.employed, r.laborers)} size="small" />,
                },
              ]}
            />
          </PageCard>
        </Col>
      </Row>
    </>
  );
}
