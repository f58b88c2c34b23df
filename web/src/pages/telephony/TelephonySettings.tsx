import { useEffect, useState } from 'react';
import {
  Alert, App as AntApp, Button, Card, Form, Input, Popconfirm, Radio, Select, Space, Spin, Table, Tag, Typography,
} from 'antd';
import { DeleteOutlined, KeyOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useProblems } from '../../problems';
import { useStaff } from '../contacts/staff';
import { fullName } from '../contacts/model';
import {
  deleteExtension, EXTENSIONS_KEY, FORMATS, getSettings, listExtensions, putExtension, putSettings, SETTINGS_KEY,
  webhookPath, type ExtensionMapping, type Format, type TelephonySettings as Settings,
} from './api';
import { settingsChange, type SettingsForm } from './settings';

/** A random signing secret to give the exchange: 32 bytes as hex. */
function newSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The company's telephone exchange (ADMIN): the format it posts in and the address to give it, the key and the
 * signature that authenticate it, where to reach it for click to call, and which extension rings which user.
 */
export function TelephonySettings() {
  const problems = useProblems();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: getSettings });
  if (settings.isPending) return <Spin />;
  if (settings.isError) return <Alert type="error" showIcon title={problems.text(settings.error)} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ExchangeCard settings={settings.data} />
      <ExtensionsCard />
    </Space>
  );
}

function ExchangeCard({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<SettingsForm>();
  const [secretShown, setSecretShown] = useState<string | null>(null);
  const format: Format = Form.useWatch('format', form) ?? settings.format;
  const path = format === settings.format && settings.webhookPath ? settings.webhookPath : webhookPath(format);
  const url = `${window.location.origin}${path}`;
  const initial: SettingsForm = {
    format: settings.format, exchangeUrl: settings.exchangeUrl ?? '', exchangeLogin: '', exchangePassword: '', signingSecret: '',
  };
  useEffect(() => {
    form.setFieldsValue({ format: settings.format, exchangeUrl: settings.exchangeUrl ?? '' });
  }, [settings, form]);

  const save = useMutation({
    mutationFn: (change: Parameters<typeof putSettings>[0]) => putSettings(change),
    onSuccess: (saved) => {
      if (saved) queries.setQueryData(SETTINGS_KEY, saved);
      void queries.invalidateQueries({ queryKey: SETTINGS_KEY });
      form.setFieldsValue({ signingSecret: '', exchangeLogin: '', exchangePassword: '' });
      void message.success(t('telephony.settings.saved'));
    },
    onError: (e) => void message.error(problems.text(e)),
  });

  return (
    <Card title={t('telephony.settings.exchange')} data-testid="telephony-settings">
      <Form form={form} layout="vertical" initialValues={initial} style={{ maxWidth: 720 }}
        onFinish={(values) => save.mutate(settingsChange(values))}>
        <Form.Item name="format" label={t('telephony.settings.format')} extra={t(`telephony.format.${format}.help`)}>
          <Radio.Group optionType="button" options={FORMATS.map((f) => ({ value: f, label: t(`telephony.format.${f}`) }))} />
        </Form.Item>
        <Form.Item label={t('telephony.settings.webhook')} extra={t('telephony.settings.webhookHelp')}>
          <Typography.Text copyable code data-testid="webhook-url">{url}</Typography.Text>
        </Form.Item>
        <Form.Item label={t('telephony.settings.apiKey')}>
          <Space wrap>
            <Link to="/api-keys?scope=telephony:write" data-testid="create-telephony-key">
              <KeyOutlined /> {t('telephony.settings.createKey')}
            </Link>
            <Typography.Text type="secondary">{t('telephony.settings.keyHelp')}</Typography.Text>
          </Space>
        </Form.Item>
        <Form.Item label={
          <Space>
            {t('telephony.settings.secret')}
            {settings.signingSecretSet
              ? <Tag color="green" data-testid="secret-set">{t('telephony.settings.secretSet')}</Tag>
              : <Tag>{t('telephony.settings.secretNotSet')}</Tag>}
          </Space>
        } extra={t('telephony.settings.secretHelp')}>
          <Space wrap>
            <Form.Item name="signingSecret" noStyle>
              <Input.Password style={{ width: 360 }} aria-label={t('telephony.settings.secret')} autoComplete="new-password"
                placeholder={settings.signingSecretSet ? t('telephony.settings.keepCurrent') : ''} />
            </Form.Item>
            <Button onClick={() => {
              const secret = newSecret();
              form.setFieldValue('signingSecret', secret);
              setSecretShown(secret);
            }}>{t('telephony.settings.generate')}</Button>
            {settings.signingSecretSet && (
              <Popconfirm title={t('telephony.settings.removeSecretConfirm')}
                onConfirm={() => save.mutate({ ...settingsChange(form.getFieldsValue(true)), signingSecret: '' })}>
                <Button danger>{t('telephony.settings.removeSecret')}</Button>
              </Popconfirm>
            )}
          </Space>
        </Form.Item>
        {secretShown && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} closable onClose={() => setSecretShown(null)}
            title={t('telephony.settings.secretGenerated')}
            description={<Typography.Text copyable code>{secretShown}</Typography.Text>} />
        )}
        <Form.Item name="exchangeUrl" label={t('telephony.settings.exchangeUrl')} extra={t('telephony.settings.exchangeUrlHelp')}
          rules={[{ type: 'url', message: t('problem.field.website') }, { max: 500 }]}>
          <Input placeholder="https://pbx.example.com" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="exchangeLogin" label={t('telephony.settings.login')}>
            <Input style={{ width: 240 }} autoComplete="off"
              placeholder={settings.exchangeLoginSet ? t('telephony.settings.keepCurrent') : ''} />
          </Form.Item>
          <Form.Item name="exchangePassword" label={t('telephony.settings.password')}>
            <Input.Password style={{ width: 240 }} autoComplete="new-password"
              placeholder={settings.exchangeLoginSet ? t('telephony.settings.keepCurrent') : ''} />
          </Form.Item>
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{t('telephony.settings.save')}</Button>
        </div>
      </Form>
    </Card>
  );
}

