import { useState } from 'react';
import { Alert, Button, Empty, Form, Input, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type Me } from '../../api';
import { cardKey, fullName, type CardKind, type StaffMember } from './model';

/** A comment as contacts-service shows it. */
interface Comment {
  id: string;
  authorId: string;
  body: string;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
}

interface Draft {
  body: string;
  mentions?: string[];
}

/**
 * Colleagues talking about the client: anyone who sees the card (a contact's, or a company's with `card` =
 * 'companies') may comment and mention active colleagues.
 */
export function ContactComments({ id, me, staff, staffName, card = 'contacts' }: {
  id: string;
  me: Me;
  staff: StaffMember[];
  staffName: (id: string | null) => string | null;
  card?: CardKind;
}) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const [form] = Form.useForm<Draft>();
  const [error, setError] = useState<string | null>(null);
  const comments = useInfiniteQuery({
    queryKey: [...cardKey(card, id), 'comments'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<{ items: Comment[]; nextCursor: string | null }>(
      `/api/${card}/${id}/comments?limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => void queries.invalidateQueries({ queryKey: [...cardKey(card, id), 'comments'] });
  const shown = (e: Error) => setError(e instanceof ApiError && e.fieldErrors.length
    ? e.fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ') : e.message);
  const add = useMutation({
    mutationFn: (draft: Draft) => api(`/api/${card}/${id}/comments`, {
      method: 'POST', body: { body: draft.body.trim(), mentions: draft.mentions ?? [] },
    }),
    onSuccess: () => {
      form.resetFields();
      setError(null);
      refresh();
    },
    onError: shown,
  });
  const remove = useMutation({
    mutationFn: (commentId: string) => api(`/api/${card}/${id}/comments/${commentId}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: shown,
  });
  const colleagues = staff.filter((u) => u.status === 'ACTIVE').map((u) => ({ value: u.id, label: fullName(u) }));
  const all = comments.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="comments">
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
      <Form form={form} layout="vertical" onFinish={(draft) => add.mutate(draft)}>
        <Form.Item name="body" rules={[{ required: true, whitespace: true, max: 5000 }]} style={{ marginBottom: 8 }}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} placeholder={t('contacts.comments.placeholder')}
            aria-label={t('contacts.comments.placeholder')} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="mentions" noStyle>
            <Select mode="multiple" allowClear options={colleagues} optionFilterProp="label" style={{ minWidth: 260 }}
              placeholder={t('contacts.comments.mention')} aria-label={t('contacts.comments.mention')} maxCount={20} />
          </Form.Item>
          <Button key={`post-${add.isPending}`} type="primary" htmlType="submit" loading={add.isPending}>
            {t('contacts.comments.post')}
          </Button>
        </Space>
      </Form>
      {comments.isPending ? <Spin /> : all.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contacts.comments.empty')} />
      ) : all.map((c) => (
        <div key={c.id} data-testid="comment" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12 }}>
          <Space wrap>
            <Typography.Text strong>{staffName(c.authorId) ?? t('contacts.history.unknownUser')}</Typography.Text>
            <Typography.Text type="secondary">
              {new Date(c.createdAt).toLocaleString(i18n.language)}
              {c.editedAt && ` · ${t('contacts.comments.edited')}`}
            </Typography.Text>
            {(c.authorId === me.id || me.role === 'ADMIN') && (
              <Popconfirm title={t('contacts.comments.deleteConfirm')} onConfirm={() => remove.mutate(c.id)}>
                <Button type="link" size="small" danger>{t('contacts.delete')}</Button>
              </Popconfirm>
            )}
          </Space>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{c.body}</Typography.Paragraph>
          {c.mentions.map((m) => <Tag key={m}>@{staffName(m) ?? t('contacts.history.unknownUser')}</Tag>)}
        </div>
      ))}
      {comments.hasNextPage && (
        <Button onClick={() => comments.fetchNextPage()} loading={comments.isFetchingNextPage}>{t('contacts.more')}</Button>
      )}
    </Space>
  );
}
