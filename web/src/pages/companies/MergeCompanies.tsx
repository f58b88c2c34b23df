import { useState } from 'react';
import { Alert, App as AntApp, Button, Modal, Radio, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Company, CompanySummary } from './model';
import { useProblems } from '../../problems';

/**
 * Merges two cards of one organisation: the user picks the card that stays; the other one's contact persons,
 * contact points, timeline, comments and history move to it and the other card disappears.
 */
export function MergeCompanies({ pair, onClose, onMerged }: {
  pair: [CompanySummary, CompanySummary];
  onClose: () => void;
  onMerged: (survivorId: string) => void;
}) {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const [survivorId, setSurvivorId] = useState(pair[0].id);
  const merged = pair.find((c) => c.id !== survivorId) ?? pair[1];
  const merge = useMutation({
    mutationFn: () => api<Company>('/api/companies/merge', { method: 'POST', body: { survivorId, mergedId: merged.id } }),
    onSuccess: (survivor) => {
      void message.success(t('companies.merge.done'));
      onMerged(survivor.id);
    },
  });
  const error = merge.error ? problems.text(merge.error) : undefined;

  return (
    <Modal open title={t('companies.merge.title')} onCancel={onClose} width={620}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('contacts.cancel')}</Button>,
        <Button key={`merge-${merge.isPending}`} type="primary" danger loading={merge.isPending} onClick={() => merge.mutate()}>
          {t('companies.merge.confirm')}
        </Button>,
      ]}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon title={error} />}
        <Typography.Text>{t('companies.merge.choose')}</Typography.Text>
        <Radio.Group value={survivorId} onChange={(e) => setSurvivorId(e.target.value as string)} data-testid="merge-survivor">
          <Space orientation="vertical">
            {pair.map((c) => (
              <Radio key={c.id} value={c.id}>
                <Typography.Text strong>{c.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {[c.taxId, c.industry, t('companies.merge.people', { count: c.members })]
                    .filter(Boolean).map((part) => ` · ${part}`).join('')}
                </Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        <Alert type="warning" showIcon data-testid="merge-outcome"
          title={t('companies.merge.outcome', { merged: merged.name, survivor: pair.find((c) => c.id === survivorId)?.name })} />
      </Space>
    </Modal>
  );
}
