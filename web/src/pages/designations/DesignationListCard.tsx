// One 贫困县 or 深度贫困县 list: its document and period, the counties on it with the day each
// left; for province officers, 补录县 and 记录退出 on a county.
import { Button, Card, Descriptions, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { DesignatedCounty, DesignationList } from '../../api/types.ts';
import { beijingDateTime } from '../../lib/beijing-time.ts';
import { orDash } from '../../lib/format.ts';
import { AddCountiesForm } from './AddCountiesForm.tsx';
import { LeaveForm } from './LeaveForm.tsx';

function listStatus(l: DesignationList) {
  if (l.inForce) return <Tag color="green">在执行</Tag>;
  if (l.replacedOn) return <Tag>已被 {l.replacedOn} 起的新名单取代</Tag>;
  return <Tag color="blue">{l.from} 起执行</Tag>;
}

function countyStatus(l: DesignationList, c: DesignatedCounty) {
  if (!c.designatedToday) return <Tag>已退出</Tag>;
  // A county on a list no longer (or not yet) in force is on that list, not designated today.
  return l.inForce ? <Tag color="volcano">今日在列</Tag> : <Tag color="orange">在列</Tag>;
}

interface Props {
  list: DesignationList;
  canEdit: boolean;
  /** After a change: reload the lists (and what the regions' pages say). */
  onChanged: (message: string) => void;
}

export function DesignationListCard({ list, canEdit, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  const [leaving, setLeaving] = useState<DesignatedCounty>();

  return (
    <Card
      size="small"
      data-testid={`designation-list-${list.id}`}
      title={
        <Space>
          <Tag color="geekblue">{list.kindName}</Tag>
          {list.title}
          {listStatus(list)}
        </Space>
      }
      extra={canEdit && <Button onClick={() => setAdding(true)}>补录县</Button>}
      style={{ marginBottom: 16 }}
    >
      <Descriptions
        size="small"
        column={3}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'basis', label: '依据', span: 3, children: list.basis },
          { key: 'from', label: '执行日期', children: list.from },
          { key: 'count', label: '列入县数', children: list.counties.length },
          { key: 'created', label: '录入时间', children: beijingDateTime(list.createdAt, false) },
        ]}
      />
      <Table<DesignatedCounty>
        size="small"
        rowKey="code"
        dataSource={list.counties}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '名单中尚无县' }}
        columns={[
          { title: '县', dataIndex: 'name' },
          { title: '代码', dataIndex: 'code', width: 100 },
          { title: '状态', key: 'status', width: 100, render: (_v, c) => countyStatus(list, c) },
          { title: '退出日期', dataIndex: 'until', width: 110, render: orDash },
          { title: '退出依据', dataIndex: 'untilBasis', render: orDash },
          ...(canEdit
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 120,
                  render: (_v: unknown, c: DesignatedCounty) => (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setLeaving(c)}>
                      {c.until ? '改早退出日期' : '记录退出'}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal open={adding} title={`补录县：${list.title}`} footer={null} onCancel={() => setAdding(false)} destroyOnHidden>
        <AddCountiesForm
          list={list}
          onSaved={(added) => {
            setAdding(false);
            onChanged(`已补录 ${added} 个县`);
          }}
          onCancel={() => setAdding(false)}
        />
      </Modal>
      <Modal
        open={!!leaving}
        title={`记录退出：${leaving?.name ?? ''}`}
        footer={null}
        onCancel={() => setLeaving(undefined)}
        destroyOnHidden
      >
        {leaving && (
          <LeaveForm
            list={list}
            county={leaving}
            onSaved={() => {
              setLeaving(undefined);
              onChanged(`已记录${leaving.name}退出`);
            }}
            onCancel={() => setLeaving(undefined)}
          />
        )}
      </Modal>
    </Card>
  );
}
