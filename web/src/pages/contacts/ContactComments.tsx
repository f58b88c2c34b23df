import { useState, type ReactNode } from 'react';
import { Alert, Button, Empty, Form, Input, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../../api';
import { useProblems } from '../../problems';
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

/** The text and the colleagues to mention, then the form's buttons: the add form and the inline edit alike. */
function DraftFields({ colleagues, autoFocus, children }: {
  colleagues: { value: string; label: string }[];
  autoFocus?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="body" rules={[{ required: true, whitespace: true, max: 5000 }]} style={{ marginBottom: 8 }}>
        <Input.TextArea autoFocus={autoFocus} autoSize={{ minRows: 2, maxRows: 10 }} placeholder={t('contacts.comments.placeholder')}
          aria-label={t('contacts.comments.placeholder')} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="mentions" noStyle>
          <Select mode="multiple" allowClear options={colleagues} optionFilterProp="label" style={{ minWidth: 260 }}
            placeholder={t('contacts.comments.mention')} aria-label={t('contacts.comments.mention')} maxCount={20} />
        </Form.Item>
        {children}
      </Space>
    </>
  );
}

/** A comment changed in place by its author: its text and its mentions, saved or given up. */
function EditComment({ comment, colleagues, saving, onSave, onCancel }: {
  comment: Comment;
  colleagues: { value: string; label: string }[];
  saving: boolean;
  onSave: (draft: Draft) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Draft>();
  // a colleague mentioned since deactivated cannot be mentioned again
  const mentions = comment.mentions.filter((m) => colleagues.some((c) => c.value === m));
  return (
    <Form form={form} layout="vertical" data-testid="comment-edit" initialValues={{ body: comment.body, mentions }}
      onFinish={onSave} style={{ marginTop: 4 }}>
      <DraftFields colleagues={colleagues} autoFocus>
        <Button key={`save-${saving}`} type="primary" htmlType="submit" loading={saving}>{t('contacts.save')}</Button>
        <Button onClick={onCancel}>{t('contacts.cancel')}</Button>
      </DraftFields>
    </Form>
  );
}

/**
 * Colleagues talking about the client: anyone who sees the card (a contact's, or a company's with `card` =
 * 'companies') may comment and mention active colleagues. The author edits a comment in place (it is then
 * marked edited); the author or an administrator deletes it (comment.Comments allows no more).
 */
export function ContactComments({ id, me, staff, staffName, card = 'contacts', base, queryKey }: {
  id: string;
  me: Me;
  staff: StaffMember[];
  staffName: (id: string | null) => string | null;
  card?: CardKind;
  /** Another card's comments (a lead's: `/api/deals/leads/{id}`), and the query cache's key for them. */
  base?: string;
  queryKey?: unknown[];
}) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const [form] = Form.useForm<Draft>();
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const problems = useProblems();
  const path = `${base ?? `/api/${card}/${id}`}/comments`;
  const key = queryKey ?? [...cardKey(card, id), 'comments'];
  const comments = useInfiniteQuery({
    queryKey: key,
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<{ items: Comment[]; nextCursor: string | null }>(
      `${path}?limit=30${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => void queries.invalidateQueries({ queryKey: key });
  const labelOf = (field: string) => field === 'body' ? t('contacts.tab.comments')
    : field.startsWith('mentions') ? t('contacts.comments.mention') : undefined;
  const shown = (e: Error) => setError(problems.text(e, labelOf));
  const add = useMutation({
    mutationFn: (draft: Draft) => api(path, {
      method: 'POST', body: { body: draft.body.trim(), mentions: draft.mentions ?? [] },
    }),
    onSuccess: () => {
      form.resetFields();
      setError(null);
      refresh();
    },
    onError: shown,
  });
  const edit = useMutation({
    mutationFn: ({ commentId, draft }: { commentId: string; draft: Draft }) => api(`${path}/${commentId}`, {
      method: 'PUT', body: { body: draft.body.trim(), mentions: draft.mentions ?? [] },
    }),
    onSuccess: () => {
      setEditing(null);
      setError(null);
      refresh();
    },
    onError: shown,
  });
  const remove = useMutation({
    mutationFn: (commentId: string) => api(`${path}/${commentId}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: shown,
  });
  const colleagues = staff.filter((u) => u.status === 'ACTIVE').map((u) => ({ value: u.id, label: fullName(u) }));
  const all = comments.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="comments">
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} />}
      <Form form={form} layout="vertical" onFinish={(draft) => add.mutate(draft)} data-testid="comment-new">
        <DraftFields colleagues={colleagues}>
          <Button key={`post-${add.isPending}`} type="primary" htmlType="submit" loading={add.isPending}>
            {t('contacts.comments.post')}
          </Button>
        </DraftFields>
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
            {c.authorId === me.id && editing !== c.id && (
              <Button type="link" size="small" onClick={() => setEditing(c.id)}>{t('contacts.edit')}</Button>
            )}
            {(c.authorId === me.id || me.role === 'ADMIN') && (
              <Popconfirm title={t('contacts.comments.deleteConfirm')} onConfirm={() => remove.mutate(c.id)}
                okText={t('contacts.delete')} cancelText={t('contacts.cancel')} okButtonProps={{ danger: true }}>
                <Button type="link" size="small" danger>{t('contacts.delete')}</Button>
              </Popconfirm>
            )}
          </Space>
          {editing === c.id ? (
            <EditComment comment={c} colleagues={colleagues} saving={edit.isPending}
              onSave={(draft) => edit.mutate({ commentId: c.id, draft })} onCancel={() => setEditing(null)} />
          ) : (
            <>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{c.body}</Typography.Paragraph>
              {c.mentions.map((m) => <Tag key={m}>@{staffName(m) ?? t('contacts.history.unknownUser')}</Tag>)}
            </>
          )}
        </div>
      ))}
      {comments.hasNextPage && (
        <Button onClick={() => comments.fetchNextPage()} loading={comments.isFetchingNextPage}>{t('contacts.more')}</Button>
      )}
    </Space>
  );
}
