// 疑似重复: two records side by side; a county officer merges (keeping one) or dismisses.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, Modal, Row, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api/client.ts';
import { dismissDuplicate, listDuplicates, mergeDuplicate } from '../api/duplicates.ts';
import type { DuplicateCandidate, Id, LaborerListItem } from '../api/types.ts';
import { canDecide, useMe } from '../components/AuthProvider.tsx';
import { ErrorAlert } from '../components/ErrorResult.tsx';
import { PageCard } from '../components/PageCard.tsx';
import { yesNo } from '../lib/format.ts';

function PersonCard({ p, title }: { p: LaborerListItem; title: string }) {
  return (
    <Card size="small" title={title} extra={<Link to={`/laborers/${p.id}`}>查看详情</Link>}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: '姓名', children: p.name },
          { key: 'id', label: '身份证号', children: p.idNumber },
          { key: 'sex', label: '性别/年龄', children: `${p.sex} / ${p.age}岁` },
          { key: 'village', label: '所在村', children: p.villageName || p.villageCode },
          { key: 'household', label: '户编号', children: `${p.householdNumber}（${p.householdType}）` },
          { key: 'phone', label: '联系电话', children: p.phone || '-' },
          { key: 'capacity', label: '劳动技能', children: p.workCapacity },
          { key: 'willing', label: '外出意愿', children: yesNo(p.migrateWilling) },
        ]}
      />
    </Card>
  );
}

type Decision = { kind: 'merge'; keep: Id; keepName: string } | { kind: 'dismiss' };

function DuplicateRow({ c, decide }: { c: DuplicateCandidate; decide: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<Decision>();
  const [note, setNote] = useState('');
  const mutation = useMutation<unknown, ApiError, Decision>({
    mutationFn: (d) => (d.kind === 'merge' ? mergeDuplicate(c.id, d.keep, note) : dismissDuplicate(c.id, note)),
    onSuccess: (_r, d) => {
      message.success(d.kind === 'merge' ? '已合并' : '已标记为不是重复');
      setDecision(undefined);
      void queryClient.invalidateQueries({ queryKey: ['duplicates'] });
      void queryClient.invalidateQueries({ queryKey: ['laborers'] });
    },
    onError: (e) => message.error(e.message),
  });

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <Tag color="orange">{c.reason}</Tag>
          <span>疑似重复 #{c.id}</span>
        </Space>
      }
      extra={
        decide && (
          <Space>
            <Button onClick={() => setDecision({ kind: 'merge', keep: c.a.id, keepName: c.a.name })}>合并（保留左侧）</Button>
            <Button onClick={() => setDecision({ kind: 'merge', keep: c.b.id, keepName: c.b.name })}>合并（保留右侧）</Button>
            <Button onClick={() => setDecision({ kind: 'dismiss' })}>不是重复</Button>
          </Space>
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <PersonCard p={c.a} title="记录 A" />
        </Col>
        <Col xs={24} md={12}>
          <PersonCard p={c.b} title="记录 B" />
        </Col>
      </Row>
      <Modal
        open={!!decision}
        title={decision?.kind === 'merge' ? '确认合并' : '确认不是重复'}
        okText="确认"
        confirmLoading={mutation.isPending}
        onOk={() => decision && mutation.mutate(decision)}
        onCancel={() => setDecision(undefined)}
      >
        <p>
          {decision?.kind === 'merge'
            ? `保留“${decision.keepName}”的记录，另一条的就业经历并入其中，另一条记录标记为已合并。此操作记入审计日志。`
            : '两条记录为不同的人，今后不再提示。此操作记入审计日志。'}
        </p>
        <Input.TextArea
          rows={3}
          placeholder="说明（如：经入户核实）"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
        />
      </Modal>
    </Card>
  );
}

export function DuplicatesPage() {
  const me = useMe();
  const decide = canDecide(me);
  const list = useQuery({ queryKey: ['duplicates'], queryFn: listDuplicates });
  return (
    <PageCard title="疑似重复">
      {!decide && <Alert type="info" showIcon title="仅县级经办人员可以合并或排除疑似重复记录" style={{ marginBottom: 16 }} />}
      <ErrorAlert error={list.error} />
      {list.isPending && <Spin />}
      {list.data?.length === 0 && <Empty description="暂无待处理的疑似重复记录" />}
      {list.data?.map((c) => (
        <DuplicateRow key={String(c.id)} c={c} decide={decide && c.status === 'open'} />
      ))}
    </PageCard>
  );
}
