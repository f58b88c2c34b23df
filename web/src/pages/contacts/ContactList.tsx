import { useEffect, useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { StarFilled, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../../api';
import { useProblems } from '../../problems';
import { NewContact } from './NewContact';
import { CallButton } from '../telephony/CallButton';
import { ContactAvatar } from './photo/ContactPhoto';
import { SourceInput, TagSelect } from './suggestions';
import { useDebounced } from './useDebounced';
import { useStaff } from './staff';
import {
  changesContacts, effectiveSort, seesOthersContacts, SORTS, STATUS_COLORS, STATUSES,
  type ContactPage, type ContactStatus, type ContactSummary, type OwnerFilter, type Sort,
} from './model';
import { BulkActions } from './tools/BulkActions';
import { CustomFieldFilter } from './tools/CustomFieldFilter';
import { ExportButton } from './tools/ExportButton';
import { SavedViews } from './tools/SavedViews';
import { toolParams, type ToolFilters } from './tools/model';

/**
 * The client list (`001_*`, `002_*`): one search box, filters (custom fields too), sort, saved views, pages by
 * cursor; bulk hand-over, tags, merge and delete; import and export.
 */
export function ContactList({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { staff, name } = useStaff();
  const writer = changesContacts(me.role);
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed, 300);
  const [status, setStatus] = useState<ContactStatus>();
  const [vip, setVip] = useState<boolean>();
  const [tags, setTags] = useState<string[]>([]);
  // the source filter asks for one exact source: it applies once typed (Enter, a suggestion, leaving the box)
  const [sourceTyped, setSourceTyped] = useState('');
  const [source, setSource] = useState<string>();
  const [owner, setOwner] = useState<OwnerFilter>('anyone');
  const [sort, setSort] = useState<Sort>();
  const [cf, setCf] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);

  const problems = useProblems();
  const filters: ToolFilters = { q, status, vip, tags, source, owner, sort, cf };
  const params = toolParams(filters, me);
  const apply = (view: ToolFilters) => {
    setTyped(view.q);
    setStatus(view.status);
    setVip(view.vip);
    setTags(view.tags);
    setSourceTyped(view.source ?? '');
    setSource(view.source);
    setOwner(view.owner);
    setSort(view.sort);
    setCf(view.cf);
  };
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
  const error = contacts.error;
  const rows = contacts.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card title={<Space>{t('contacts.title')}{count.data && <Typography.Text type="secondary" data-testid="contacts-count">
      {t('contacts.count', { count: count.data.count })}</Typography.Text>}</Space>}
      extra={
        <Space wrap>
          {writer && <Button icon={<UploadOutlined />} onClick={() => navigate('/contacts/import')}>{t('contactTools.import.button')}</Button>}
          <ExportButton params={params} />
          {writer && <Button type="primary" onClick={() => setCreating(true)}>{t('contacts.new')}</Button>}
        </Space>
      }>
      {error && <Alert type="error" showIcon title={problems.text(error)} style={{ marginBottom: 12 }} />}
      <div style={{ marginBottom: 12 }}>
        <SavedViews me={me} filters={{ ...filters, q: typed }} onApply={apply} />
      </div>
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
        <TagSelect list="contacts/tags" placeholder={t('contacts.field.tags')} aria-label={t('contacts.field.tags')}
          value={tags} onChange={setTags} style={{ minWidth: 160 }} />
        <SourceInput allowClear placeholder={t('contacts.field.source')} aria-label={t('contacts.field.source')} style={{ width: 170 }}
          value={sourceTyped} onChange={(text) => {
            setSourceTyped(text);
            if (text.trim() === '') setSource(undefined);
          }}
          onCommit={(text) => setSource(text.trim() === '' ? undefined : text.trim())} />
        {seesOthersContacts(me.role) && (
          <Select aria-label={t('contacts.field.ownerId')} value={owner} onChange={setOwner} style={{ width: 190 }}
            options={(['anyone', 'mine', 'unassigned'] as const).map((o) => ({ value: o, label: t(`contacts.filter.owner.${o}`) }))} />
        )}
        <Select aria-label={t('contacts.sort')} value={effectiveSort(sort, q)} onChange={setSort} style={{ width: 200 }}
          options={SORTS.filter((s) => s !== 'relevance' || q.trim() !== '').map((s) => ({ value: s, label: t(`contacts.sort.${s}`) }))} />
        <CustomFieldFilter value={cf} onChange={setCf} />
      </Space>
      {writer && selected.length > 0 && (
        <BulkActions me={me} staff={staff} selected={selected} rows={rows} onDone={changed} />
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
                {c.photoVersion && <ContactAvatar id={c.id} name={c.displayName} photoVersion={c.photoVersion} size={24} thumb />}
                {c.vip && <StarFilled style={{ color: '#faad14' }} title={t('contacts.field.vip')} aria-label={t('contacts.field.vip')} />}
                <Link to={`/contacts/${c.id}`} data-testid="contact-name">{c.displayName}</Link>
              </Space>
            ),
          },
          { title: t('contacts.phone'), dataIndex: 'phone', render: (phone: string | null, c) => <CallButton number={phone} contactId={c.id} /> },
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
