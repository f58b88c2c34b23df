import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Me } from '../../api';
import { useStaff } from '../contacts/staff';
import { CardPanel, usePanel } from '../deals/CardPanel';
import { changesDeals } from '../deals/model';
import { CARDS_KEY } from '../deals/queries';
import { RETURN_STATUS_COLORS, RETURN_STATUSES, type GoodsReturn, type ReturnStatus } from './model';
import { useMarketingProblems } from './problems';

const PAGE = 50;
type Decision = 'approve' | 'reject';

/**
 * All returns of goods (`002_*` 2.1.16) of the deals the user sees, newest first, by status: what came back and
 * why, approved or rejected with a note for the client; each opens its deal.
 */
export function Returns({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const problems = useMarketingProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const staff = useStaff();
  const panel = usePanel();
  const [status, setStatus] = useState<ReturnStatus | 'ALL'>('REQUESTED');
  const [deciding, setDeciding] = useState<{ item: GoodsReturn; decision: Decision } | null>(null);
  const [note, setNote] = useState('');
  const key = [...CARDS_KEY, 'returns', status];
  const list = useInfiniteQuery({
    queryKey: key,
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      api<GoodsReturn[]>(`/api/deals/returns?page=${pageParam}&size=${PAGE}${status === 'ALL' ? '' : `&status=${status}`}`),
    getNextPageParam: (last, all) => (last.length === PAGE ? all.length : undefined),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flat() ?? [];
  const decide = useMutation({
    mutationFn: ({ item, decision }: { item: GoodsReturn; decision: Decision }) =>
      api(`/api/deals/returns/${item.id}/${decision}`, { method: 'POST', body: { note: note.trim() || null, version: item.version } }),
    onSuccess: (_, { decision }) => void message.success(t(decision === 'approve' ? 'deals.returns.approved' : 'deals.returns.rejected')),
    onError: (e) => void message.error(e instanceof ApiError && e.status === 409 ? t('problem.conflict') : problems.text(e)),
    onSettled: () => {
      setDeciding(null);
      // the deal's own returns tab and this list are the same returns
      void queries.invalidateQueries({ queryKey: [...CARDS_KEY] });
    },
  });
  const writer = changesDeals(me.role);
  const start = (item: GoodsReturn, decision: Decision) => {
    setNote('');
    setDeciding({ item, decision });
  };
  return (
    <Card title={t('marketing.returns.title')}>
      {list.error && <Alert type="error" showIcon title={problems.text(list.error)} style={{ marginBottom: 12 }} />}
      <Segmented<ReturnStatus | 'ALL'> value={status} onChange={setStatus} style={{ marginBottom: 16 }} data-testid="return-status"
        options={[...RETURN_STATUSES.map((s) => ({ value: s, label: t(`deals.returns.status.${s}`) })), { value: 'ALL' as const, label: t('marketing.returns.all') }]} />
      <Table<GoodsReturn> rowKey="id" dataSource={rows} pagination={false} scroll={{ x: true }} data-testid="returns-list"
        loading={list.isPending || list.isPlaceholderData} locale={{ emptyText: t('marketing.returns.empty') }}
        columns={[
          { title: t('marketing.returns.requested'), render: (_, r) => new Date(r.createdAt).toLocaleString(i18n.language) },
          {
            title: t('marketing.returns.order'),
            render: (_, r) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => panel.open('DEAL', r.dealId)}>
                {r.orderId ? t('marketing.returns.orderNumber', { number: r.orderId }) : t('marketing.returns.openDeal')}
              </Button>
            ),
          },
          { title: t('marketing.returns.client'), render: (_, r) => r.contactId && <Link to={`/contacts/${r.contactId}`}>{t('marketing.returns.openClient')}</Link> },
          {
            title: t('marketing.returns.goods'),
            render: (_, r) => r.items.map((i) => `${i.name ?? i.sku ?? ''}${i.sku && i.name ? ` (${i.sku})` : ''} × ${i.quantity}`).join(', '),
          },
          {
            title: t('deals.returns.reason'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {r.reason}
                {r.comment && <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{r.comment}</Typography.Text>}
                {r.fileUrl && <Typography.Link href={r.fileUrl} target="_blank" rel="noreferrer">{r.fileName ?? t('deals.returns.file')}</Typography.Link>}
              </Space>
            ),
          },
          {
            title: t('marketing.field.status'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={RETURN_STATUS_COLORS[r.status]} data-testid="return-status-tag">{t(`deals.returns.status.${r.status}`)}</Tag>
                {r.decidedAt && (
                  <Typography.Text type="secondary">
                    {t('deals.returns.decided', { who: r.decidedBy ? staff.name(r.decidedBy) ?? t('contacts.history.unknownUser') : t('marketing.returns.byShop'), at: new Date(r.decidedAt).toLocaleString(i18n.language) })}
                    {r.decisionNote && `: ${r.decisionNote}`}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: '',
            render: (_, r) => writer && r.status === 'REQUESTED' && (
              <Space>
                <Button type="primary" size="small" onClick={() => start(r, 'approve')}>{t('deals.returns.approve')}</Button>
                <Button danger size="small" onClick={() => start(r, 'reject')}>{t('deals.returns.reject')}</Button>
              </Space>
            ),
          },
        ]}
        onRow={(r) => ({ 'data-testid': 'return-row', 'data-order': r.orderId ?? '' }) as never} />
      {list.hasNextPage && <Button style={{ marginTop: 12 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('contacts.more')}</Button>}
      <Modal open={!!deciding} title={deciding?.decision === 'approve' ? t('marketing.returns.approveTitle') : t('marketing.returns.rejectTitle')}
        okText={deciding?.decision === 'approve' ? t('deals.returns.approve') : t('deals.returns.reject')} cancelText={t('contacts.cancel')}
        okButtonProps={{ danger: deciding?.decision === 'reject' }} confirmLoading={decide.isPending}
        onCancel={() => setDeciding(null)} onOk={() => deciding && decide.mutate(deciding)} destroyOnHidden>
        <Input.TextArea autoFocus maxLength={1000} placeholder={t('deals.returns.note')} aria-label={t('deals.returns.note')}
          value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
      <CardPanel me={me} />
    </Card>
  );
}
