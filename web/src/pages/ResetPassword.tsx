import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api';
import { LanguageSwitch } from './LanguageSwitch';

function Frame({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Card title={t('reset.title')} extra={<LanguageSwitch />} style={{ width: 400 }}>
        {children}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          <Link to="/sign-in">{t('auth.signIn')}</Link>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}

/** Asks for a reset link; answers the same whether or not the e-mail has an account. */
export function ForgotPassword() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: { email: string }) => {
    setError(null);
    try {
      await api('/api/identity/password-reset', { method: 'POST', body: values, anonymous: true });
      setSent(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.generic'));
    }
  };
  return (
    <Frame>
      {sent ? <Alert type="success" showIcon message={t('reset.sent')} /> : (
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, type: 'email' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>{t('reset.send')}</Button>
        </Form>
      )}
    </Frame>
  );
}

/** Where the reset link leads: the new password, once. */
export function ResetPassword() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: { password: string }) => {
    setError(null);
    try {
      await api('/api/identity/password-reset/confirm', {
        method: 'POST', body: { token: params.get('token') ?? '', password: values.password }, anonymous: true,
      });
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.generic'));
    }
  };
  return (
    <Frame>
      {done ? <Alert type="success" showIcon message={t('reset.done')} /> : (
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form.Item name="password" label={t('reset.newPassword')} extra={t('auth.passwordRule')}
            rules={[{ required: true, min: 8, max: 128 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>{t('reset.save')}</Button>
        </Form>
      )}
    </Frame>
  );
}
