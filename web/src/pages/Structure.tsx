import { useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input, Modal, Popconfirm, Select, Space, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../api';

export interface Department {
  id: string;
  name: string;
  parentId: string | null;
  headUserId: string | null;
  members: number;
  version: number;
}

interface Person {
  id: string;
  firstName: string;
  lastName: string | null;
}

interface DepartmentForm {
  name: string;
  parentId?: string;
  headUserId?: string;
}

/** The `002_*` company structure: departments in a tree, each with its head and member count. */
export function Structure({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const admin = me.role === 'ADMIN';
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [form] = Form.useForm<DepartmentForm>();
  const departments = useQuery({ queryKey: ['departments'], queryFn: () => api<Department[]>('/api/identity/departments') });
  const people = useQuery({
    queryKey: ['people'],
    queryFn: () => api<{ items: Person[] }>('/api/identity/users?limit=200').then((p) => p.items),
  });
  const refresh = () => void queries.invalidateQueries({ queryKey: ['departments'] });
  const save = useMutation({
    mutationFn: (values: DepartmentForm) => editing === 'new' || editing === null
      ? api('/api/identity/departments', { method: 'POST', body: values })
      : api(`/api/identity/departments/${editing.id}`, { method: 'PUT', body: values }),
    onSuccess: () => {
      setEditing(null);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/identity/departments/${id}`, { method: 'DELETE' }),
    onSettled: refresh,
  });

  const name = (id: string | null) => {
    const person = people.data?.find((p) => p.id === id);
    return person ? `${person.firstName} ${person.lastName ?? ''}`.trim() : null;
  };
  const all = departments.data ?? [];
  const node = (d: Department): DataNode => ({
    key: d.id,
    title: (
      <Space data-testid={`department-${d.name}`}>
        <Typography.Text strong>{d.name}</Typography.Text>
        {d.headUserId && <Typography.Text type="secondary">{t('structure.head')}: {name(d.headUserId)}</Typography.Text>}
        <Typography.Text type="secondary">{d.members} {t('structure.members')}</Typography.Text>
        {admin && (
          <>
            <Button size="small" onClick={() => open(d)}>{t('structure.edit')}</Button>
            <Popconfirm title={t('structure.deleteConfirm')} onConfirm={() => remove.mutate(d.id)}>
              <Button size="small" danger>{t('structure.delete')}</Button>
            </Popconfirm>
          </>
        )}
      </Space>
    ),
    children: all.filter((c) => c.parentId === d.id).map(node),
  });
  const open = (d: Department | 'new') => {
    setEditing(d);
    form.setFieldsValue(d === 'new' ? { name: '', parentId: undefined, headUserId: undefined }
      : { name: d.name, parentId: d.parentId ?? undefined, headUserId: d.headUserId ?? undefined });
  };
  const error = save.error ?? remove.error;

  return (
    <Card title={t('structure.title')}
      extra={admin && <Button type="primary" onClick={() => open('new')}>{t('structure.add')}</Button>}>
      {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 12 }} />}
      {all.length === 0 && !departments.isPending
        ? <Empty description={t('structure.empty')} />
        : <Tree treeData={all.filter((d) => d.parentId === null).map(node)} defaultExpandAll selectable={false}
            key={all.map((d) => d.id + d.version).join()} />}
      <Modal open={editing !== null} title={editing === 'new' ? t('structure.add') : t('structure.edit')} forceRender
        onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={save.isPending}>
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          <Form.Item name="name" label={t('structure.name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="parentId" label={t('structure.parent')}>
            <Select allowClear placeholder={t('structure.top')}
              options={all.filter((d) => editing === 'new' || d.id !== editing?.id).map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item name="headUserId" label={t('structure.head')}>
            <Select allowClear showSearch optionFilterProp="label"
              options={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName ?? ''}`.trim() }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
