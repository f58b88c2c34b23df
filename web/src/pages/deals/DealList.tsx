import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Dropdown, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { download, type Me } from '../../api';
import { api } from '../../api';
import { useProblems } from '../../problems';
import { useStaff } from '../contacts/staff';
import { useDebounced } from '../contacts/useDebounced';
import { fileNameOf, saveFile } from '../contacts/tools/model';
import {
  cardTitle, changesDeals, filterParams, formatMoney, nameOf, PAYMENT_COLORS, PAYMENT_STATUSES,
  type BoardFilters, type CardType, type Item, type PaymentStatus,
} from './model';
import { CARDS_KEY, usePipelines } from './queries';
import { CardPanel, usePanel } from './CardPanel';
import { NewCardDialog } from './NewCardDialog';

/**
 * All leads and deals in one list (`002_*` 2.1.3): type, number, funnel, stage, created, payment, comment, source
 * detail, responsible; the board's filters and search, newest first a page at a time, and the same as CSV or XLSX.
 */
export function DealList({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const { staff, name } = useStaff();
  const pipelines = usePipelines();
  const panel = usePanel();
  const [type, setType] = useState<CardType | 'ALL'>('ALL');
  const [pipeline, setPipeline] = useState<string>();
  const [filters, setFilters] = useState<BoardFilters>({});
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed, 300);
  const [creating, setCreating] = useState<CardType | null>(null);
  const params = filterParams({ ...filters, q, paymentStatus: type === 'LEAD' ? undefined : filters.paymentStatus });
  if (type !== 'ALL') params.set('type', type.toLowerCase());
  if (pipeline) params.set('pipeline', pipeline);
  const items = useInfiniteQuery({
    queryKey: [...CARDS_KEY, 'items', params.toString()],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<{ items: Item[]; nextCursor: string | null }>(
      `/api/deals/items?${params}&limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const exporting = useMutation({
    mutationFn: async (format: 'csv' | 'xlsx') => {
      const query = new URLSearchParams(params);
      query.set('format', format);
      const file = await download(`/api/deals/items/export?${query}`, { 'Accept-Language': i18n.language });
      saveFile(file.blob, fileNameOf(file.disposition, `leads-and-deals.${format}`));
    },
    onError: (e) => void message.error(problems.text(e)),
  });
  const rows = items.data?.pages.flatMap((p) => p.items) ?? [];
  const writer = changesDeals(me.role);
  const owners = [
    { value: '', label: t('deals.filter.anyone') },
    { value: 'unassigned', label: t('contacts.unassigned') },
    ...staff.filter((u) => u.status === 'ACTIVE').map((u) => ({ value: u.id, label: name(u.id) ?? '' })),
  ];

  return (
    <Card title={t('deals.list.title')} extra={
      <Space wrap>
        <Dropdown trigger={['click']} menu={{
          items: [{ key: 'csv', label: t('contactTools.export.csv') }, { key: 'xlsx', label: t('contactTools.export.xlsx') }],
          onClick: ({ key }) => exporting.mutate(key as 'csv' | 'xlsx'),
        }}>
          <Button icon={<DownloadOutlined />} loading={exporting.isPending}>{t('contactTools.export.button')}</Button>
        </Dropdown>
        {writer && <Button onClick={() => setCreating('LEAD')}>{t('deals.new.lead')}</Button>}
        {writer && <Button type="primary" onClick={() => setCreating('DEAL')}>{t('deals.new.deal')}</Button>}
      </Space>
    }>
      {items.error && <Alert type="error" showIcon title={problems.text(items.error)} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented value={type} onChange={(v) => setType(v as CardType | 'ALL')} data-testid="list-type"
          options={[{ value: 'ALL', label: t('deals.list.all') }, { value: 'LEAD', label: t('deals.list.leads') }, { value: 'DEAL', label: t('deals.list.deals') }]} />
        <Input.Search allowClear placeholder={t('deals.filter.search')} aria-label={t('deals.filter.search')} value={typed}
          onChange={(e) => setTyped(e.target.value)} style={{ width: 260 }} />
        <Select allowClear aria-label={t('deals.field.pipeline')} placeholder={t('deals.field.pipeline')} style={{ width: 200 }}
          value={pipeline} onChange={setPipeline}
          options={(pipelines.data ?? []).filter((p) => type === 'ALL' || p.kind === type).map((p) => ({ value: p.id, label: nameOf(t, 'pipeline', p) }))} />
        <Select aria-label={t('deals.field.owner')} style={{ width: 200 }} showSearch optionFilterProp="label" options={owners}
          value={filters.unassigned ? 'unassigned' : filters.owner ?? ''}
          onChange={(v: string) => setFilters({ ...filters, owner: v && v !== 'unassigned' ? v : undefined, unassigned: v === 'unassigned' })} />
        <Input allowClear placeholder={t('deals.field.source')} aria-label={t('deals.field.source')} style={{ width: 150 }}
          value={filters.source} onChange={(e) => setFilters({ ...filters, source: e.target.value || undefined })} />
        <DatePicker.RangePicker placeholder={[t('deals.filter.createdFrom'), t('deals.filter.createdTo')]}
          value={filters.createdFrom && filters.createdTo ? [dayjs(filters.createdFrom), dayjs(filters.createdTo)] : null}
          onChange={(range) => setFilters({ ...filters, createdFrom: range?.[0]?.format('YYYY-MM-DD'), createdTo: range?.[1]?.format('YYYY-MM-DD') })} />
        {type !== 'LEAD' && (
          <Select allowClear aria-label={t('deals.field.paymentStatus')} placeholder={t('deals.field.paymentStatus')} style={{ width: 190 }}
            value={filters.paymentStatus} onChange={(v?: PaymentStatus) => setFilters({ ...filters, paymentStatus: v })}
            options={PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`deals.payment.${s}`) }))} />
        )}
      </Space>
      <ItemTable rows={rows} loading={items.isPending || items.isPlaceholderData} ownerName={name} onOpen={(i) => panel.open(i.type, i.id)} />
      {items.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => items.fetchNextPage()} loading={items.isFetchingNextPage}>{t('contacts.more')}</Button>
      )}
      {creating && (
        <NewCardDialog me={me} type={creating} open onClose={() => setCreating(null)}
          onCreated={(id) => {
            const kind = creating;
            setCreating(null);
            void items.refetch();
            panel.open(kind, id);
          }} />
      )}
      <CardPanel me={me} />
    </Card>
  );
}

/** The rows of leads and deals, as the list and the contact card show them. */
export function ItemTable({ rows, loading, ownerName, onOpen }: {
  rows: Item[];
  loading: boolean;
  ownerName: (id: string | null) => string | null;
  onOpen: (item: Item) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table<Item> rowKey="id" dataSource={rows} loading={loading} pagination={false} data-testid="items" scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('deals.list.empty') }}
      onRow={(item) => ({ style: { cursor: 'pointer' }, onClick: () => onOpen(item) })}
      columns={[
        {
          title: t('deals.list.number'),
          render: (_, i) => (
            <Space orientation="vertical" size={0}>
              <Typography.Text data-testid="item-number">#{i.number} {t(`deals.kind.${i.type}.one`)}</Typography.Text>
              <Typography.Text type="secondary" data-testid="item-title">{cardTitle(i)}</Typography.Text>
            </Space>
          ),
        },
        {
          title: t('deals.field.pipeline'),
          render: (_, i) => nameOf(t, 'pipeline', { code: i.pipelineCode, name: i.pipelineName }),
        },
        {
          title: t('deals.list.stage'),
          render: (_, i) => <Tag color={i.stageOutcome === 'WON' ? 'green' : i.stageOutcome === 'LOST' ? 'red' : 'blue'} data-testid="item-stage">
            {nameOf(t, 'stage', { code: i.stageCode, name: i.stageName })}</Tag>,
        },
        { title: t('deals.list.created'), render: (_, i) => new Date(i.createdAt).toLocaleString(i18n.language) },
        {
          title: t('deals.field.paymentStatus'),
          render: (_, i) => i.type === 'DEAL' && (
            <Space orientation="vertical" size={0}>
              {i.paymentStatus && <Tag color={PAYMENT_COLORS[i.paymentStatus]}>{t(`deals.payment.${i.paymentStatus}`)}</Tag>}
              {i.paymentType && <Typography.Text type="secondary">{t(`deals.paymentType.${i.paymentType}`)}</Typography.Text>}
              <Typography.Text>{formatMoney(i.amount, i.currency, i18n.language)}</Typography.Text>
            </Space>
          ),
        },
        { title: t('deals.field.comment'), render: (_, i) => <Typography.Text ellipsis style={{ maxWidth: 220 }}>{i.comment ?? (i.type === 'LEAD' ? [i.phone, i.contactName].filter(Boolean).join(' ') : '')}</Typography.Text> },
        { title: t('deals.field.sourceDetail'), render: (_, i) => i.sourceDetail ?? i.source ?? '' },
        { title: t('deals.field.owner'), render: (_, i) => i.ownerId ? ownerName(i.ownerId) ?? '' : t('contacts.unassigned') },
      ]} />
  );
}
