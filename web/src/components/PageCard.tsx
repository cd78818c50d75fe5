import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A screen's main card with its title and actions, the way admin consoles frame content. */
export function PageCard({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card title={<Typography.Text strong>{title}</Typography.Text>} extra={extra} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}
