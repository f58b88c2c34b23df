import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Me } from '../../../api';
import { filtersOfView, sameQuery, viewQuery, type SavedView, type ToolFilters } from './model';
import { useProblems } from '../../../problems';

/**
 * The user's own named views of the contact list (each user sees only theirs): pick one to apply its
 * search, filters and sort; save the present ones under a name; delete one.
 */
export function SavedViews({ me, filters, onApply }: { me: Me; filters: ToolFilters; onApply: (filters: ToolFilters) => void }) {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const views = useQuery({ queryKey: ['contact-views'], queryFn: () => api<SavedView[]>('/api/contacts/views?list=contacts') });
  const refresh = () => void queries.invalidateQueries({ queryKey: ['contact-views'] });
  const save = useMutation({
    mutationFn: (name: string) => api<SavedView>('/api/contacts/views', {
      method: 'POST', body: { list: 'contacts', name, query: viewQuery(filters, me) },
    }),
    onSuccess: (view) => {
      setNaming(false);
      void message.success(t('contactTools.views.saved', { name: view.name }));
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields([{ name: 'name', errors: e.fieldErrors.map((f) => problems.field(f.message)) }]);
      }
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/contacts/views/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void message.success(t('contactTools.views.deleted'));
      refresh();
    },
  });
  // the view shown is the one the list's present filters are: changing a filter leaves the view
  const present = viewQuery(filters, me);
  const current = views.data?.find((v) => sameQuery(v.query, present))?.id;
  const apply = (id?: string) => {
    const view = views.data?.find((v) => v.id === id);
    onApply(view ? filtersOfView(view.query, me) : { q: '', tags: [], owner: 'anyone', cf: {} });
  };
  const error = remove.error ?? views.error;

  return (
    <Space wrap>
      <Select allowClear placeholder={t('contactTools.views.pick')} aria-label={t('contactTools.views.pick')} style={{ width: 220 }}
        value={current} onChange={apply} loading={views.isPending} notFoundContent={t('contactTools.views.none')}
        options={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))} data-testid="saved-views" />
      <Button onClick={() => {
        save.reset();
        form.resetFields();
        setNaming(true);
      }}>{t('contactTools.views.save')}</Button>
      {current && (
        <Popconfirm title={t('contactTools.views.deleteConfirm')} onConfirm={() => remove.mutate(current)}
          okText={t('contacts.delete')} cancelText={t('contacts.cancel')}>
          <Button icon={<DeleteOutlined />} aria-label={t('contactTools.views.delete')} title={t('contactTools.views.delete')} />
        </Popconfirm>
      )}
      {error && <Typography.Text type="danger">{problems.text(error)}</Typography.Text>}
      <Modal open={naming} title={t('contactTools.views.save')} onCancel={() => setNaming(false)} onOk={() => form.submit()}
        okText={t('contacts.save')} cancelText={t('contacts.cancel')} confirmLoading={save.isPending} forceRender>
        <Typography.Paragraph type="secondary">{t('contactTools.views.saveHelp')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={({ name }) => save.mutate(name.trim())}>
          <Form.Item name="name" label={t('contactTools.views.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input autoFocus />
          </Form.Item>
        </Form>
        {save.error && !(save.error instanceof ApiError && save.error.fieldErrors.length > 0) && (
          <Alert type="error" showIcon title={problems.text(save.error)} />
        )}
      </Modal>
    </Space>
  );
}
