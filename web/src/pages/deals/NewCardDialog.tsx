import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { api, ApiError, type Me } from '../../api';
import { useProblems } from '../../problems';
import { OwnerSelect } from '../contacts/OwnerSelect';
import { useStaff } from '../contacts/staff';
import { ContactPicker } from './pickers';
import { nameOf, type CardType } from './model';
import { pipelinesOf, usePipelines } from './queries';

interface Draft {
  pipelineId?: string;
  contactId?: string | null;
  contactName?: string;
  phone?: string;
  email?: string;
  title?: string;
  amount?: number | null;
  currency?: string;
  source?: string;
  sourceDetail?: string;
  ownerId?: string | null;
  comment?: string;
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/**
 * A new lead or deal by hand: its funnel, the client picked by search among the contacts, or (a lead) written
 * down as a name, phone and e-mail until they become a contact; the source, the responsible, a comment.
 */
export function NewCardDialog({ me, type, pipelineId, open, onClose, onCreated }: {
  me: Me;
  type: CardType;
  pipelineId?: string;
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const problems = useProblems();
  const { staff } = useStaff();
  const [form] = Form.useForm<Draft>();
  const [who, setWho] = useState<'contact' | 'snapshot'>(type === 'LEAD' ? 'snapshot' : 'contact');
  const pipelines = pipelinesOf(usePipelines().data, type);
  const create = useMutation({
    mutationFn: (d: Draft) => api<{ id: string }>(`/api/deals/${type === 'LEAD' ? 'leads' : 'deals'}`, {
      method: 'POST',
      body: {
        pipelineId: d.pipelineId,
        contactId: who === 'contact' ? d.contactId ?? null : null,
        contactName: blank(d.contactName),
        ...(type === 'LEAD'
          ? { phone: who === 'snapshot' ? blank(d.phone) : null, email: who === 'snapshot' ? blank(d.email) : null }
          : { title: blank(d.title), amount: d.amount ?? null, currency: blank(d.currency) }),
        source: blank(d.source),
        sourceDetail: blank(d.sourceDetail),
        ownerId: d.ownerId ?? me.id,
        comment: blank(d.comment),
      },
    }),
    onSuccess: (card) => {
      form.resetFields();
      onCreated(card.id);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields(e.fieldErrors.map((f) => ({ name: f.field.split('.'), errors: [problems.field(f.message)] })) as never);
      }
    },
  });
  const title = type === 'LEAD' ? t('deals.new.lead') : t('deals.new.deal');
  return (
    <Modal open={open} title={title} okText={t('contacts.create')} cancelText={t('contacts.cancel')} onCancel={onClose}
      onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      {create.isError && !(create.error instanceof ApiError && create.error.fieldErrors.length > 0) && (
        <Alert type="error" showIcon title={problems.text(create.error)} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" onFinish={(d) => create.mutate(d)} data-testid="new-card"
        initialValues={{ pipelineId: pipelineId && pipelines.some((p) => p.id === pipelineId) ? pipelineId : pipelines[0]?.id, ownerId: me.id }}>
        <Form.Item name="pipelineId" label={t('deals.field.pipeline')}>
          <Select options={pipelines.map((p) => ({ value: p.id, label: nameOf(t, 'pipeline', p) }))} />
        </Form.Item>
        {type === 'DEAL' && (
          <Form.Item name="title" label={t('deals.field.title')} rules={[{ max: 200 }]}><Input /></Form.Item>
        )}
        {type === 'LEAD' && (
          <Radio.Group value={who} onChange={(e) => setWho(e.target.value)} style={{ marginBottom: 12 }}
            options={[{ value: 'snapshot', label: t('deals.new.snapshot') }, { value: 'contact', label: t('deals.new.pickContact') }]} />
        )}
        {who === 'contact' ? (
          <Form.Item name="contactId" label={t('deals.field.contact')}>
            <ContactPicker aria-label={t('deals.field.contact')} placeholder={t('deals.pick.contact')}
              onChange={(id, label) => form.setFieldsValue({ contactId: id, contactName: id ? label?.split(' · ')[0] : undefined })} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="contactName" label={t('deals.field.contactName')} rules={[{ max: 200 }]}><Input /></Form.Item>
            <Space>
              <Form.Item name="phone" label={t('deals.field.phone')}><Input style={{ width: 200 }} /></Form.Item>
              <Form.Item name="email" label={t('deals.field.email')}><Input style={{ width: 240 }} /></Form.Item>
            </Space>
          </>
        )}
        {type === 'DEAL' && (
          <Space>
            <Form.Item name="amount" label={t('deals.field.amount')}><InputNumber min={0} precision={2} style={{ width: 180 }} /></Form.Item>
            <Form.Item name="currency" label={t('deals.field.currency')}><Input maxLength={3} style={{ width: 90 }} placeholder="UAH" /></Form.Item>
          </Space>
        )}
        <Space>
          <Form.Item name="source" label={t('deals.field.source')} rules={[{ max: 50 }]}><Input style={{ width: 160 }} /></Form.Item>
          <Form.Item name="sourceDetail" label={t('deals.field.sourceDetail')} rules={[{ max: 200 }]}><Input style={{ width: 280 }} /></Form.Item>
        </Space>
        <Form.Item name="ownerId" label={t('deals.field.owner')}>
          <OwnerSelect me={me} staff={staff} nobody={false} onChange={(id) => form.setFieldsValue({ ownerId: id })} />
        </Form.Item>
        <Form.Item name="comment" label={t('deals.field.comment')}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
      </Form>
    </Modal>
  );
}
