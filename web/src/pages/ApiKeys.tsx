import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface CreatedKey {
  id: string;
  key: string;
}

const SCOPES = ['shop:write', 'telephony:write', 'read'];

/** The `004_*` screen: keys for integrations, created with scopes, shown once, revocable, last use. */
export function ApiKeys() {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [form] = Form.useForm<{ name: string; scopes: string[] }>();
  // another screen's link (telephony settings: /api-keys?scope=telephony:write) opens the dialog with its scope
  const [search, setSearch] = useSearchParams();
  const asked = search.get('scope');
  useEffect(() => {
    if (asked && SCOPES.includes(asked)) {
      form.setFieldsValue({ scopes: [asked] });
      setCreating(true);
      setSearch({}, { replace: true });
    }
  }, [asked, form, setSearch]);
  const keys = useQuery({ queryKey: ['api-keys'], queryFn: () => api<ApiKey[]>('/api/identity/api-keys') });
  const refresh = () => queries.invalidateQueries({ queryKey: ['api-keys'] });
  const create = useMutation({
    mutationFn: (values: { name: string; scopes: string[] }) =>
      api<CreatedKey>('/api/identity/api-keys', { method: 'POST', body: values }),
    onSuccess: (key) => {
      setCreating(false);
      setCreated(key);
      form.resetFields();
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/identity/api-keys/${id}`, { method: 'DELETE' }),
    onSuccess: () => void refresh(),
  });
  const date = (value: string | null) => (value ? new Date(value).toLocaleString(i18n.language) : t('apiKeys.never'));

  return (
    <Card title={t('apiKeys.title')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('apiKeys.create')}</Button>}>
      <Typography.Paragraph type="secondary">{t('apiKeys.intro')}</Typography.Paragraph>
      <Table<ApiKey> rowKey="id" loading={keys.isPending} dataSource={keys.data ?? []} pagination={false}
        columns={[
          { title: t('apiKeys.name'), dataIndex: 'name' },
          { title: t('apiKeys.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          { title: t('apiKeys.scopes'), dataIndex: 'scopes', render: (s: string[]) => s.map((x) => <Tag key={x}>{x}</Tag>) },
          { title: t('apiKeys.created'), dataIndex: 'createdAt', render: date },
          { title: t('apiKeys.lastUsed'), dataIndex: 'lastUsedAt', render: date },
          {
            title: t('apiKeys.status'),
            render: (_, key) => key.revokedAt
              ? <Tag color="default" data-testid="key-status">{t('apiKeys.revoked')}</Tag>
              : <Tag color="green" data-testid="key-status">{t('apiKeys.active')}</Tag>,
          },
          {
            render: (_, key) => !key.revokedAt && (
              <Popconfirm title={t('apiKeys.revokeConfirm')} onConfirm={() => revoke.mutate(key.id)}>
                <Button danger size="small">{t('apiKeys.revoke')}</Button>
              </Popconfirm>
            ),
          },
        ]} />
      <Modal open={creating} title={t('apiKeys.create')} onCancel={() => setCreating(false)} forceRender
        onOk={() => form.submit()} confirmLoading={create.isPending}>
        <Form form={form} layout="vertical" initialValues={{ scopes: ['shop:write'] }}
          onFinish={(values) => create.mutate(values)}>
          <Form.Item name="name" label={t('apiKeys.name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="scopes" label={t('apiKeys.scopes')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={SCOPES} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={created !== null} title={t('apiKeys.title')} closable={false} destroyOnHidden
        footer={<Button type="primary" onClick={() => setCreated(null)}>{t('apiKeys.done')}</Button>}>
        <Alert type="warning" showIcon message={t('apiKeys.shownOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="new-key">{created?.key}</Typography.Paragraph>
      </Modal>
    </Card>
  );
}
