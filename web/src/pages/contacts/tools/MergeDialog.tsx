import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Modal, Radio, Row, Select, Space, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import type { Contact, ContactPage } from '../model';
import { useProblems } from '../../../problems';

/** One of the two cards: what the user weighs when picking the one to keep. */
function Candidate({ id, chosen }: { id: string; chosen: boolean }) {
  const { t, i18n } = useTranslation();
  const card = useQuery({ queryKey: ['contact', id], queryFn: () => api<Contact>(`/api/contacts/${id}`) });
  if (!card.data) {
    return <Card size="small"><Spin /></Card>;
  }
  const c = card.data;
  const of = (kind: 'PHONE' | 'EMAIL') => c.points.filter((p) => p.kind === kind).map((p) => p.value).join(', ') || '—';
  return (
    <Card size="small" data-testid="merge-candidate" style={chosen ? { borderColor: '#1677ff' } : undefined}>
      <Radio value={id} style={{ fontWeight: 600 }}>{c.displayName}</Radio>
      <div><Typography.Text type="secondary">{t('contacts.phone')}:</Typography.Text> {of('PHONE')}</div>
      <div><Typography.Text type="secondary">{t('contacts.email')}:</Typography.Text> {of('EMAIL')}</div>
      <div><Typography.Text type="secondary">{t('contacts.field.status')}:</Typography.Text> {t(`contacts.status.${c.status}`)}</div>
      <div><Typography.Text type="secondary">{t('contacts.updated')}:</Typography.Text> {new Date(c.updatedAt).toLocaleString(i18n.language)}</div>
    </Card>
  );
}

/** Picks the other card to merge with, by searching the list. */
function OtherContact({ exclude, value, onChange }: { exclude: string; value?: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['contacts', 'merge-search', q],
    queryFn: () => api<ContactPage>(`/api/contacts?limit=20${q.trim() ? `&q=${encodeURIComponent(q.trim())}` : ''}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Select showSearch={{ filterOption: false, onSearch: setQ }} value={value} onChange={onChange} style={{ width: '100%' }}
      placeholder={t('contactTools.merge.search')} aria-label={t('contactTools.merge.other')} loading={found.isFetching}
      options={(found.data?.items ?? []).filter((c) => c.id !== exclude)
        .map((c) => ({ value: c.id, label: [c.displayName, c.phone, c.email].filter(Boolean).join(' · ') }))} />
  );
}

/**
 * Merges two cards of one person: the user picks the card to keep; it takes the other's phones, e-mails,
 * tags and custom values it lacks, and the other card is gone. With one id given, the user first finds the other.
 */
export function MergeDialog({ ids, open, onClose }: { ids: string[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const problems = useProblems();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = AntApp.useApp();
  const [other, setOther] = useState<string>();
  const [survivor, setSurvivor] = useState<string>();
  const pair = ids.length >= 2 ? ids.slice(0, 2) : other ? [ids[0], other] : [ids[0]];
  useEffect(() => {
    if (open) {
      setOther(undefined);
      setSurvivor(ids[0]);
    }
  }, [open, ids.join()]);

  const merge = useMutation({
    mutationFn: ({ survivorId, mergedId }: { survivorId: string; mergedId: string }) =>
      api<Contact>('/api/contacts/merge', { method: 'POST', body: { survivorId, mergedId } }),
    onSuccess: (kept, { mergedId }) => {
      queries.removeQueries({ queryKey: ['contact', mergedId] });
      queries.setQueryData(['contact', kept.id], kept);
      void queries.invalidateQueries({ queryKey: ['contacts'] });
      void queries.invalidateQueries({ queryKey: ['contact', kept.id] });
      void message.success(t('contactTools.merge.done'));
      onClose();
      navigate(`/contacts/${kept.id}`);
    },
  });
  const mergedId = pair.length === 2 ? pair.find((id) => id !== survivor) : undefined;

  return (
    <Modal open={open} title={t('contactTools.merge.title')} onCancel={onClose} width={720} destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{t('contacts.cancel')}</Button>,
        <Button key="merge" type="primary" danger disabled={!survivor || !mergedId} loading={merge.isPending}
          onClick={() => survivor && mergedId && merge.mutate({ survivorId: survivor, mergedId })}>
          {t('contactTools.merge.confirm')}
        </Button>,
      ]}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {ids.length < 2 && <OtherContact exclude={ids[0]} value={other} onChange={setOther} />}
        {pair.length === 2 && (
          <>
            <Typography.Text>{t('contactTools.merge.pick')}</Typography.Text>
            <Radio.Group value={survivor} onChange={(e) => setSurvivor(e.target.value as string)} style={{ width: '100%' }}>
              <Row gutter={12}>
                {pair.map((id) => <Col span={12} key={id}><Candidate id={id} chosen={id === survivor} /></Col>)}
              </Row>
            </Radio.Group>
            <Alert type="warning" showIcon title={t('contactTools.merge.warning')} />
          </>
        )}
        {merge.error && <Alert type="error" showIcon title={problems.text(merge.error)} />}
      </Space>
    </Modal>
  );
}
