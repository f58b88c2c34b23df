// What the marketing screens share: a searchable list paged by cursor, the catalogue's names, the period field, and the
// dialog that creates, edits and deletes one record of the API.
import { useState, type ReactNode } from 'react';
import {
  Alert, App as AntApp, Button, DatePicker, Form, Input, Modal, Popconfirm, Space, Table, Typography, type FormInstance, type TableColumnsType,
} from 'antd';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError } from '../../api';
import { useDebounced } from '../contacts/useDebounced';
import type { Product } from '../deals/model';
import { formField, useMarketingProblems } from './problems';
import type { CursorPage, Day } from './model';

/** Every query of the marketing screens starts with this key; a change refreshes them all (and the calendar). */
export const MARKETING_KEY = ['marketing'] as const;

/** A list of the API a page of 50 at a time (`nextCursor`), with the query string the filters make. */
function useCursorList<T>(path: string, params: URLSearchParams) {
  const list = useInfiniteQuery({
    queryKey: [...MARKETING_KEY, path, params.toString()],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<CursorPage<T>>(
      `${path}?${params}${params.size ? '&' : ''}limit=50${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  return { ...list, rows: list.data?.pages.flatMap((p) => p.items) ?? [] };
}

/**
 * A list of records of the API (campaigns, offers, codes, contracts): a search box and the screen's filters, newest
 * first 50 at a time with "Show more"; a click on a row opens it.
 */
export function RecordTable<R extends { id: string }>({ path, filters, testId, emptyText, searchLabel, toolbar, actions, columns, onOpen }: {
  path: string;
  /** The screen's filters as query parameters (the search box adds `q`). */
  filters: URLSearchParams;
  testId: string;
  emptyText: string;
  searchLabel?: string;
  /** The filters' controls, after the search box. */
  toolbar?: ReactNode;
  /** Buttons at the other end (new records). */
  actions?: ReactNode;
  columns: TableColumnsType<R>;
  onOpen: (record: R) => void;
}) {
  const { t } = useTranslation();
  const problems = useMarketingProblems();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed, 300);
  const params = new URLSearchParams(filters);
  if (q.trim()) params.set('q', q.trim());
  const list = useCursorList<R>(path, params);
  const search = searchLabel ?? t('marketing.search');
  return (
    <>
      {list.error && <Alert type="error" showIcon title={problems.text(list.error)} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search allowClear placeholder={search} aria-label={search} value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 240 }} />
          {toolbar}
        </Space>
        {actions}
      </Space>
      <Table<R> rowKey="id" dataSource={list.rows} pagination={false} scroll={{ x: true }} data-testid={testId}
        loading={list.isPending || list.isPlaceholderData} locale={{ emptyText }} columns={columns}
        onRow={(r) => ({ style: { cursor: 'pointer' }, onClick: () => onOpen(r) })} />
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('contacts.more')}</Button>
      )}
    </>
  );
}

/** The whole catalogue of products and services (active or not), to name them and to pick them. */
export function useCatalogue() {
  const catalogue = useQuery({
    queryKey: [...MARKETING_KEY, 'catalogue'],
    queryFn: async () => {
      const all: Product[] = [];
      let cursor: string | null = null;
      do {
        const page: CursorPage<Product> = await api(`/api/deals/products?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return all;
    },
  });
  const byId = new Map((catalogue.data ?? []).map((p) => [p.id, p]));
  return {
    products: catalogue.data ?? [],
    name: (id: string | null | undefined) => (id ? byId.get(id)?.name ?? null : null),
  };
}

/** The value of a period field: its first day, and its last one (none: open-ended). */
export type Period = [Dayjs, Dayjs | null];

export const periodOf = (record: { startDate: Day; endDate: Day | null }): Period =>
  [dayjs(record.startDate), record.endDate ? dayjs(record.endDate) : null];

export const periodBody = (period: Period) => ({
  startDate: period[0].format('YYYY-MM-DD'),
  endDate: period[1] ? period[1].format('YYYY-MM-DD') : null,
});

/** The period of a record: a first day, and a last one that may be left empty. */
export function PeriodItem() {
  const { t } = useTranslation();
  return (
    <Form.Item name="period" label={t('marketing.field.period')} extra={t('marketing.field.periodHelp')}
      rules={[{ required: true, validator: (_, v?: Period) => (v?.[0] ? Promise.resolve() : Promise.reject(new Error(t('problem.field.required')))) }]}>
      <DatePicker.RangePicker allowEmpty={[false, true]} format="DD.MM.YYYY" style={{ width: '100%' }}
        placeholder={[t('marketing.field.startDate'), t('marketing.field.endDate')]} />
    </Form.Item>
  );
}

