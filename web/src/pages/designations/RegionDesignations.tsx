// What the 贫困县 and 深度贫困县 lists in force today say about a county (or a place in it),
// one line per kind: 是, 否, or 未录入名单 where the province has no list of the kind in force.
import { useQuery } from '@tanstack/react-query';
import { Space, Spin, Tag, Typography } from 'antd';
import { getRegionDesignations } from '../../api/regions.ts';

function answerTag(designated: boolean | null) {
  if (designated === null) return <Tag>未录入名单</Tag>;
  return designated ? <Tag color="volcano">是</Tag> : <Tag color="green">否</Tag>;
}

export function RegionDesignations({ code }: { code: string }) {
  const q = useQuery({ queryKey: ['region', code, 'designations'], queryFn: () => getRegionDesignations(code) });
  if (q.isPending) return <Spin size="small" />;
  if (q.error) return <Typography.Text type="danger">{q.error.message}</Typography.Text>;
  return (
    <Space orientation="vertical" size={4} data-testid="region-designations">
      {q.data.items.map((d) => (
        <span key={d.kind}>
          {d.kindName}：{answerTag(d.designated)}
          <Typography.Text type="secondary">{d.text}</Typography.Text>
        </span>
      ))}
    </Space>
  );
}
