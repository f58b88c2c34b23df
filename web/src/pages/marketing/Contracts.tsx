import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Divider, Form, Input, InputNumber, Popconfirm, Select, Space, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, download, upload, type Me } from '../../api';
import { fileNameOf, saveFile } from '../contacts/tools/model';
import { changesDeals, formatMoney } from '../deals/model';
import { CompanyPicker, ContactPicker, ProductPicker } from '../deals/pickers';
import { CONTRACT_STATUS_COLORS, CONTRACT_STATUSES, fileSize, periodText, type Contract, type ContractStatus } from './model';
import { MARKETING_KEY, PeriodItem, periodBody, periodOf, RecordDialog, RecordTable, useCatalogue, type Period } from './parts';
import { useMarketingProblems } from './problems';

/** A contract's client: its contact's name, else its company's (each read once, shared with their cards). */
function ClientName({ contract }: { contract: Contract }) {
  const contact = useQuery({
    queryKey: ['contact', contract.contactId],
    queryFn: () => api<{ displayName: string }>(`/api/contacts/${contract.contactId}`),
    enabled: !!contract.contactId, retry: false, staleTime: 60_000,
  });
  const company = useQuery({
    queryKey: ['company', contract.companyId],
    queryFn: () => api<{ name: string }>(`/api/companies/${contract.companyId}`),
    enabled: !contract.contactId && !!contract.companyId, retry: false, staleTime: 60_000,
  });
  return <>{contact.data?.displayName ?? company.data?.name ?? ''}</>;
}

/**
 * Contracts (`003_*`): a client's contract for a service, its period and amount, where it stands, and its signed
 * document (PDF, DOC, DOCX or ODT). Everyone who works with clients reads them; a MARKETER does not change them.
 */
export function Contracts({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const catalogue = useCatalogue();
  const [status, setStatus] = useState<ContractStatus>();
  const [editing, setEditing] = useState<Contract | 'new' | null>(null);
  const writer = changesDeals(me.role);
  const filters = new URLSearchParams();
  if (status) filters.set('status', status);
  return (
    <Card title={t('marketing.contracts.title')}
      extra={writer && <Button type="primary" onClick={() => setEditing('new')}>{t('marketing.contracts.new')}</Button>}>
      <RecordTable<Contract> path="/api/deals/contracts" filters={filters} testId="contracts" emptyText={t('marketing.contracts.empty')}
        onOpen={setEditing}
        toolbar={
          <Select allowClear aria-label={t('marketing.field.status')} placeholder={t('marketing.field.status')} style={{ width: 160 }}
            value={status} onChange={setStatus}
            options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`marketing.contractStatus.${s}`) }))} />
        }
        columns={[
          { title: t('marketing.field.title'), dataIndex: 'title' },
          { title: t('marketing.field.client'), render: (_, c) => <ClientName contract={c} /> },
          { title: t('marketing.field.service'), render: (_, c) => catalogue.name(c.productId) ?? '' },
          { title: t('marketing.field.period'), render: (_, c) => periodText(t, c.startDate, c.endDate, i18n.language) },
          { title: t('marketing.field.amount'), render: (_, c) => formatMoney(c.amount, c.currency, i18n.language) },
          { title: t('marketing.field.status'), render: (_, c) => <Tag color={CONTRACT_STATUS_COLORS[c.status]}>{t(`marketing.contractStatus.${c.status}`)}</Tag> },
          { title: t('marketing.contracts.document'), render: (_, c) => c.document?.filename ?? <Typography.Text type="secondary">—</Typography.Text> },
        ]} />
      {editing && <ContractDialog contract={editing === 'new' ? null : editing} editable={writer} onClose={() => setEditing(null)} />}
    </Card>
  );
}

interface ContractForm {
  title: string;
  productId: string | null;
  contactId: string | null;
  companyId: string | null;
  amount: number;
  currency: string;
  period: Period;
  status: ContractStatus;
}

