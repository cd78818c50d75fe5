import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { login } from '../api/auth.ts';
import type { ApiError } from '../api/client.ts';
import { useAuth } from '../components/AuthProvider.tsx';

interface Credentials {
  username: string;
  password: string;
}

export function LoginPage() {
  const { me, signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  // '/' sends officers to the workbench and an employer's login to its job posts (App.tsx Home).
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const mutation = useMutation<Awaited<ReturnType<typeof login>>, ApiError, Credentials>({
    mutationFn: ({ username, password }) => login(username, password),
    onSuccess: (result) => {
      signedIn(result);
      navigate(from === '/login' ? '/' : from, { replace: true });
    },
  });

  if (me && !mutation.isPending && !mutation.isSuccess) return <Navigate to="/" replace />;
  const error = mutation.error;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #8e1b12 0%, #c0392b 45%, #f4f5f7 45%)',
      }}
    >
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          就业帮扶管理平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          农村劳动力实名制台账
        </Typography.Paragraph>
        {error && (
          <Alert
            role="alert"
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={error.code === 'AUTH_LOCKED' ? '账号已锁定' : '登录失败'}
            description={error.message}
          />
        )}
        <Form<Credentials> layout="vertical" onFinish={(v) => mutation.mutate(v)} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16, marginBottom: 0 }}>
          <Link to="/me/login">劳动者登录（身份证号 + 短信验证码）</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
