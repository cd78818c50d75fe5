// The frame of 劳动者服务 for a phone: a top bar with the name and 退出, the page, and a bottom
// bar of five tabs (one thumb, 375px wide). No officer menu: a laborer sees only its own.
import { AuditOutlined, BellOutlined, CarOutlined, FileDoneOutlined, IdcardOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, NavLink, Outlet } from 'react-router';
import { me as api } from '../../api/me.ts';
import { useAuth, useMe } from '../../components/AuthProvider.tsx';

const TABS: { to: string; icon: ReactNode; label: string }[] = [
  { to: '/me/jobs', icon: <IdcardOutlined />, label: '推荐岗位' },
  { to: '/me/policies', icon: <AuditOutlined />, label: '政策' },
  { to: '/me/transport', icon: <CarOutlined />, label: '交通补助' },
  { to: '/me/claims', icon: <FileDoneOutlined />, label: '我的申请' },
  { to: '/me/info', icon: <UserOutlined />, label: '我的信息' },
];

export function MeLayout() {
  const me = useMe();
  const { signOut } = useAuth();
  const unread = useQuery({
    queryKey: ['me', 'messages'],
    queryFn: api.messages,
    enabled: me.role === 'laborer',
    refetchInterval: 60_000,
  });
  if (me.role !== 'laborer') return <Navigate to="/" replace />;
  return (
    <div style={{ minHeight: '100vh', background: '#f4f5f7', paddingBottom: 64 }}>
      <header
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 10,
          background: '#c0392b',
          color: '#fff',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          padding: '10px 12px',
        }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          劳动者服务 · {me.displayName}
        </Typography.Text>
        <span>
          <Link to="/me/messages" style={{ color: '#fff', marginRight: 12 }} aria-label="我的消息">
            <Badge count={unread.data?.unread ?? 0} size="small" offset={[4, -2]}>
              <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
            </Badge>
          </Link>
          <Button size="small" ghost onClick={() => void signOut()}>
            退出
          </Button>
        </span>
      </header>
      <main style={{ maxWidth: 560, margin: '0 auto', padding: 12 }}>
        <Outlet />
      </main>
      <nav
        aria-label="劳动者服务导航"
        style={{
          position: 'fixed',
          bottom: 0,
          left: 0,
          right: 0,
          display: 'flex',
          background: '#fff',
          borderTop: '1px solid #eee',
          zIndex: 10,
        }}
      >
        {TABS.map((t) => (
          <NavLink
            key={t.to}
            to={t.to}
            style={({ isActive }) => ({
              flex: 1,
              textAlign: 'center',
              padding: '6px 0 8px',
              fontSize: 12,
              color: isActive ? '#c0392b' : '#666',
            })}
          >
            <div style={{ fontSize: 20 }}>{t.icon}</div>
            {t.label}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
