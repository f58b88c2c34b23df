import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError, storeTokens } from '../api';
import { LanguageSwitch } from './LanguageSwitch';

interface Preview {
  email: string;
  companyName: string;
  role: string;
  expiresAt: string;
}

/** Where an invitation link leads: who invites whom, then name and password, and the new user is in. */
export function AcceptInvitation() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api<Preview>(`/api/identity/invitations/preview?token=${encodeURIComponent(token)}`, { anonymous: true }),
    retry: false,
  });

  const accept = async (values: { firstName: string; lastName?: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      storeTokens(await api('/api/identity/invitations/accept', { method: 'POST', body: { ...values, token }, anonymous: true }));
      window.history.replaceState(null, '', '/');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('error.generic'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Card style={{ width: 420 }} extra={<LanguageSwitch />}
        title={preview.data ? t('invite.title', { company: preview.data.companyName }) : t('app.name')}>
        {preview.isPending && <Spin />}
        {preview.isError && <Alert type="error" showIcon message={t('invite.invalid')} role="alert" />}
        {preview.data && (
          <>
            <Typography.Paragraph>
              {t('invite.as', { role: t(`role.${preview.data.role}`), email: preview.data.email })}
            </Typography.Paragraph>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
            <Form layout="vertical" onFinish={accept} requiredMark={false}>
              <Form.Item name="firstName" label={t('profile.firstName')} rules={[{ required: true, max: 100 }]}>
                <Input autoComplete="given-name" />
              </Form.Item>
              <Form.Item name="lastName" label={t('profile.lastName')} rules={[{ max: 100 }]}>
                <Input autoComplete="family-name" />
              </Form.Item>
              <Form.Item name="password" label={t('auth.password')} extra={t('auth.passwordRule')}
                rules={[{ required: true, min: 8, max: 128 }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>{t('invite.accept')}</Button>
            </Form>
          </>
        )}
      </Card>
    </Flex>
  );
}
