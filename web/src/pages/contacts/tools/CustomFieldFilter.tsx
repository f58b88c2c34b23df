import { useState } from 'react';
import { DatePicker, Input, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomFields } from './customFields';
import type { CardType, CustomFieldDefinition } from './model';

/** The value box of one custom field, by its type; a value is applied as soon as it is chosen or entered. */
function ValueInput({ field, onPick }: { field: CustomFieldDefinition; onPick: (value: string) => void }) {
  const { t } = useTranslation();
  const label = t('contactTools.filter.valueOf', { label: field.label });
  switch (field.type) {
    case 'SELECT':
    case 'MULTI_SELECT':
      return <Select autoFocus defaultOpen placeholder={label} aria-label={label} style={{ width: 180 }}
        options={field.options.map((o) => ({ value: o, label: o }))} onChange={onPick} />;
    case 'BOOLEAN':
      return <Select autoFocus defaultOpen placeholder={label} aria-label={label} style={{ width: 140 }} onChange={onPick}
        options={[{ value: 'true', label: t('contacts.yes') }, { value: 'false', label: t('contacts.no') }]} />;
    case 'DATE':
      return <DatePicker autoFocus aria-label={label} placeholder={label} onChange={(d) => d && onPick(d.format('YYYY-MM-DD'))} />;
    default:
      return <Input.Search autoFocus placeholder={label} aria-label={label} style={{ width: 200 }}
        enterButton={t('contactTools.filter.apply')} onSearch={(v) => v.trim() && onPick(v.trim())} />;
  }
}

/**
 * Filters a list by the custom fields of its cards, contacts' or companies' (`cf.<key>=<value>`, an exact value
 * each); chosen ones are closable tags.
 */
export function CustomFieldFilter({ entity = 'CONTACT', value, onChange }: {
  entity?: CardType;
  value: Record<string, string>;
  onChange: (cf: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const fields = useCustomFields(entity);
  const [picking, setPicking] = useState<string>();
  const all = fields.data ?? [];
  if (all.length === 0) {
    return null;
  }
  const field = all.find((f) => f.key === picking);
  const shown = (f: CustomFieldDefinition, v: string) =>
    f.type === 'BOOLEAN' ? (v === 'true' ? t('contacts.yes') : t('contacts.no')) : v;

  return (
    <Space wrap data-testid="custom-filter">
      {Object.entries(value).map(([key, v]) => {
        const f = all.find((d) => d.key === key);
        return (
          <Tag key={key} closable color="blue" data-testid={`cf-filter-${key}`} closeIcon
            onClose={() => onChange(Object.fromEntries(Object.entries(value).filter(([k]) => k !== key)))}>
            {f ? `${f.label}: ${shown(f, v)}` : `${key}: ${v}`}
          </Tag>
        );
      })}
      <Select allowClear placeholder={t('contactTools.filter.field')} aria-label={t('contactTools.filter.field')} style={{ width: 180 }}
        value={picking} onChange={setPicking}
        options={all.filter((f) => !(f.key in value)).map((f) => ({ value: f.key, label: f.label }))} />
      {field && <ValueInput key={field.key} field={field} onPick={(v) => {
        setPicking(undefined);
        onChange({ ...value, [field.key]: v });
      }} />}
    </Space>
  );
}
