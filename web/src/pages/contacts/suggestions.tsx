import { useRef, useState, type CSSProperties } from 'react';
import { AutoComplete, Button, Select, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useDebounced } from './useDebounced';

/**
 * The company's words contacts-service suggests (vocabulary.VocabularyController): the tags of contacts or of
 * companies, and the sources of contacts.
 */
export type WordList = 'contacts/tags' | 'contacts/sources' | 'companies/tags';

/** The words of the list that begin with (then hold) the text typed, asked for while `enabled` (an open input). */
export function useWords(list: WordList, typed: string, enabled = true) {
  const q = useDebounced(typed.trim(), 200);
  return useQuery({
    queryKey: ['vocabulary', list, q],
    queryFn: () => api<string[]>(`/api/${list}?q=${encodeURIComponent(q)}&limit=20`),
    enabled,
    staleTime: 30_000,
    // the words found so far stay offered while the next ones are asked for
    placeholderData: keepPreviousData,
  });
}

/**
 * Tags as a select of several: a typed tag is added with Enter or a comma, or picked among the company's tags
 * that the dropdown suggests as the user types.
 */
export function TagSelect({ list, value, onChange, id, placeholder, style, ...aria }: {
  list: 'contacts/tags' | 'companies/tags';
  value?: string[];
  onChange?: (tags: string[]) => void;
  id?: string;
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}) {
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const words = useWords(list, typed, open);
  const chosen = value ?? [];
  return (
    <Select mode="tags" id={id} value={chosen} placeholder={placeholder} style={style} aria-label={aria['aria-label']}
      tokenSeparators={[',']} allowClear suffixIcon={null} open={open} onOpenChange={setOpen}
      showSearch={{ searchValue: typed, onSearch: setTyped, filterOption: false }}
      notFoundContent={null} data-testid={`suggest-${list.replace('/', '-')}`}
      options={(words.data ?? []).filter((w) => !chosen.includes(w)).map((w) => ({ value: w, label: w }))}
      onChange={(next: string[]) => {
        setTyped('');
        onChange?.(next.map((tag) => tag.trim()).filter((tag, i, all) => tag !== '' && all.indexOf(tag) === i));
      }} />
  );
}

/** A contact's source typed freely, with the sources the company already uses suggested as the user types. */
export function SourceInput({ value, onChange, onCommit, onCancel, autoFocus, style, placeholder, allowClear, ...aria }: {
  value?: string | null;
  onChange?: (source: string) => void;
  /** Enter, a picked suggestion or leaving the box (for an input that saves on its own). */
  onCommit?: (source: string) => void;
  /** Escape. */
  onCancel?: () => void;
  autoFocus?: boolean;
  style?: CSSProperties;
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
}) {
  const [open, setOpen] = useState(false);
  const words = useWords('contacts/sources', value ?? '', open);
  return (
    <AutoComplete value={value ?? ''} autoFocus={autoFocus} style={style} placeholder={placeholder} allowClear={allowClear}
      aria-label={aria['aria-label']} open={open} onOpenChange={setOpen} maxLength={100}
      options={(words.data ?? []).map((w) => ({ value: w, label: w }))}
      showSearch={{ filterOption: false }}
      onChange={(text: string) => onChange?.(text)}
      onSelect={(picked: string) => onCommit?.(picked)}
      onBlur={() => onCommit?.(value ?? '')}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && onCommit) onCommit(value ?? '');
        if (e.key === 'Escape' && onCancel) onCancel();
      }} />
  );
}

/** The card's source, edited in place with suggestions; a cleared source is sent as null. */
export function SourceField({ value, editable, onSave }: { value: string | null; editable: boolean; onSave: (source: string | null) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  // Enter and the blur that follows it, or a pick and Enter, must save once
  const editing = useRef(false);
  if (draft === null) {
    return (
      <Space size={4}>
        <Typography.Text type={value ? undefined : 'secondary'}>{value ?? '—'}</Typography.Text>
        {editable && (
          <Button type="link" size="small" icon={<EditOutlined />} aria-label={t('contacts.edit')} title={t('contacts.edit')}
            onClick={() => {
              editing.current = true;
              setDraft(value ?? '');
            }} />
        )}
      </Space>
    );
  }
  const commit = (text: string) => {
    if (!editing.current) return;
    editing.current = false;
    setDraft(null);
    const trimmed = text.trim();
    if (trimmed !== (value ?? '')) onSave(trimmed === '' ? null : trimmed);
  };
  return (
    <SourceInput autoFocus value={draft} onChange={setDraft} onCommit={commit} style={{ width: 240 }}
      onCancel={() => {
        editing.current = false;
        setDraft(null);
      }}
      aria-label={t('contacts.field.source')} />
  );
}
