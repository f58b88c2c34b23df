import { useEffect, useState, type ReactNode } from 'react';
import { Button, Card, DatePicker, Descriptions, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api';
import { OwnerSelect } from './OwnerSelect';
import type { ContactPatch } from './useContactPatch';
import { KINDS, STATUSES, type Contact, type StaffMember } from './model';
import { CustomFieldValues } from './tools/CustomFieldValues';
import { SourceField, TagSelect } from './suggestions';

/** One field of the card: its value or control, and the server's complaint about it after a refused change. */
export function Field({ name, errors, children }: { name: string; errors: Record<string, string>; children: ReactNode }) {
  const error = Object.entries(errors).find(([field]) => field === name || field.startsWith(`${name}[`) || field.startsWith(`${name}.`));
  return (
    <div data-testid={`field-${name}`} style={{ width: '100%' }}>
      {children}
      {error && <div><Typography.Text type="danger">{error[1]}</Typography.Text></div>}
    </div>
  );
}

/** A line of text edited in place; a cleared text is sent as null (the field is emptied). */
export function EditableText({ value, editable, maxLength, onSave }: {
  value: string | null;
  editable: boolean;
  maxLength: number;
  onSave: (value: string | null) => void;
}) {
  return (
    <Typography.Text type={value ? undefined : 'secondary'} editable={editable && {
      text: value ?? '',
      maxLength,
      triggerType: ['icon', 'text'],
      onChange: (text) => {
        const trimmed = text.trim();
        if (trimmed !== (value ?? '')) onSave(trimmed === '' ? null : trimmed);
      },
    }}>
      {value ?? '—'}
    </Typography.Text>
  );
}

/** Tags are kept on screen as typed and saved on each change; the company's tags are suggested as the user types. */
export function TagsField({ tags, editable, onSave, list = 'contacts/tags' }: {
  tags: string[];
  editable: boolean;
  onSave: (tags: string[]) => void;
  list?: 'contacts/tags' | 'companies/tags';
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(tags);
  useEffect(() => setDraft(tags), [tags]);
  if (!editable) {
    return tags.length ? <>{tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</> : <Typography.Text type="secondary">—</Typography.Text>;
  }
  return (
    <TagSelect list={list} value={draft} style={{ minWidth: 240 }} aria-label={t('contacts.field.tags')} onChange={(next) => {
      setDraft(next);
      onSave(next);
    }} />
  );
}

/** Notes span several lines, so they get a text area and explicit save. */
export function NotesField({ notes, editable, onSave }: { notes: string | null; editable: boolean; onSave: (notes: string | null) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} type={notes ? undefined : 'secondary'}>
          {notes ?? t('contacts.noNotes')}
        </Typography.Paragraph>
        {editable && <Button size="small" onClick={() => setDraft(notes ?? '')}>{t('contacts.edit')}</Button>}
      </Space>
    );
  }
  const save = () => onSave(draft.trim() === '' ? null : draft).then(() => setDraft(null), () => undefined);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.TextArea autoFocus value={draft} maxLength={10_000} autoSize={{ minRows: 3, maxRows: 16 }}
        aria-label={t('contacts.field.notes')} onChange={(e) => setDraft(e.target.value)} />
      <Space>
        <Button type="primary" size="small" onClick={save}>{t('contacts.save')}</Button>
        <Button size="small" onClick={() => setDraft(null)}>{t('contacts.cancel')}</Button>
      </Space>
    </Space>
  );
}

/** The card's fields, each saved on its own as the user changes it (read-only for a marketer). */
export function ContactDetails({ contact: c, me, staff, ownerName, editable, patch }: {
  contact: Contact;
  me: Me;
  staff: StaffMember[];
  ownerName: string | null;
  editable: boolean;
  patch: ContactPatch;
}) {
  const { t, i18n } = useTranslation();
  const field = (name: string, children: ReactNode, span?: number) => ({
    key: name, label: t(`contacts.field.${name}`), span, children: <Field name={name} errors={patch.errors}>{children}</Field>,
  });
  const text = (name: 'lastName' | 'firstName' | 'middleName' | 'position' | 'paymentPreference' | 'deliveryPreference',
    maxLength: number) =>
    field(name, <EditableText value={c[name]} editable={editable} maxLength={maxLength} onSave={(v) => patch.change({ [name]: v })} />);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}
        items={[
          text('lastName', 100),
          text('firstName', 100),
          text('middleName', 100),
          field('kind', editable
            ? <Select value={c.kind} style={{ width: 200 }} aria-label={t('contacts.field.kind')} onChange={(kind) => patch.change({ kind })}
                options={KINDS.map((k) => ({ value: k, label: t(`contacts.kind.${k}`) }))} />
            : t(`contacts.kind.${c.kind}`)),
          field('status', editable
            ? <Select value={c.status} style={{ width: 200 }} aria-label={t('contacts.field.status')} onChange={(status) => patch.change({ status })}
                options={STATUSES.map((s) => ({ value: s, label: t(`contacts.status.${s}`) }))} />
            : t(`contacts.status.${c.status}`)),
          field('ownerId', editable
            ? <OwnerSelect me={me} staff={staff} value={c.ownerId} aria-label={t('contacts.field.ownerId')}
                onChange={(ownerId) => patch.change({ ownerId })} />
            : ownerName ?? t('contacts.unassigned')),
          field('vip', <Switch checked={c.vip} disabled={!editable} aria-label={t('contacts.field.vip')}
            onChange={(vip) => patch.change({ vip })} />),
          text('position', 100),
          field('birthDate', editable
            ? <DatePicker value={c.birthDate ? dayjs(c.birthDate) : null} aria-label={t('contacts.field.birthDate')}
                disabledDate={(d) => !d.isBefore(dayjs(), 'day')}
                onChange={(d) => patch.change({ birthDate: d ? d.format('YYYY-MM-DD') : null })} />
            : c.birthDate ? dayjs(c.birthDate).toDate().toLocaleDateString(i18n.language) : '—'),
          field('source', <SourceField value={c.source} editable={editable} onSave={(source) => patch.change({ source })} />),
          field('tags', <TagsField tags={c.tags} editable={editable} onSave={(tags) => patch.change({ tags })} />),
        ]} />
      <CustomFieldValues values={c.customFields} editable={editable} patch={patch} />
      <Descriptions title={t('contacts.preferences')} bordered size="small" column={1}
        items={[
          text('paymentPreference', 200),
          text('deliveryPreference', 200),
          field('newsConsent', <Switch checked={c.newsConsent} disabled={!editable} aria-label={t('contacts.field.newsConsent')}
            onChange={(newsConsent) => patch.change({ newsConsent })} />),
        ]} />
      <Card size="small" title={t('contacts.field.notes')}>
        <Field name="notes" errors={patch.errors}>
          <NotesField notes={c.notes} editable={editable} onSave={(notes) => patch.save({ notes })} />
        </Field>
      </Card>
      <Typography.Text type="secondary">
        {t('contacts.createdAt', { at: new Date(c.createdAt).toLocaleString(i18n.language) })}
        {' · '}
        {t('contacts.updatedAt', { at: new Date(c.updatedAt).toLocaleString(i18n.language) })}
      </Typography.Text>
    </Space>
  );
}
