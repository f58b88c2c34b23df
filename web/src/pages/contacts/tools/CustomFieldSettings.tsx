import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api';
import { useCustomFields } from './customFields';
import { CARD_TYPES, FIELD_TYPES, isChoice, type CardType, type CustomFieldDefinition, type FieldType } from './model';

interface FieldForm {
  entity: CardType;
  key: string;
  label: string;
  type: FieldType;
  options?: string[];
}

/** The administrator's custom fields of contact and company cards: define, rename, change choices, remove. */
export function CustomFieldSettings() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [entity, setEntity] = useState<CardType>('CONTACT');
  const [editing, setEditing] = useState<CustomFieldDefinition | 'new' | null>(null);
  const [form] = Form.useForm<FieldForm>();
  const type = Form.useWatch('type', form);
  const fields = useCustomFields(entity);

  const changed = (of: CardType) => {
    void queries.invalidateQueries({ queryKey: ['custom-fields', of] });
    // values of a removed field vanish from the cards
    void queries.invalidateQueries({ queryKey: of === 'COMPANY' ? ['company'] : ['contact'] });
    void queries.invalidateQueries({ queryKey: of === 'COMPANY' ? ['companies'] : ['contacts'] });
  };
  const save = useMutation({
    mutationFn: (values: FieldForm) => editing === 'new' || editing === null
      ? api<CustomFieldDefinition>('/api/contacts/custom-fields', {
        method: 'POST',
        body: { ...values, options: isChoice(values.type) ? values.options ?? [] : [] },
      })
      : api<CustomFieldDefinition>(`/api/contacts/custom-fields/${editing.id}`, {
        method: 'PUT',
        body: { label: values.label, options: isChoice(editing.type) ? values.options ?? [] : null },
      }),
    onSuccess: (field) => {
      setEditing(null);
      void message.success(t('contactTools.fields.saved'));
      changed(field.entity);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields(e.fieldErrors.map((f) => ({ name: f.field.split(/[.[]/)[0] as keyof FieldForm, errors: [f.message] })));
      }
    },
  });
  const remove = useMutation({
    mutationFn: (field: CustomFieldDefinition) => api(`/api/contacts/custom-fields/${field.id}`, { method: 'DELETE' }),
    onSuccess: (_, field) => {
      void message.success(t('contactTools.fields.deleted'));
      changed(field.entity);
    },
  });

  const open = (field: CustomFieldDefinition | 'new') => {
    save.reset();
    setEditing(field);
    form.resetFields();
    form.setFieldsValue(field === 'new'
      ? { entity, key: '', label: '', type: 'TEXT', options: [] }
      : { entity: field.entity, key: field.key, label: field.label, type: field.type, options: field.options });
  };
  const creating = editing === 'new';
  const choice = isChoice(creating ? type ?? 'TEXT' : editing?.type ?? 'TEXT');
  const error = remove.error ?? fields.error ?? (save.error instanceof ApiError && save.error.fieldErrors.length > 0 ? null : save.error);

  return (
    <Card title={t('contactTools.fields.title')}
      extra={<Button type="primary" onClick={() => open('new')}>{t('contactTools.fields.add')}</Button>}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('contactTools.fields.intro')}</Typography.Text>
        <Segmented<CardType> value={entity} onChange={setEntity} data-testid="card-type"
          options={CARD_TYPES.map((c) => ({ value: c, label: t(`contactTools.cardType.${c}`) }))} />
        {error && <Alert type="error" showIcon title={error.message} />}
        <Table<CustomFieldDefinition> rowKey="id" loading={fields.isPending} dataSource={fields.data ?? []} pagination={false}
          data-testid="custom-fields" locale={{ emptyText: t('contactTools.fields.empty') }}
          columns={[
            { title: t('contactTools.fields.label'), dataIndex: 'label' },
            { title: t('contactTools.fields.key'), dataIndex: 'key', render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
            { title: t('contactTools.fields.type'), dataIndex: 'type', render: (type: FieldType) => t(`contactTools.fieldType.${type}`) },
            {
              title: t('contactTools.fields.options'),
              dataIndex: 'options',
              render: (options: string[]) => options.map((o) => <Tag key={o}>{o}</Tag>),
            },
            {
              title: '',
              key: 'actions',
              render: (_, field) => (
                <Space>
                  <Button size="small" onClick={() => open(field)}>{t('contacts.edit')}</Button>
                  <Popconfirm title={t('contactTools.fields.deleteConfirm', { label: field.label })} onConfirm={() => remove.mutate(field)}>
                    <Button size="small" danger>{t('contacts.delete')}</Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]} />
      </Space>
      <Modal open={editing !== null} forceRender destroyOnHidden={false}
        title={creating ? t('contactTools.fields.add') : t('contactTools.fields.edit')}
        okText={t('contacts.save')} cancelText={t('contacts.cancel')}
        onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={save.isPending}>
        {save.error && !(save.error instanceof ApiError && save.error.fieldErrors.length > 0) && (
          <Alert type="error" showIcon title={save.error.message} style={{ marginBottom: 12 }} />
        )}
        <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          <Form.Item name="entity" label={t('contactTools.fields.cardType')}>
            <Select disabled={!creating} options={CARD_TYPES.map((c) => ({ value: c, label: t(`contactTools.cardType.${c}`) }))} />
          </Form.Item>
          <Form.Item name="label" label={t('contactTools.fields.label')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="key" label={t('contactTools.fields.key')} extra={creating ? t('contactTools.fields.keyHelp') : undefined}
            rules={[{ required: true, max: 50 }, { pattern: /^[a-z][a-zA-Z0-9_]*$/, message: t('contactTools.fields.keyRule') }]}>
            <Input disabled={!creating} />
          </Form.Item>
          <Form.Item name="type" label={t('contactTools.fields.type')}>
            <Select disabled={!creating} options={FIELD_TYPES.map((f) => ({ value: f, label: t(`contactTools.fieldType.${f}`) }))} />
          </Form.Item>
          {choice && (
            <Form.Item name="options" label={t('contactTools.fields.options')} extra={t('contactTools.fields.optionsHelp')}
              rules={[{ required: true, type: 'array', min: 1, message: t('contactTools.fields.optionsRule') }]}>
              <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',']} aria-label={t('contactTools.fields.options')} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