interface RecordDialogProps<F extends object, R extends { id: string; version: number }> {
  /** The collection's address, e.g. /api/deals/campaigns. */
  path: string;
  record: R | null;
  title: string;
  testId: string;
  initialValues: Partial<F>;
  toBody: (values: F) => Record<string, unknown>;
  /** The user may change it: otherwise the form is read-only and offers no saving or deleting. */
  editable: boolean;
  onClose: () => void;
  /** Called with what the server kept; the dialog closes unless this says to stay (it then shows the kept record). */
  onSaved?: (saved: R) => boolean | void;
  savedText: string;
  deletedText: string;
  deleteConfirm: string;
  children: (form: FormInstance<F>) => ReactNode;
  /** Shown under the form of a kept record (its promo codes, its document). */
  footer?: ReactNode;
  labelOf?: (field: string) => string | undefined;
}

/**
 * A record of the API in a dialog: a new one is POSTed, a kept one merge-patched with the version it was read at,
 * and deleted after a confirmation. Field complaints stand under their fields; others above the form.
 */
export function RecordDialog<F extends object, R extends { id: string; version: number }>(props: RecordDialogProps<F, R>) {
  const { record, path, editable } = props;
  const { t } = useTranslation();
  const problems = useMarketingProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<F>();
  // the fields the form shows (each registered one, filled or not)
  const shownFields = () => new Set(Object.keys(form.getFieldsValue() as object));
  const refresh = () => queries.invalidateQueries({ queryKey: MARKETING_KEY as unknown as QueryKey });
  const save = useMutation({
    mutationFn: (values: F) => {
      const body = props.toBody(values);
      return record
        ? api<R>(`${path}/${record.id}`, { method: 'PATCH', body: { ...body, version: record.version } })
        : api<R>(path, { method: 'POST', body });
    },
    onSuccess: (saved) => {
      void message.success(props.savedText);
      void refresh();
      if (!props.onSaved?.(saved)) props.onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        const onForm = e.fieldErrors.filter((f) => shownFields().has(formField(f.field)));
        form.setFields(onForm.map((f) => ({ name: formField(f.field), errors: [problems.field(f.message)] })) as never);
      }
    },
  });
  const remove = useMutation({
    mutationFn: () => api(`${path}/${record!.id}`, { method: 'DELETE' }),
    onSuccess: () => {
      void message.success(props.deletedText);
      void refresh();
      props.onClose();
    },
  });
  const failed = save.error ?? remove.error;
  // a complaint about a field the form shows stands under it; the rest (a conflict, a refused delete) above the form
  const unshown = failed instanceof ApiError && failed.fieldErrors.length > 0
    && failed.fieldErrors.every((f) => shownFields().has(formField(f.field)))
    ? null : failed;
  return (
    <Modal open title={props.title} onCancel={props.onClose} destroyOnHidden width={640}
      footer={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>
            {record && editable && (
              <Popconfirm title={props.deleteConfirm} onConfirm={() => remove.mutate()} okText={t('contacts.delete')} cancelText={t('contacts.cancel')}>
                <Button danger loading={remove.isPending}>{t('contacts.delete')}</Button>
              </Popconfirm>
            )}
          </span>
          <Space>
            <Button onClick={props.onClose}>{editable ? t('contacts.cancel') : t('marketing.close')}</Button>
            {editable && <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>{t('contacts.save')}</Button>}
          </Space>
        </Space>
      }>
      {unshown && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="dialog-problem"
          title={unshown instanceof ApiError && unshown.status === 409 ? t('problem.conflict') : problems.text(unshown, props.labelOf)} />
      )}
      <Form<F> form={form} layout="vertical" disabled={!editable} initialValues={props.initialValues} data-testid={props.testId}
        onFinish={(values) => save.mutate(values)}>
        {props.children(form)}
      </Form>
      {props.footer}
    </Modal>
  );
}

/** "N leads · M deals" of an attributed item, as one quiet line. */
export function AttributedCounts({ leads, deals }: { leads: number; deals: number }) {
  const { t } = useTranslation();
  return <Typography.Text type="secondary">{t('marketing.counts', { leads, deals })}</Typography.Text>;
}

/** A record of the API read by its id (the calendar opens items so), handed to `children` once it is there. */
export function RecordById<R>({ path, onClose, children }: { path: string; onClose: () => void; children: (record: R) => ReactNode }) {
  const problems = useMarketingProblems();
  const record = useQuery({ queryKey: [...MARKETING_KEY, 'one', path], queryFn: () => api<R>(path), retry: false });
  if (record.isError) {
    return (
      <Modal open onCancel={onClose} footer={null}>
        <Alert type="error" showIcon title={problems.text(record.error)} />
      </Modal>
    );
  }
  return record.data ? <>{children(record.data)}</> : null;
}
