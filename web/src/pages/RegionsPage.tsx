// 区划: browse the division codes of the user's region, or search them by name; a county and
// the places in it show what the 贫困县 and 深度贫困县 lists (区划认定) say about it today.
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Descriptions, Input, Space, Table } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { getRegion, getRegionChildren, searchRegions } from '../api/regions.ts';
import type { RegionChild, RegionHit } from '../api/types.ts';
import { useMe } from '../components/AuthProvider.tsx';
import { ErrorAlert } from '../components/ErrorResult.tsx';
import { PageCard } from '../components/PageCard.tsx';
import { RegionDesignations } from './designations/RegionDesignations.tsx';

const LinkButton = ({ onClick, children }: { onClick: () => void; children: ReactNode }) => (
  <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={onClick}>
    {children}
  </Button>
);

const LEVELS: Record<number, string> = { 1: '省级', 2: '地市级', 3: '县级', 4: '乡级', 5: '村级' };

export function RegionsPage() {
  const me = useMe();
  const [code, setCode] = useState(me.regionCode);
  const [q, setQ] = useState('');
  const region = useQuery({ queryKey: ['region', code], queryFn: () => getRegion(code) });
  const children = useQuery({ queryKey: ['region', code, 'children'], queryFn: () => getRegionChildren(code), enabled: !q });
  const found = useQuery({ queryKey: ['region-search', q], queryFn: () => searchRegions(q), enabled: !!q });
  const rows = q ? found : children;
  type Row = RegionChild | (RegionHit & { childCount?: undefined });
  const r = region.data;
  // Only the part of the path inside the user's own region can be navigated.
  const path = (r?.path ?? []).filter((p) => p.code.startsWith(me.regionCode));

  return (
    <PageCard
      title="区划"
      extra={
        <Input.Search allowClear placeholder="按名称或代码查找区划" onSearch={(v) => setQ(v.trim())} style={{ width: 280 }} />
      }
    >
      <ErrorAlert error={region.error ?? rows.error} />
      {!q && r && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <Breadcrumb
            items={path.map((p) => ({ key: p.code, title: <LinkButton onClick={() => setCode(p.code)}>{p.name}</LinkButton> }))}
          />
          <Descriptions
            bordered
            size="small"
            column={3}
            styles={{ label: { whiteSpace: 'nowrap' } }}
            items={[
              { key: 'name', label: '名称', children: r.name },
              { key: 'code', label: '统计用区划代码', children: r.code },
              { key: 'level', label: '级别', children: r.levelName || LEVELS[r.level] },
              // The lists name counties: a county and every place in it has an answer.
              ...(r.code.length >= 6
                ? [{ key: 'designations', label: '区划认定', span: 3, children: <RegionDesignations code={r.code} /> }]
                : []),
            ]}
          />
        </Space>
      )}
      <Table<Row>
        size="small"
        rowKey="code"
        loading={rows.isFetching}
        dataSource={rows.data as Row[] | undefined}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: '名称',
            dataIndex: 'name',
            render: (name: string, c) =>
              (c.childCount ?? 0) > 0 || q ? (
                <LinkButton
                  onClick={() => {
                    setQ('');
                    setCode(c.code);
                  }}
                >
                  {name}
                </LinkButton>
              ) : (
                name
              ),
          },
          { title: '代码', dataIndex: 'code', width: 160 },
          { title: '级别', dataIndex: 'level', width: 90, render: (l: number) => LEVELS[l] ?? l },
          q
            ? { title: '所属', dataIndex: 'path', render: (p: string) => p.split('/').join(' / ') }
            : { title: '下级数', dataIndex: 'childCount', width: 90, align: 'right' },
        ]}
      />
    </PageCard>
  );
}
