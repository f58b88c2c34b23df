import { App as AntApp, Button, Card, DatePicker, Descriptions, Form, Input, Space, Spin, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, upload, type Me, type UserCard } from '../api';
import { UserAvatar } from './UserAvatar';

interface ProfileForm {
  firstName: string;
  lastName?: string;
  patronymic?: string;
  personalPhone?: string;
  workPhone?: string;
  pbxExtension?: string;
  birthDate?: Dayjs | null;
  position?: string;
}

const PHONE = /^[+0-9 ()-]*$/;

/** The user's own card (`002_*`): photo, names, phones, PBX extension (for the screen pop), birth date, position. */
export function Profile({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProfileForm>();
  const queries = useQueryClient();
  const { message } = AntApp.useApp();
  const card = useQuery({ queryKey: ['user', me.id], queryFn: () => api<UserCard>(`/api/identity/users/${me.id}`) });
  const save = useMutation({
    mutationFn: (values: ProfileForm) => api('/api/identity/me/profile', {
      method: 'PUT', body: { ...values, birthDate: values.birthDate ? values.birthDate.format('YYYY-MM-DD') : null },
    }),
    onSuccess: () => {
      void message.success(t('profile.saved'));
      void queries.invalidateQueries({ queryKey: ['me'] });
      void queries.invalidateQueries({ queryKey: ['user', me.id] });
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        form.setFields(e.fieldErrors.map((f) => ({ name: f.field as keyof ProfileForm, errors: [f.message] })));
      }
    },
  });
  const photoChanged = () => {
    void queries.invalidateQueries({ queryKey: ['user', me.id] });
    void queries.invalidateQueries({ queryKey: ['users'] });
  };
  const uploadPhoto = useMutation({
    mutationFn: (file: Blob) => upload('/api/identity/me/photo', file),
    onSuccess: () => {
      void message.success(t('profile.photoSaved'));
      photoChanged();
    },
    onError: (e) => void message.error(e instanceof ApiError ? e.message : t('error.generic')),
  });
  const removePhoto = useMutation({
    mutationFn: () => api('/api/identity/me/photo', { method: 'DELETE' }),
    onSuccess: photoChanged,
  });
  if (card.isPending || !card.data) {
    return <Spin />;
  }
  const c = card.data;

  return (
    <Card title={t('profile.title')} style={{ maxWidth: 640 }}
      extra={<UserAvatar photoUrl={c.photoUrl} name={c.firstName} size={64} />}>
      <Space style={{ marginBottom: 16 }}>
        <Upload accept="image/png,image/jpeg" showUploadList={false} data-testid="photo-upload"
          beforeUpload={(file) => {
            uploadPhoto.mutate(file);
            return false;
          }}>
          <Button icon={<UploadOutlined />} loading={uploadPhoto.isPending}>{t('profile.uploadPhoto')}</Button>
        </Upload>
        {c.photoUrl && (
          <Button icon={<DeleteOutlined />} onClick={() => removePhoto.mutate()} loading={removePhoto.isPending}>
            {t('profile.removePhoto')}
          </Button>
        )}
      </Space>
      <Descriptions column={1} style={{ marginBottom: 16 }}
        items={[
          { key: 'email', label: t('auth.email'), children: me.email },
          { key: 'role', label: t('profile.role'), children: t(`role.${me.role}`) },
        ]} />
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}
        initialValues={{
          firstName: c.firstName, lastName: c.lastName ?? undefined, patronymic: c.patronymic ?? undefined,
          personalPhone: c.personalPhone ?? undefined, workPhone: c.workPhone ?? undefined,
          pbxExtension: c.pbxExtension ?? undefined, birthDate: c.birthDate ? dayjs(c.birthDate) : null,
          position: c.position ?? undefined,
        }}>
        <Form.Item name="firstName" label={t('profile.firstName')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="lastName" label={t('profile.lastName')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="patronymic" label={t('profile.patronymic')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="position" label={t('profile.position')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="workPhone" label={t('profile.workPhone')} rules={[{ max: 32, pattern: PHONE }]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="personalPhone" label={t('profile.personalPhone')} rules={[{ max: 32, pattern: PHONE }]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="pbxExtension" label={t('profile.pbxExtension')} rules={[{ max: 16, pattern: /^[0-9*#]*$/ }]}>
          <Input inputMode="numeric" />
        </Form.Item>
        <Form.Item name="birthDate" label={t('profile.birthDate')}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('profile.save')}</Button>
      </Form>
    </Card>
  );
}
