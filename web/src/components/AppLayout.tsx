// The frame of every signed-in screen: dark left menu, header with the user, role and region.
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CarOutlined,
  ClusterOutlined,
  CopyOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FlagOutlined,
  IdcardOutlined,
  LogoutOutlined,
  NotificationOutlined,
  ShopOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { getRegion } from '../api/regions.ts';
import { useAuth, useMe } from './AuthProvider.tsx';

const { Header, Sider, Content } = Layout;

const MENU = [
  { key: '/workbench', icon: <DashboardOutlined />, label: '工作台' },
  { key: '/laborers', icon: <TeamOutlined />, label: '劳动力台账' },
  { key: '/imports', icon: <UploadOutlined />, label: '数据导入' },
  { key: '/duplicates', icon: <CopyOutlined />, label: '疑似重复' },
  { key: '/rules', icon: <AuditOutlined />, label: '政策规则' },
  { key: '/claims', icon: <FileDoneOutlined />, label: '补贴申领' },
  { key: '/publicity', icon: <NotificationOutlined />, label: '公示' },
  { key: '/payments', icon: <BankOutlined />, label: '资金拨付' },
  { key: '/ledger', icon: <AccountBookOutlined />, label: '资金台账' },
  { key: '/jobs', icon: <IdcardOutlined />, label: '岗位信息' },
  { key: '/employers', icon: <ApartmentOutlined />, label: '用人单位' },
  { key: '/matching', icon: <ClusterOutlined />, label: '人岗匹配' },
  { key: '/fairs', icon: <ShopOutlined />, label: '招聘会' },
  { key: '/exports', icon: <CarOutlined />, label: '劳务输出' },
  { key: '/regions', icon: <EnvironmentOutlined />, label: '区划' },
  { key: '/designations', icon: <FlagOutlined />, label: '贫困县名单' },
];

/** An employer's own login sees its posts, its record and its own claims only (the register is not theirs to see). */
const EMPLOYER_MENU = new Set(['/jobs', '/employers', '/claims']);

/**
 * The name of a region code, or the code itself until (or unless) the name is known. A scope
 * that is not a region (an employer's own login, `employer:<id>`) has no name to look up.
 */
export function useRegionName(code: string | undefined): string {
  const isRegion = code !== undefined && /^\d{2,12}$/.test(code);
  const region = useQuery({
    queryKey: ['region', code],
    queryFn: () => getRegion(code as string),
    enabled: isRegion,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  return region.data?.name ?? (isRegion ? code : '');
}

export function AppLayout() {
  const me = useMe();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const regionName = useRegionName(me.regionCode);
  const menu = me.role === 'employer' ? MENU.filter((m) => EMPLOYER_MENU.has(m.key)) : MENU;
  const selected = menu.find((m) => location.pathname.startsWith(m.key))?.key ?? '/workbench';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} breakpoint="lg" collapsedWidth={0}>
        <div style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 20px', color: '#fff' }}>
          <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
            帮扶 · 就业帮扶
          </Typography.Text>
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[selected]} items={menu} onClick={(e) => navigate(e.key)} />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Typography.Text strong>农村劳动力就业帮扶管理平台</Typography.Text>
          <Space size="middle" data-testid="current-user">
            <Space size={4}>
              <UserOutlined />
              <span>{me.displayName}</span>
            </Space>
            <Tag color="red">{me.roleName}</Tag>
            <span title={me.regionCode}>{regionName}</span>
            <Button type="link" icon={<LogoutOutlined />} onClick={() => void signOut()}>
              退出
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 16 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
