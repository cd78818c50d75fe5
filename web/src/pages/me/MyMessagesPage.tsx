// 消息: what the service sent the laborer in the portal (job recommendations, policy notices),
// newest first; opening one marks it read.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Card, Empty, Spin, Typography } from 'antd';
import { me } from '../../api/me.ts';
import { ErrorAlert } from '../../components/ErrorResult.tsx';
import { beijingDateTime } from '../../lib/beijing-time.ts';

export function MyMessagesPage() {
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['me', 'messages'], queryFn: me.messages });
  const read = useMutation({
    mutationFn: (id: string) => me.read(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['me', 'messages'] }),
  });
  if (q.isPending) return <Spin />;
  if (q.error) return <ErrorAlert error={q.error} />;
  return (
    <>
      <Typography.Title level={4}>我的消息</Typography.Title>
      {q.data.items.length === 0 && <Empty description="还没有消息" />}
      {q.data.items.map((m) => (
        <Card
          key={m.id}
          size="small"
          style={{ marginBottom: 8 }}
          data-testid="inbox-message"
          onClick={() => !m.readAt && read.mutate(m.id)}
          title={
            <Badge dot={!m.readAt} offset={[6, 0]}>
              <span>{m.title}</span>
            </Badge>
          }
          extra={<Typography.Text type="secondary">{beijingDateTime(m.at)}</Typography.Text>}
        >
          <Typography.Paragraph style={{ marginBottom: 0 }}>{m.body}</Typography.Paragraph>
        </Card>
      ))}
    </>
  );
}
