import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../api';
import type { Department } from './Structure';
import { UserAvatar } from './UserAvatar';

const ROLES = ['ADMIN', 'SUPERVISOR', 'MANAGER', 'OPERATOR', 'MARKETER', 'DEVELOPER'] as const;

interface User {
  id: string;
  email: string;
  firstName: string;
  lastName: string | null;
  role: string;
  departmentId: string | null;
  photoUrl: string | null;
  status: 'ACTIVE' | 'DEACTIVATED' | 'INVITED';
}

interface Page {
  items: User[];
  nextCursor: string | null;
}

interface Invitation {
  id: string;
  email: string;
  role: string;
  expiresAt: string;
  acceptPath: string | null;
}

/** The company's people (`002_*` employee list): search, invite, change role, deactivate. */
export function Users({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const admin = me.role === 'ADMIN';
  const [search, setSearch] = useState('');
  const [inviting, setInviting] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [form] = Form.useForm<{ email: string; role: string; departmentId?: string }>();
  const departments = useQuery({ queryKey: ['departments'], queryFn: () => api<Department[]>('/api/identity/departments') });
  const departmentName = (id: string | null) => departments.data?.find((d) => d.id === id)?.name ?? '';

  const users = useInfiniteQuery({
    queryKey: ['users', search],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api<Page>(`/api/identity/users?limit=50&q=${encodeURIComponent(search)}${pageParam ? `&cursor=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const invitations = useQuery({
    queryKey: ['invitations'],
    queryFn: () => api<Invitation[]>('/api/identity/invitations'),
    enabled: admin,
  });
  const refresh = () => {
    void queries.invalidateQueries({ queryKey: ['users'] });
    void queries.invalidateQueries({ queryKey: ['invitations'] });
  };
  const invite = useMutation({
    mutationFn: (values: { email: string; role: string; departmentId?: string }) =>
      api<Invitation>('/api/identity/invitations', { method: 'POST', body: values }),
    onSuccess: (created) => {
      setInviting(false);
      form.resetFields();
      setLink(window.location.origin + created.acceptPath);
      refresh();
    },
  });
  // role and department are assigned together: the API replaces both
  const assign = useMutation({
    mutationFn: ({ id, role, departmentId }: { id: string; role: string; departmentId: string | null }) =>
      api(`/api/identity/users/${id}`, { method: 'PATCH', body: { role, departmentId } }),
    onSettled: refresh,
  });
  const deactivate = useMutation({
    mutationFn: (id: string) => api(`/api/identity/users/${id}/deactivate`, { method: 'POST', body: {} }),
    onSettled: refresh,
  });
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const error = assign.error ?? deactivate.error ?? invite.error;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('users.title')}
        extra={admin && <Button type="primary" onClick={() => setInviting(true)}>{t('users.invite')}</Button>}>
        {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} />}
        <Input.Search placeholder={t('users.search')} allowClear onSearch={setSearch} style={{ maxWidth: 360, marginBottom: 16 }} />
        <Table<User> rowKey="id" loading={users.isPending} pagination={false}
          dataSource={users.data?.pages.flatMap((p) => p.items) ?? []}
          columns={[
            {
              title: t('users.name'),
              render: (_, u) => (
                <Space><UserAvatar photoUrl={u.photoUrl} name={u.firstName} />{`${u.firstName} ${u.lastName ?? ''}`}</Space>
              ),
            },
            { title: t('users.email'), dataIndex: 'email' },
            {
              title: t('users.role'),
              render: (_, u) => admin && u.id !== me.id && u.status === 'ACTIVE'
                ? <Select size="small" value={u.role} options={roleOptions} style={{ width: 170 }}
                    aria-label={`${t('users.role')} ${u.email}`}
                    onChange={(role) => assign.mutate({ id: u.id, role, departmentId: u.departmentId })} />
                : t(`role.${u.role}`),
            },
            {
              title: t('users.department'),
              render: (_, u) => admin && u.status === 'ACTIVE'
                ? <Select size="small" allowClear value={u.departmentId ?? undefined} style={{ width: 170 }}
                    aria-label={`${t('users.department')} ${u.email}`}
                    options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                    onChange={(departmentId?: string) => assign.mutate({ id: u.id, role: u.role, departmentId: departmentId ?? null })} />
                : departmentName(u.departmentId),
            },
            {
              title: t('users.status'),
              render: (_, u) => <Tag color={u.status === 'ACTIVE' ? 'green' : 'default'}>{t(`status.${u.status}`)}</Tag>,
            },
            {
              render: (_, u) => admin && u.id !== me.id && u.status === 'ACTIVE' && (
                <Popconfirm title={t('users.deactivateConfirm')} onConfirm={() => deactivate.mutate(u.id)}>
                  <Button danger size="small">{t('users.deactivate')}</Button>
                </Popconfirm>
              ),
            },
          ]} />
        {users.hasNextPage && (
          <Button style={{ marginTop: 12 }} onClick={() => users.fetchNextPage()} loading={users.isFetchingNextPage}>
            {t('users.more')}
          </Button>
        )}
      </Card>
      {admin && (invitations.data?.length ?? 0) > 0 && (
        <Card title={t('users.pending')}>
          <Table<Invitation> rowKey="id" pagination={false} dataSource={invitations.data}
            columns={[
              { title: t('users.email'), dataIndex: 'email' },
              { title: t('users.role'), dataIndex: 'role', render: (r: string) => t(`role.${r}`) },
              { title: t('users.expires'), dataIndex: 'expiresAt', render: (d: string) => new Date(d).toLocaleString(i18n.language) },
            ]} />
        </Card>
      )}
      <Modal open={inviting} title={t('users.invite')} onCancel={() => setInviting(false)} onOk={() => form.submit()}
        confirmLoading={invite.isPending} forceRender>
        <Form form={form} layout="vertical" initialValues={{ role: 'MANAGER' }} onFinish={(values) => invite.mutate(values)}>
          <Form.Item name="email" label={t('users.email')} rules={[{ required: true, type: 'email' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item name="departmentId" label={t('users.department')}>
            <Select allowClear options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={link !== null} title={t('users.invited')} closable={false} destroyOnHidden
        footer={<Button type="primary" onClick={() => setLink(null)}>{t('apiKeys.done')}</Button>}>
        <Typography.Paragraph>{t('users.inviteLink')}</Typography.Paragraph>
        <Typography.Paragraph copyable code data-testid="invite-link">{link}</Typography.Paragraph>
      </Modal>
    </Space>
  );
}
