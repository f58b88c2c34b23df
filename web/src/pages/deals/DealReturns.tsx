import { useState } from 'react';
import { Alert, App as AntApp, Button, Empty, Input, Modal, Space, Spin, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { useProblems } from '../../problems';
import { RETURN_STATUS_COLORS, type GoodsReturn } from '../marketing/model';
import { CARDS_KEY } from './queries';

/** The deal's returns (`002_*` 2.1.16): what came back and why; a requested one is approved or rejected here. */
export function DealReturns({ dealId, editable, staffName }: {
  dealId: string;
  editable: boolean;
  staffName: (id: string | null) => string | null;
}) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [deciding, setDeciding] = useState<{ item: GoodsReturn; decision: 'approve' | 'reject' } | null>(null);
  const [note, setNote] = useState('');
  const key = [...CARDS_KEY, 'deals', dealId, 'returns'];
  const returns = useQuery({ queryKey: key, queryFn: () => api<GoodsReturn[]>(`/api/deals/returns?dealId=${dealId}`) });
  const decide = useMutation({
    mutationFn: ({ item, decision }: { item: GoodsReturn; decision: 'approve' | 'reject' }) =>
      api(`/api/deals/returns/${item.id}/${decision}`, { method: 'POST', body: { note: note.trim() || null, version: item.version } }),
    onSuccess: (_, { decision }) => {
      void message.success(t(decision === 'approve' ? 'deals.returns.approved' : 'deals.returns.rejected'));
      setDeciding(null);
      void queries.invalidateQueries({ queryKey: key });
    },
    onError: (e) => {
      void message.error(e instanceof ApiError && e.status === 409 ? t('problem.conflict') : problems.text(e));
      setDeciding(null);
      void queries.invalidateQueries({ queryKey: key });
    },
  });
  if (returns.isPending) return <Spin />;
  if (returns.isError) return <Alert type="error" showIcon title={problems.text(returns.error)} />;
  if (returns.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.returns.empty')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="returns">
      {returns.data.map((r) => (
        <div key={r.id} data-testid="return" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}>
          <Space wrap>
            <Tag color={RETURN_STATUS_COLORS[r.status]}>{t(`deals.returns.status.${r.status}`)}</Tag>
            <Typography.Text type="secondary">{new Date(r.createdAt).toLocaleString(i18n.language)}</Typography.Text>
            {r.fileUrl && <Typography.Link href={r.fileUrl} target="_blank" rel="noreferrer">{r.fileName ?? t('deals.returns.file')}</Typography.Link>}
          </Space>
          {r.reason && <Typography.Paragraph style={{ margin: '4px 0' }}>{t('deals.returns.reason')}: {r.reason}</Typography.Paragraph>}
          {r.items.length > 0 && (
            <Typography.Paragraph style={{ margin: '4px 0' }}>
              {r.items.map((i) => `${i.name ?? i.sku ?? ''} × ${i.quantity}`).join(', ')}
            </Typography.Paragraph>
          )}
          {r.comment && <Typography.Paragraph type="secondary" style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{r.comment}</Typography.Paragraph>}
          {r.decidedAt && (
            <Typography.Text type="secondary">
              {t('deals.returns.decided', { who: staffName(r.decidedBy) ?? t('contacts.history.unknownUser'), at: new Date(r.decidedAt).toLocaleString(i18n.language) })}
              {r.decisionNote && `: ${r.decisionNote}`}
            </Typography.Text>
          )}
          {editable && r.status === 'REQUESTED' && (
            <Space style={{ marginTop: 8 }}>
              <Button type="primary" onClick={() => { setNote(''); setDeciding({ item: r, decision: 'approve' }); }}>{t('deals.returns.approve')}</Button>
              <Button danger onClick={() => { setNote(''); setDeciding({ item: r, decision: 'reject' }); }}>{t('deals.returns.reject')}</Button>
            </Space>
          )}
        </div>
      ))}
      <Modal open={!!deciding} title={deciding?.decision === 'approve' ? t('deals.returns.approve') : t('deals.returns.reject')}
        okText={deciding?.decision === 'approve' ? t('deals.returns.approve') : t('deals.returns.reject')} cancelText={t('contacts.cancel')}
        okButtonProps={{ danger: deciding?.decision === 'reject' }} confirmLoading={decide.isPending}
        onCancel={() => setDeciding(null)} onOk={() => deciding && decide.mutate(deciding)} destroyOnHidden>
        <Input.TextArea autoFocus maxLength={1000} placeholder={t('deals.returns.note')} aria-label={t('deals.returns.note')}
          value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </Space>
  );
}
