import { App as AntApp, Button, Card, Descriptions, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Me } from '../api';

interface ProfileForm {
  firstName: string;
  lastName?: string;
  patronymic?: string;
  workPhone?: string;
  pbxExtension?: string;
  position?: string;
}

/** The user's own card: names, work phone, PBX extension (for the screen pop), position. */
export function Profile({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProfileForm>();
  const queries = useQueryClient();
  const { message } = AntApp.useApp();
  const save = useMutation({
    mutationFn: (values: ProfileForm) => api('/api/identity/me/profile', { method: 'PUT', body: values }),
    onSuccess: () => {
      void message.success(t('profile.saved'));
      void queries.invalidateQueries({ queryKey: ['me'] });
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        form.setFields(e.fieldErrors.map((f) => ({ name: f.field as keyof ProfileForm, errors: [f.message] })));
      }
    },
  });

  return (
    <Card title={t('profile.title')} style={{ maxWidth: 640 }}>
      <Descriptions column={1} style={{ marginBottom: 16 }}
        items={[
          { key: 'email', label: t('auth.email'), children: me.email },
          { key: 'role', label: t('profile.role'), children: t(`role.${me.role}`) },
        ]} />
      <Form form={form} layout="vertical" initialValues={{ firstName: me.firstName, lastName: me.lastName ?? undefined,
        patronymic: me.patronymic ?? undefined }} onFinish={(values) => save.mutate(values)}>
        <Form.Item name="firstName" label={t('profile.firstName')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="lastName" label={t('profile.lastName')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="patronymic" label={t('profile.patronymic')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="workPhone" label={t('profile.workPhone')} rules={[{ max: 32 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="pbxExtension" label={t('profile.pbxExtension')} rules={[{ max: 16 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="position" label={t('profile.position')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('profile.save')}</Button>
      </Form>
    </Card>
  );
}
