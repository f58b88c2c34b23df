import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../../api';
import { NewContact } from './NewContact';
import { OwnerSelect } from './OwnerSelect';
import { useStaff } from './staff';
import {
  changesContacts, effectiveSort, listParams, seesOthersContacts, SORTS, STATUS_COLORS, STATUSES,
  type ContactPage, type ContactStatus, type ContactSummary, type ListFilters, type OwnerFilter, type Sort,
} from './model';

function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** The client list (`001_*`, `002_*`): one search box, filters, sort, pages by cursor, bulk hand-over and delete. */
export function ContactList({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = AntApp.useApp();
  const { staff, name } = useStaff();
  const writer = changesContacts(me.role);
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed, 300);
  const [status, setStatus] = useState<ContactStatus>();
  const [vip, setVip] = useState<boolean>();
  const [tags, setTags] = useState<string[]>([]);
  const [owner, setOwner] = useState<OwnerFilter>('anyone');
  const [sort, setSort] = useState<Sort>();
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);

  const filters: ListFilters = { q, status, vip, tags, owner, sort };
  const params = listParams(filters, me);
  const contacts = useInfiniteQuery({
    queryKey: ['contacts', 'list', params.toString()],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<ContactPage>(`/api/contacts?${params}&limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // the rows found so far stay on screen while the next search runs
    placeholderData: keepPreviousData,
  });
  // a selection made under other filters may hold rows no longer shown
  useEffect(() => setSelected([]), [params.toString()]);
  const countParams = new URLSearchParams(params);
  countParams.delete('sort');
  const count = useQuery({
    queryKey: ['contacts', 'count', countParams.toString()],
    queryFn: () => api<{ count: number }>(`/api/contacts/count?${countParams}`),
    placeholderData: keepPreviousData,
  });

  const changed = () => {
    setSelected([]);
    void queries.invalidateQueries({ queryKey: ['contacts'] });
  };
  const assign = useMutation({
    mutationFn: (ownerId: string | null) => api('/api/contacts/assign', { method: 'POST', body: { ids: selected, ownerId } }),
    onSuccess: () => {
      void message.success(t('contacts.assigned'));
      changed();
    },
  });
  const remove = useMutation({
    // there is no bulk delete: one request per contact, all at once
    mutationFn: (ids: string[]) => Promise.all(ids.map((id) => api(`/api/contacts/${id}`, { method: 'DELETE' }))),
    onSuccess: () => void message.success(t('contacts.deletedMany')),
    onSettled: changed,
  });
  const error = assign.error ?? remove.error ?? contacts.error;
  const rows = contacts.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card title={<Space>{t('contacts.title')}{count.data && <Typography.Text type="secondary" data-testid="contacts-count">
      {t('contacts.count', { count: count.data.count })}</Typography.Text>}</Space>}
      extra={writer && <Button type="primary" onClick={() => setCreating(true)}>{t('contacts.new')}</Button>}>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('contacts.search')} aria-label={t('contacts.search')} value={typed}
          onChange={(e) => setTyped(e.target.value)} onSearch={setTyped} style={{ width: 340 }} />
        <Select allowClear placeholder={t('contacts.field.status')} aria-label={t('contacts.field.status')} value={status}
          onChange={setStatus} style={{ width: 170 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`contacts.status.${s}`) }))} />
        <Select allowClear placeholder={t('contacts.field.vip')} aria-label={t('contacts.field.vip')} style={{ width: 140 }}
          value={vip === undefined ? undefined : String(vip)}
          onChange={(v?: string) => setVip(v === undefined ? undefined : v === 'true')}
          options={[{ value: 'true', label: t('contacts.filter.vip') }, { value: 'false', label: t('contacts.filter.notVip') }]} />
        <Select mode="tags" allowClear placeholder={t('contacts.field.tags')} aria-label={t('contacts.field.tags')}
          value={tags} onChange={setTags} open={false} suffixIcon={null} style={{ minWidth: 160 }} />
        {seesOthersContacts(me.role) && (
          <Select aria-label={t('contacts.field.ownerId')} value={owner} onChange={setOwner} style={{ width: 190 }}
            options={(['anyone', 'mine', 'unassigned'] as const).map((o) => ({ value: o, label: t(`contacts.filter.owner.${o}`) }))} />
        )}
        <Select aria-label={t('contacts.sort')} value={effectiveSort(sort, q)} onChange={setSort} style={{ width: 200 }}
          options={SORTS.filter((s) => s !== 'relevance' || q.trim() !== '').map((s) => ({ value: s, label: t(`contacts.sort.${s}`) }))} />
      </Space>
      {writer && selected.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }} data-testid="bulk">
          <Typography.Text>{t('contacts.selected', { count: selected.length })}</Typography.Text>
          <OwnerSelect me={me} staff={staff} placeholder={t('contacts.assignTo')} aria-label={t('contacts.assignTo')}
            loading={assign.isPending} value={undefined} onChange={(ownerId) => assign.mutate(ownerId)} style={{ width: 280 }} />
          <Popconfirm title={t('contacts.deleteSelectedConfirm')} onConfirm={() => remove.mutate(selected)}>
            <Button danger loading={remove.isPending}>{t('contacts.delete')}</Button>
          </Popconfirm>
        </Space>
      )}
      <Table<ContactSummary> rowKey="id" loading={contacts.isPending || contacts.isPlaceholderData} pagination={false} dataSource={rows}
        data-testid="contacts" locale={{ emptyText: t('contacts.empty') }} scroll={{ x: 'max-content' }}
        rowSelection={writer ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
        onRow={(c) => ({
          style: { cursor: 'pointer' },
          onClick: (e) => {
            // the checkbox and the name's own link do their own thing
            if (!(e.target as HTMLElement).closest('a, .ant-table-selection-column')) navigate(`/contacts/${c.id}`);
          },
        })}
        columns={[
          {
            title: t('contacts.name'),
            render: (_, c) => (
              <Space>
                {c.vip && <StarFilled style={{ color: '#faad14' }} title={t('contacts.field.vip')} aria-label={t('contacts.field.vip')} />}
                <Link to={`/contacts/${c.id}`} data-testid="contact-name">{c.displayName}</Link>
              </Space>
            ),
          },
          { title: t('contacts.phone'), dataIndex: 'phone' },
          { title: t('contacts.email'), dataIndex: 'email' },
          {
            title: t('contacts.field.status'),
            dataIndex: 'status',
            render: (s: ContactStatus) => <Tag color={STATUS_COLORS[s]}>{t(`contacts.status.${s}`)}</Tag>,
          },
          {
            title: t('contacts.field.ownerId'),
            dataIndex: 'ownerId',
            render: (id: string | null) => id
              ? name(id) ?? ''
              : <Typography.Text type="secondary">{t('contacts.unassigned')}</Typography.Text>,
          },
          { title: t('contacts.field.tags'), dataIndex: 'tags', render: (list: string[]) => list.map((tag) => <Tag key={tag}>{tag}</Tag>) },
          {
            title: t('contacts.updated'),
            dataIndex: 'updatedAt',
            render: (at: string) => new Date(at).toLocaleString(i18n.language),
          },
        ]} />
      {contacts.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => contacts.fetchNextPage()} loading={contacts.isFetchingNextPage}>
          {t('contacts.more')}
        </Button>
      )}
      <NewContact open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
