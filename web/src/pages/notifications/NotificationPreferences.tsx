import { useEffect } from 'react';
import { Alert, App as AntApp, Button, Card, Checkbox, Form, Input, Select, Spin, Table, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { languages } from '../../messages';
import { useProblems } from '../../problems';
import { getPreferences, PREFERENCES_KEY, putPreferences } from './api';
import { CHANNELS, fromForm, toForm, wantsSms, type KindRow, type PreferencesForm } from './model';

const PHONE = /^\+?[\d\s()-]{5,32}$/;

/** What the user is told of, and how (in the app, by e-mail, by SMS), with the language of e-mails and SMS. */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<PreferencesForm>();
  const preferences = useQuery({ queryKey: PREFERENCES_KEY, queryFn: getPreferences });
  // preserve: the rows' kinds too, which no field shows
  const rows: KindRow[] = Form.useWatch('kinds', { form, preserve: true }) ?? [];
  const sms = wantsSms({ language: '', phone: '', kinds: rows });

  useEffect(() => {
    if (preferences.data) form.setFieldsValue(toForm(preferences.data));
  }, [preferences.data, form]);

  const save = useMutation({
    mutationFn: (values: PreferencesForm) => putPreferences(fromForm(values)),
    onSuccess: (saved) => {
      if (saved) queries.setQueryData(PREFERENCES_KEY, saved);
      else void queries.invalidateQueries({ queryKey: PREFERENCES_KEY });
      void message.success(t('preferences.saved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldErrors.some((f) => f.field === 'phone' || f.field === 'language')) {
        form.setFields(e.fieldErrors.filter((f) => f.field === 'phone' || f.field === 'language')
          .map((f) => ({ name: f.field as 'phone' | 'language', errors: [problems.field(f.message)] })));
      } else {
        void message.error(problems.text(e));
      }
    },
  });

  if (preferences.isPending) return <Spin />;
  if (preferences.isError) return <Alert type="error" showIcon title={problems.text(preferences.error)} />;

  return (
    <Card title={t('preferences.title')}>
      <Typography.Paragraph type="secondary">{t('preferences.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={toForm(preferences.data)} data-testid="preferences"
        // every row's kind too, which no field shows: the whole store, not only the registered fields
        onFinish={() => save.mutate(form.getFieldsValue(true) as PreferencesForm)}>
        <Form.List name="kinds">
          {(fields) => (
            <Table size="small" pagination={false} rowKey="key" dataSource={fields} style={{ maxWidth: 760, marginBottom: 24 }}
              columns={[
                {
                  title: t('preferences.kind'),
                  render: (_, field) => {
                    const kind = rows[field.name]?.kind ?? '';
                    return <span data-testid="preference-kind">{t(`preferences.kind.${kind}`, { defaultValue: kind })}</span>;
                  },
                },
                ...CHANNELS.map((channel) => ({
                  title: t(`preferences.channel.${channel}`),
                  align: 'center' as const,
                  render: (_: unknown, field: { name: number }) => {
                    const kind = rows[field.name]?.kind ?? '';
                    const label = `${t(`preferences.kind.${kind}`, { defaultValue: kind })}: ${t(`preferences.channel.${channel}`)}`;
                    return (
                      <Form.Item name={[field.name, channel]} valuePropName="checked" noStyle>
                        <Checkbox aria-label={label} />
                      </Form.Item>
                    );
                  },
                })),
              ]} />
          )}
        </Form.List>
        <Form.Item name="language" label={t('preferences.language')} extra={t('preferences.languageHelp')} style={{ maxWidth: 360 }}>
          <Select aria-label={t('preferences.language')} options={languages.map((l) => ({ value: l.code, label: l.label }))} />
        </Form.Item>
        <Form.Item name="phone" label={t('preferences.phone')} style={{ maxWidth: 360 }}
          extra={t('preferences.phoneHelp')}
          rules={[
            { pattern: PHONE, message: t('problem.field.phone') },
            { required: sms, whitespace: true, message: t('preferences.phoneNeeded') },
          ]}>
          <Input inputMode="tel" aria-label={t('preferences.phone')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('preferences.save')}</Button>
      </Form>
    </Card>
  );
}