/** A contract to create or edit; once kept, its document is uploaded, replaced, downloaded or removed here. */
function ContractDialog({ contract, editable, onClose }: { contract: Contract | null; editable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const [kept, setKept] = useState(contract);
  const labels: Record<string, string> = {
    title: t('marketing.field.title'), amount: t('marketing.field.amount'), contactId: t('marketing.field.contact'), currency: t('deals.field.currency'),
  };
  return (
    <RecordDialog<ContractForm, Contract> key={kept?.id ?? 'new'} path="/api/deals/contracts" record={kept} testId="contract-form" editable={editable}
      title={kept ? t('marketing.contracts.edit') : t('marketing.contracts.new')} onClose={onClose}
      savedText={t('marketing.contracts.saved')} deletedText={t('marketing.contracts.deleted')} deleteConfirm={t('marketing.contracts.deleteConfirm')}
      labelOf={(f) => labels[f]}
      // a new contract stays open, so that its document can be uploaded at once
      onSaved={(saved) => {
        const wasNew = !kept;
        setKept(saved);
        return wasNew;
      }}
      initialValues={kept ? { ...kept, period: periodOf(kept) } : { currency: 'UAH', status: 'DRAFT' }}
      toBody={(v) => ({
        title: v.title, productId: v.productId ?? null, contactId: v.contactId ?? null, companyId: v.companyId ?? null,
        amount: v.amount, currency: v.currency?.trim() || null, ...periodBody(v.period), status: v.status,
      })}
      footer={kept && <ContractDocumentSection contract={kept} editable={editable} onChanged={setKept} />}>
      {() => (
        <>
          <Form.Item name="title" label={t('marketing.field.title')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input /></Form.Item>
          <Form.Item name="productId" label={t('marketing.field.service')}>
            <ProductPicker aria-label={t('marketing.field.service')} currentLabel={catalogue.name(kept?.productId)} />
          </Form.Item>
          <Space wrap align="start" style={{ width: '100%' }}>
            <Form.Item name="contactId" label={t('marketing.field.contact')} style={{ width: 280 }}>
              <ContactPicker aria-label={t('marketing.field.contact')} placeholder={t('deals.pick.contact')} />
            </Form.Item>
            <Form.Item name="companyId" label={t('marketing.field.company')} style={{ width: 280 }}>
              <CompanyPicker aria-label={t('marketing.field.company')} />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="amount" label={t('marketing.field.amount')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={2} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="currency" label={t('deals.field.currency')}><Input maxLength={3} style={{ width: 90 }} /></Form.Item>
            <Form.Item name="status" label={t('marketing.field.status')}>
              <Select style={{ width: 180 }} options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`marketing.contractStatus.${s}`) }))} />
            </Form.Item>
          </Space>
          <PeriodItem />
        </>
      )}
    </RecordDialog>
  );
}

/** The contract's document: upload or replace it (the server checks the file's type and size), download, remove. */
function ContractDocumentSection({ contract, editable, onChanged }: { contract: Contract; editable: boolean; onChanged: (c: Contract) => void }) {
  const { t, i18n } = useTranslation();
  const problems = useMarketingProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const path = `/api/deals/contracts/${contract.id}/document`;
  const changed = (c: Contract, text: string) => {
    void message.success(text);
    onChanged(c);
    void queries.invalidateQueries({ queryKey: MARKETING_KEY as unknown as QueryKey });
  };
  const send = useMutation({
    mutationFn: (file: File) => upload<Contract>(path, file),
    onSuccess: (c) => changed(c, t('marketing.contracts.uploaded')),
  });
  const remove = useMutation({
    mutationFn: () => api<Contract>(path, { method: 'DELETE' }),
    onSuccess: (c) => changed(c, t('marketing.contracts.removed')),
  });
  const fetchFile = useMutation({
    mutationFn: async () => {
      const file = await download(path);
      saveFile(file.blob, fileNameOf(file.disposition, contract.document?.filename ?? 'contract'));
    },
  });
  const failed = send.error ?? remove.error ?? fetchFile.error;
  const document = contract.document;
  return (
    <div data-testid="contract-document">
      <Divider titlePlacement="start">{t('marketing.contracts.document')}</Divider>
      {failed && <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="document-problem" title={problems.text(failed)} />}
      <Space wrap>
        {document
          ? <Typography.Text data-testid="document-name">{document.filename} · {fileSize(document.size, i18n.language)}</Typography.Text>
          : <Typography.Text type="secondary">{t('marketing.contracts.noDocument')}</Typography.Text>}
        {document && (
          <Button icon={<DownloadOutlined />} loading={fetchFile.isPending} onClick={() => fetchFile.mutate()}>{t('marketing.contracts.download')}</Button>
        )}
        {editable && (
          <Upload accept=".pdf,.doc,.docx,.odt" showUploadList={false} disabled={send.isPending}
            beforeUpload={(file) => {
              remove.reset();
              fetchFile.reset();
              send.mutate(file);
              return false;
            }}>
            <Button icon={<UploadOutlined />} loading={send.isPending}>
              {document ? t('marketing.contracts.replace') : t('marketing.contracts.upload')}
            </Button>
          </Upload>
        )}
        {editable && document && (
          <Popconfirm title={t('marketing.contracts.removeConfirm')} onConfirm={() => remove.mutate()} okText={t('contacts.delete')} cancelText={t('contacts.cancel')}>
            <Button danger loading={remove.isPending}>{t('marketing.contracts.remove')}</Button>
          </Popconfirm>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('marketing.contracts.formats')}</Typography.Paragraph>
    </div>
  );
}
