import { Alert, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useProblems } from '../../problems';
import { nameOf, type Deal } from './model';
import { pipelinesOf, usePipelines } from './queries';

const FIELDS: Record<string, string> = {
  pipelineId: 'deals.field.pipeline', title: 'deals.field.title', amount: 'deals.field.amount', currency: 'deals.field.currency',
};

interface Conversion {
  pipelineId?: string;
  title?: string;
  amount?: number | null;
  currency?: string;
}

/** Turns a lead into a deal (`003_*`): the deal funnel, the deal's title and amount; the client becomes an active one. */
export function ConvertDialog({ lead, onClose, onDone }: {
  lead: { id: string; version: number; title: string };
  onClose: () => void;
  onDone: (deal: Deal) => void;
}) {
  const { t } = useTranslation();
  const problems = useProblems();
  const [form] = Form.useForm<Conversion>();
  const pipelines = usePipelines();
  const deals = pipelinesOf(pipelines.data, 'DEAL');
  const convert = useMutation({
    mutationFn: (c: Conversion) => api<Deal>(`/api/deals/leads/${lead.id}/convert`, {
      method: 'POST',
      body: { pipelineId: c.pipelineId, title: c.title?.trim() || null, amount: c.amount ?? null, currency: c.currency?.trim() || null, version: lead.version },
    }),
    onSuccess: onDone,
  });
  return (
    <Modal open title={t('deals.convert.title')} okText={t('deals.convert.confirm')} cancelText={t('contacts.cancel')}
      onCancel={onClose} onOk={() => form.submit()} confirmLoading={convert.isPending} destroyOnHidden>
      {convert.isError && <Alert type="error" showIcon title={problems.text(convert.error, (f) => FIELDS[f] ? t(FIELDS[f]) : undefined)} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(c) => convert.mutate(c)} data-testid="convert-form"
        initialValues={{ pipelineId: deals[0]?.id, title: lead.title }}>
        <Form.Item name="pipelineId" label={t('deals.field.pipeline')}>
          <Select options={deals.map((p) => ({ value: p.id, label: nameOf(t, 'pipeline', p) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('deals.field.title')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="amount" label={t('deals.field.amount')}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="currency" label={t('deals.field.currency')} rules={[{ pattern: /^[A-Za-z]{3}$/, message: t('deals.currency.iso') }]}>
            <Input maxLength={3} style={{ width: 90 }} placeholder="UAH" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
