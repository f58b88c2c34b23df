import { useState, type ReactNode } from 'react';
import { Alert, Button, DatePicker, Empty, Form, Input, Popconfirm, Radio, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../../api';
import { cardKey, CHANNELS, type CardKind, type Channel } from './model';
import { useProblems } from '../../problems';
import { projectedText, type ProjectedFacts } from './projected';

/** An interaction with the client, as contacts-service shows it. */
interface Entry {
  id: string;
  contactId: string | null;
  companyId: string | null;
  occurredAt: string;
  channel: Channel;
  direction: 'IN' | 'OUT' | null;
  summary: string;
  link: { type: string; id: string } | null;
  /** "manual" for an entry someone added here; otherwise the event it came from */
  source: string;
  authorId: string | null;
  /** For an entry projected from an event: what the event said */
  details: ProjectedFacts | null;
}

interface NewEntry {
  channel: Channel;
  direction?: 'IN' | 'OUT' | '';
  occurredAt?: Dayjs | null;
  summary: string;
}

/**
 * The client's communication history (`001_*`): what happened when, on which channel, who started it. On a
 * company's card (`card` = 'companies') it holds its contact persons' entries too, each named by `aboutContact`.
 */
export function ContactTimeline({ id, me, editable, staffName, card = 'contacts', aboutContact }: {
  id: string;
  me: Me;
  editable: boolean;
  staffName: (id: string | null) => string | null;
  card?: CardKind;
  /** Who an entry of another card (a company's contact person) is about. */
  aboutContact?: (contactId: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const queries = useQueryClient();
  const [form] = Form.useForm<NewEntry>();
  const [error, setError] = useState<string | null>(null);
  const entries = useInfiniteQuery({
    queryKey: [...cardKey(card, id), 'timeline'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<{ items: Entry[]; nextCursor: string | null }>(
      `/api/${card}/${id}/timeline?limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => void queries.invalidateQueries({ queryKey: [...cardKey(card, id), 'timeline'] });
  const labelOf = (field: string) => ['channel', 'direction', 'summary'].includes(field) ? t(`contacts.timeline.${field}`)
    : field === 'occurredAt' ? t('contacts.timeline.when') : undefined;
  const shown = (e: Error) => setError(problems.text(e, labelOf));
  const add = useMutation({
    mutationFn: (entry: NewEntry) => api(`/api/${card}/${id}/timeline`, {
      method: 'POST',
      body: {
        channel: entry.channel,
        direction: entry.direction || undefined,
        occurredAt: entry.occurredAt ? entry.occurredAt.toISOString() : undefined,
        summary: entry.summary.trim(),
      },
    }),
    onSuccess: () => {
      form.resetFields();
      setError(null);
      refresh();
    },
    onError: shown,
  });
  const remove = useMutation({
    mutationFn: (entryId: string) => api(`/api/${card}/${id}/timeline/${entryId}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: shown,
  });
  const all = entries.data?.pages.flatMap((p) => p.items) ?? [];
  // a company's timeline shows its people's entries too; those are removed on their own cards
  const own = (e: Entry) => (card === 'contacts' ? e.contactId : e.companyId) === id;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
      {editable && (
        <Form form={form} layout="vertical" initialValues={{ channel: 'CALL', direction: '' }} onFinish={(entry) => add.mutate(entry)}>
          <Space wrap align="start">
            <Form.Item name="channel" label={t('contacts.timeline.channel')} rules={[{ required: true }]}>
              <Select style={{ width: 170 }} options={CHANNELS.map((c) => ({ value: c, label: t(`contacts.channel.${c}`) }))} />
            </Form.Item>
            <Form.Item name="direction" label={t('contacts.timeline.direction')}>
              <Radio.Group optionType="button" options={[
                { value: '', label: '—' },
                { value: 'IN', label: t('contacts.direction.IN') },
                { value: 'OUT', label: t('contacts.direction.OUT') },
              ]} />
            </Form.Item>
            <Form.Item name="occurredAt" label={t('contacts.timeline.when')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={t('contacts.timeline.now')}
                disabledDate={(d) => d.isAfter(dayjs().add(1, 'year'))} />
            </Form.Item>
          </Space>
          <Form.Item name="summary" label={t('contacts.timeline.summary')} rules={[{ required: true, whitespace: true, max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Button key={`add-${add.isPending}`} type="primary" htmlType="submit" loading={add.isPending}>{t('contacts.timeline.add')}</Button>
        </Form>
      )}
      {entries.isPending ? <Spin /> : all.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contacts.timeline.empty')} />
      ) : (
        <Timeline data-testid="timeline" items={all.map((e) => ({
          key: e.id,
          content: (
            <div data-testid="timeline-entry">
              <Space wrap>
                <Typography.Text type="secondary">{new Date(e.occurredAt).toLocaleString(i18n.language)}</Typography.Text>
                <Tag>{t(`contacts.channel.${e.channel}`, { defaultValue: e.channel })}</Tag>
                {e.direction && (
                  <Typography.Text type="secondary">
                    {e.direction === 'IN' ? <ArrowDownOutlined /> : <ArrowUpOutlined />} {t(`contacts.direction.${e.direction}`)}
                  </Typography.Text>
                )}
                {!own(e) && e.contactId && aboutContact?.(e.contactId)}
                {e.authorId && <Typography.Text type="secondary">{staffName(e.authorId) ?? t('contacts.history.unknownUser')}</Typography.Text>}
                {own(e) && e.source === 'manual' && (e.authorId === me.id || me.role === 'ADMIN') && (
                  <Popconfirm title={t('contacts.timeline.deleteConfirm')} onConfirm={() => remove.mutate(e.id)}>
                    <Button type="link" size="small" danger>{t('contacts.delete')}</Button>
                  </Popconfirm>
                )}
              </Space>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                {projectedText(e.source, e.details, t, i18n.language, e.direction) ?? e.summary}
              </Typography.Paragraph>
              {/* projected entries link to a deal, lead, call, task or chat that has its own screen (or none yet):
                  the entry names it in its text; a link typed by hand is shown as it was typed */}
              {e.link && e.source === 'manual' && (
                <Typography.Text type="secondary">
                  {t(`contacts.linkType.${e.link.type}`, { defaultValue: e.link.type })} {e.link.id}
                </Typography.Text>
              )}
            </div>
          ),
        }))} />
      )}
      {entries.hasNextPage && (
        <Button onClick={() => entries.fetchNextPage()} loading={entries.isFetchingNextPage}>{t('contacts.more')}</Button>
      )}
    </Space>
  );
}
