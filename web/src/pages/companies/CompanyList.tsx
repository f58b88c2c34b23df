import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, MergeCellsOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, download, type Me } from '../../api';
import { useProblems } from '../../problems';
import { OwnerSelect } from '../contacts/OwnerSelect';
import { useStaff } from '../contacts/staff';
import { TagSelect } from '../contacts/suggestions';
import { CustomFieldFilter } from '../contacts/tools/CustomFieldFilter';
import { useDebounced } from '../contacts/useDebounced';
import { changesContacts, fullName, seesOthersContacts } from '../contacts/model';
import { fileNameOf, saveFile } from '../contacts/tools/model';
import { NewCompany } from './NewCompany';
import { MergeCompanies } from './MergeCompanies';
import { COMPANY_SORTS, companyParams, type CompanyPage, type CompanySort, type CompanySummary } from './model';
import { CallButton } from '../telephony/CallButton';

/**
 * The organisations among the clients (`001_*`, `002_*`): one search box (name with typos, tax number, phone,
 * e-mail), owner, tag and custom-field filters, sort, pages by cursor; bulk hand-over, merge of two, export (of
 * what the filters show) as CSV or XLSX, import.
 */
export function CompanyList({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { message } = AntApp.useApp();
  const { staff, name } = useStaff();
  const writer = changesContacts(me.role);
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed, 300);
  const [owner, setOwner] = useState<string>();
  const [tags, setTags] = useState<string[]>([]);
  const [cf, setCf] = useState<Record<string, string>>({});
  const [sort, setSort] = useState<CompanySort>('-updatedAt');
  const [selected, setSelected] = useState<string[]>([]);
  const [creating, setCreating] = useState(false);
  const [merging, setMerging] = useState(false);

  const problems = useProblems();
  const params = companyParams({ q, owner, tags, sort, cf });
  const companies = useInfiniteQuery({
    queryKey: ['companies', 'list', params.toString()],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<CompanyPage>(`/api/companies?${params}&limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // the rows found so far stay on screen while the next search runs
    placeholderData: keepPreviousData,
  });
  // a selection made under other filters may hold rows no longer shown
  useEffect(() => setSelected([]), [params.toString()]);

  const changed = () => {
    setSelected([]);
    void queries.invalidateQueries({ queryKey: ['companies'] });
  };
  const assign = useMutation({
    mutationFn: (ownerId: string | null) => api('/api/companies/assign', { method: 'POST', body: { ids: selected, ownerId } }),
    onSuccess: () => {
      void message.success(t('companies.assigned'));
      changed();
    },
  });
  const exporting = useMutation({
    // the list's filters and sort, in the user's language (the file's column headers)
    mutationFn: async (format: 'csv' | 'xlsx') => {
      const file = await download(`/api/companies/export?format=${format}&${params}`, { 'Accept-Language': i18n.language });
      saveFile(file.blob, fileNameOf(file.disposition, `companies.${format}`));
    },
    onError: (e) => void message.error(problems.text(e)),
  });
  const error = assign.error ?? companies.error;
  const rows = companies.data?.pages.flatMap((p) => p.items) ?? [];
  const pair = selected.length === 2 ? rows.filter((c) => selected.includes(c.id)) : [];

  const owners = [
    { value: '', label: t('contacts.filter.owner.anyone') },
    ...(seesOthersContacts(me.role)
      ? staff.filter((u) => u.status === 'ACTIVE')
        .map((u) => ({ value: u.id, label: u.id === me.id ? t('contacts.me', { name: fullName(u) }) : fullName(u) }))
      : [{ value: me.id, label: t('contacts.filter.owner.mine') }]),
  ];

  return (
    <Card title={t('companies.title')}
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={exporting.isPending && exporting.variables === 'csv'}
            onClick={() => exporting.mutate('csv')}>{t('companies.export.csv')}</Button>
          <Button icon={<DownloadOutlined />} loading={exporting.isPending && exporting.variables === 'xlsx'}
            onClick={() => exporting.mutate('xlsx')}>{t('companies.export.xlsx')}</Button>
          {writer && <Button icon={<UploadOutlined />} onClick={() => navigate('/companies/import')}>{t('companies.import.button')}</Button>}
          {writer && <Button type="primary" onClick={() => setCreating(true)}>{t('companies.new')}</Button>}
        </Space>
      }>
      {error && <Alert type="error" showIcon title={problems.text(error)} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('companies.search')} aria-label={t('companies.search')} value={typed}
          onChange={(e) => setTyped(e.target.value)} onSearch={setTyped} style={{ width: 340 }} />
        <Select showSearch={{ optionFilterProp: 'label' }} aria-label={t('companies.field.ownerId')} value={owner ?? ''}
          onChange={(id: string) => setOwner(id || undefined)} style={{ width: 220 }} options={owners} />
        <TagSelect list="companies/tags" placeholder={t('companies.field.tags')} aria-label={t('companies.field.tags')}
          value={tags} onChange={setTags} style={{ minWidth: 160 }} />
        <Select aria-label={t('contacts.sort')} value={sort} onChange={setSort} style={{ width: 200 }}
          options={COMPANY_SORTS.map((s) => ({ value: s, label: t(`contacts.sort.${s}`) }))} />
        <CustomFieldFilter entity="COMPANY" value={cf} onChange={setCf} />
      </Space>
      {writer && selected.length > 0 && (
        <Space wrap style={{ marginBottom: 16 }} data-testid="bulk">
          <Typography.Text>{t('contacts.selected', { count: selected.length })}</Typography.Text>
          <OwnerSelect me={me} staff={staff} placeholder={t('contacts.assignTo')} aria-label={t('contacts.assignTo')}
            loading={assign.isPending} value={undefined} onChange={(ownerId) => assign.mutate(ownerId)} style={{ width: 280 }} />
          <Button icon={<MergeCellsOutlined />} disabled={pair.length !== 2} onClick={() => setMerging(true)}
            title={pair.length !== 2 ? t('companies.merge.pick') : undefined}>
            {t('companies.merge.button')}
          </Button>
        </Space>
      )}
      <Table<CompanySummary> rowKey="id" loading={companies.isPending || companies.isPlaceholderData} pagination={false} dataSource={rows}
        data-testid="companies" locale={{ emptyText: t('companies.empty') }} scroll={{ x: 'max-content' }}
        rowSelection={writer ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
        onRow={(c) => ({
          style: { cursor: 'pointer' },
          onClick: (e) => {
            // the checkbox and the name's own link do their own thing
            if (!(e.target as HTMLElement).closest('a, .ant-table-selection-column')) navigate(`/companies/${c.id}`);
          },
        })}
        columns={[
          {
            title: t('companies.field.name'),
            dataIndex: 'name',
            render: (n: string, c) => <Link to={`/companies/${c.id}`} data-testid="company-name">{n}</Link>,
          },
          { title: t('companies.field.taxId'), dataIndex: 'taxId' },
          { title: t('contacts.phone'), dataIndex: 'phone', render: (phone: string | null) => <CallButton number={phone} /> },
          { title: t('companies.field.industry'), dataIndex: 'industry' },
          {
            title: t('companies.field.ownerId'),
            dataIndex: 'ownerId',
            render: (id: string | null) => id
              ? name(id) ?? ''
              : <Typography.Text type="secondary">{t('contacts.unassigned')}</Typography.Text>,
          },
          {
            title: t('companies.column.people'),
            dataIndex: 'members',
            align: 'right',
            render: (n: number) => <span data-testid="company-members">{n}</span>,
          },
          { title: t('companies.field.tags'), dataIndex: 'tags', render: (list: string[]) => list.map((tag) => <Tag key={tag}>{tag}</Tag>) },
          {
            title: t('contacts.updated'),
            dataIndex: 'updatedAt',
            render: (at: string) => new Date(at).toLocaleString(i18n.language),
          },
        ]} />
      {companies.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => companies.fetchNextPage()} loading={companies.isFetchingNextPage}>
          {t('contacts.more')}
        </Button>
      )}
      <NewCompany open={creating} onClose={() => setCreating(false)} me={me} staff={staff} />
      {merging && pair.length === 2 && (
        <MergeCompanies pair={pair as [CompanySummary, CompanySummary]} onClose={() => setMerging(false)}
          onMerged={(survivorId) => {
            setMerging(false);
            changed();
            navigate(`/companies/${survivorId}`);
          }} />
      )}
    </Card>
  );
}
