import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError, storeTokens } from '../api';
import { LanguageSwitch } from './LanguageSwitch';

interface SignupResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export function SignUp() {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { companyName: string; fullName: string; email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      storeTokens(await api<SignupResponse>('/api/identity/signup', { method: 'POST', body: values, anonymous: true }));
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields(e.fieldErrors.map((f) => ({ name: f.field, errors: [f.message] })));
      }
      setError(e instanceof ApiError ? e.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Card title={t('auth.signUp')} extra={<LanguageSwitch />} style={{ width: 420 }}>
        {error && <Alert type="error" message={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="companyName" label={t('auth.companyName')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="fullName" label={t('auth.fullName')} rules={[{ required: true, max: 200 }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, type: 'email' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} extra={t('auth.passwordRule')}
            rules={[{ required: true, min: 8, max: 128 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.signUp')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
          <Link to="/sign-in">{t('auth.haveAccount')}</Link>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
