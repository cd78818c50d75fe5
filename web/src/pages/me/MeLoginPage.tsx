// 劳动者登录: ID number + the phone in the register + a six-digit SMS code. No password: the
// village users often have only a phone.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import type { ApiError } from '../../api/client.ts';
import { loginWithCode, requestLoginCode } from '../../api/me.ts';
import { useAuth } from '../../components/AuthProvider.tsx';

interface Fields {
  idNumber: string;
  phone: string;
  code: string;
}

export function MeLoginPage() {
  const { me, signedIn } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Fields>();
  const [wait, setWait] = useState(0);
  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);

  const code = useMutation<Awaited<ReturnType<typeof requestLoginCode>>, ApiError, void>({
    mutationFn: async () => {
      const v = await form.validateFields(['idNumber', 'phone']);
      return requestLoginCode(v.idNumber.trim(), v.phone.trim());
    },
    onSuccess: (r) => setWait(r.resendAfterSeconds),
  });
  const login = useMutation<Awaited<ReturnType<typeof loginWithCode>>, ApiError, Fields>({
    mutationFn: (v) => loginWithCode(v.idNumber.trim(), v.phone.trim(), v.code.trim()),
    onSuccess: (m) => {
      signedIn(m);
      navigate('/me/jobs', { replace: true });
    },
  });

  if (me && !login.isPending && !login.isSuccess) return <Navigate to={me.role === 'laborer' ? '/me/jobs' : '/'} replace />;
  const error = login.error ?? code.error;

  return (
    <div
      style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #c0392b 0, #c0392b 140px, #f4f5f7 140px)', padding: 12 }}
    >
      <Card style={{ maxWidth: 420, margin: '40px auto 0' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          劳动者服务
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          查看推荐岗位和政策，申请交通补助，查询补贴发放
        </Typography.Paragraph>
        {error && (
          <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} title="未能登录" description={error.message} />
        )}
        {code.data && !error && (
          <Alert role="status" type="success" showIcon style={{ marginBottom: 16 }} title={code.data.message} />
        )}
        <Form<Fields> form={form} layout="vertical" requiredMark={false} onFinish={(v) => login.mutate(v)}>
          <Form.Item label="身份证号" name="idNumber" rules={[{ required: true, message: '请输入身份证号' }]}>
            <Input size="large" maxLength={18} autoComplete="off" inputMode="text" />
          </Form.Item>
          <Form.Item
            label="手机号（村里登记的号码）"
            name="phone"
            rules={[
              { required: true, message: '请输入手机号' },
              { pattern: /^1\d{10}$/, message: '应为11位手机号码' },
            ]}
          >
            <Input size="large" maxLength={11} inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <Form.Item label="短信验证码" required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="code" noStyle rules={[{ required: true, message: '请输入验证码' }]}>
                <Input size="large" maxLength={6} inputMode="numeric" autoComplete="one-time-code" aria-label="短信验证码" />
              </Form.Item>
              <Button size="large" onClick={() => code.mutate()} loading={code.isPending} disabled={wait > 0}>
                {wait > 0 ? `${wait}秒后重发` : '获取验证码'}
              </Button>
            </Space.Compact>
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={login.isPending}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          手机号已更换或收不到验证码，请联系村就业信息员更新台账。工作人员请从<Link to="/login">工作人员登录</Link>进入。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
