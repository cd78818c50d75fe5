// 就业经历 as a timeline, newest first.
import { Button, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import type { Spell } from '../api/types.ts';
import { yuan } from '../lib/format.ts';

interface Props {
  spells: Spell[];
  onEdit?: (spell: Spell) => void;
}

export function SpellTimeline({ spells, onEdit }: Props) {
  if (spells.length === 0) return <Empty description="暂无就业经历" />;
  const sorted = [...spells].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <Timeline
      mode="start"
      items={sorted.map((s) => ({
        key: String(s.id),
        color: s.endDate ? 'gray' : 'green',
        content: (
          <Space orientation="vertical" size={2}>
            <Typography.Text strong>
              {s.startDate} 至 {s.endDate ?? '今'}
            </Typography.Text>
            <Space wrap>
              <Tag color="blue">{s.channel}</Tag>
              {!s.endDate && <Tag color="green">在业</Tag>}
              {s.insured ? <Tag color="cyan">已参保</Tag> : <Tag>未参保</Tag>}
              {onEdit && (
                <Button size="small" type="link" onClick={() => onEdit(s)}>
                  修改
                </Button>
              )}
            </Space>
            <Typography.Text>
              务工地点：{s.outOfProvince ? `省外 · ${s.placeName}` : s.placeName || s.placeCode || '-'}
            </Typography.Text>
            <Typography.Text>
              务工单位：{s.employer || '-'}
              {s.employerId !== null && (
                <>
                  {' '}
                  <Link to={`/employers/${s.employerId}`} title={`统一社会信用代码 ${s.employerCreditCode ?? ''}`}>
                    <Tag color="geekblue">已关联登记单位</Tag>
                  </Link>
                </>
              )}
            </Typography.Text>
            <Typography.Text>月收入：{yuan(s.monthlyIncomeFen)}</Typography.Text>
          </Space>
        ),
      }))}
    />
  );
}