/** Which user each extension of the exchange rings: the screen pop and the calls' user follow it. */
function ExtensionsCard() {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const { staff, name } = useStaff();
  const [form] = Form.useForm<{ extension: string; userId: string }>();
  const extensions = useQuery({ queryKey: EXTENSIONS_KEY, queryFn: listExtensions });
  const refresh = () => void queries.invalidateQueries({ queryKey: EXTENSIONS_KEY });
  const put = useMutation({
    mutationFn: ({ extension, userId }: ExtensionMapping) => putExtension(extension.trim(), userId),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('telephony.extensions.saved'));
    },
    onError: (e) => void message.error(problems.text(e)),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: deleteExtension,
    onError: (e) => void message.error(problems.text(e)),
    onSettled: refresh,
  });
  const users = staff.filter((u) => u.status === 'ACTIVE').map((u) => ({ value: u.id, label: fullName(u) }));

  return (
    <Card title={t('telephony.extensions.title')}>
      <Typography.Paragraph type="secondary">{t('telephony.extensions.intro')}</Typography.Paragraph>
      {extensions.error && <Alert type="error" showIcon title={problems.text(extensions.error)} style={{ marginBottom: 12 }} />}
      <Table<ExtensionMapping> rowKey="extension" size="small" pagination={false} loading={extensions.isPending}
        dataSource={[...(extensions.data ?? [])].sort((a, b) => a.extension.localeCompare(b.extension, undefined, { numeric: true }))}
        data-testid="extensions" locale={{ emptyText: t('telephony.extensions.empty') }} style={{ maxWidth: 720, marginBottom: 16 }}
        columns={[
          { title: t('telephony.extensions.extension'), dataIndex: 'extension' },
          {
            title: t('telephony.extensions.user'),
            dataIndex: 'userId',
            render: (userId: string, row) => (
              <Select showSearch optionFilterProp="label" style={{ width: 260 }} value={userId}
                aria-label={t('telephony.extensions.userOf', { extension: row.extension })}
                options={users.some((u) => u.value === userId) ? users : [...users, { value: userId, label: name(userId) ?? userId }]}
                onChange={(next: string) => put.mutate({ extension: row.extension, userId: next })} />
            ),
          },
          {
            render: (_, row) => (
              <Popconfirm title={t('telephony.extensions.removeConfirm', { extension: row.extension })}
                onConfirm={() => remove.mutate(row.extension)}>
                <Button danger size="small" icon={<DeleteOutlined />} aria-label={t('telephony.extensions.remove')} />
              </Popconfirm>
            ),
          },
        ]} />
      <Form form={form} layout="inline" onFinish={(values) => put.mutate(values)} data-testid="extension-form">
        <Form.Item name="extension" rules={[{ required: true, whitespace: true, message: t('problem.field.required') },
          { pattern: /^[0-9*#]{1,16}$/, message: t('telephony.extensions.digits') }]}>
          <Input placeholder={t('telephony.extensions.extension')} aria-label={t('telephony.extensions.extension')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="userId" rules={[{ required: true, message: t('problem.field.required') }]}>
          <Select showSearch optionFilterProp="label" placeholder={t('telephony.extensions.user')} aria-label={t('telephony.extensions.user')}
            style={{ width: 260 }} options={users} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={put.isPending}>{t('telephony.extensions.add')}</Button>
      </Form>
    </Card>
  );
}
