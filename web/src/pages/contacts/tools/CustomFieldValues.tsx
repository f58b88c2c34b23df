import { useEffect, useState } from 'react';
import { DatePicker, Descriptions, InputNumber, Select, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ContactPatch } from '../useContactPatch';
import { useCustomFields } from './customFields';
import { customValueText, type CardType, type CustomFieldDefinition } from './model';

/** A number edited in place: saved when the box is left or Enter is pressed, if it changed. */
function NumberValue({ value, label, onSave }: { value: number | null; label: string; onSave: (value: number | null) => void }) {
  const [draft, setDraft] = useState<number | null>(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onSave(draft);
  };
  return <InputNumber value={draft} aria-label={label} style={{ width: 200 }} onChange={(v) => setDraft(v === null ? null : Number(v))}
    onBlur={commit} onPressEnter={commit} />;
}

/** One custom field's value, shown or edited by its type; an emptied value is removed from the card. */
function Value({ field, value, editable, onSave }: {
  field: CustomFieldDefinition;
  value: unknown;
  editable: boolean;
  onSave: (value: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  if (!editable) {
    const text = field.type === 'DATE' && typeof value === 'string'
      ? dayjs(value).toDate().toLocaleDateString(i18n.language)
      : customValueText(value, t('contacts.yes'), t('contacts.no'));
    return <Typography.Text type={text ? undefined : 'secondary'}>{text || '—'}</Typography.Text>;
  }
  switch (field.type) {
    case 'TEXT':
      return (
        <Typography.Text type={value ? undefined : 'secondary'} editable={{
          text: typeof value === 'string' ? value : '',
          maxLength: 1000,
          triggerType: ['icon', 'text'],
          onChange: (text) => {
            const trimmed = text.trim();
            if (trimmed !== (value ?? '')) onSave(trimmed === '' ? null : trimmed);
          },
        }}>
          {typeof value === 'string' && value ? value : '—'}
        </Typography.Text>
      );
    case 'NUMBER':
      return <NumberValue value={typeof value === 'number' ? value : value ? Number(value) : null} label={field.label} onSave={onSave} />;
    case 'DATE':
      return <DatePicker value={typeof value === 'string' ? dayjs(value) : null} aria-label={field.label}
        onChange={(d) => onSave(d ? d.format('YYYY-MM-DD') : null)} />;
    case 'BOOLEAN':
      return <Switch checked={value === true} aria-label={field.label} onChange={onSave} />;
    case 'SELECT':
      return <Select allowClear value={typeof value === 'string' ? value : undefined} aria-label={field.label} style={{ minWidth: 200 }}
        placeholder="—" options={field.options.map((o) => ({ value: o, label: o }))} onChange={(v?: string) => onSave(v ?? null)} />;
    case 'MULTI_SELECT':
      return <Select mode="multiple" allowClear value={Array.isArray(value) ? value : []} aria-label={field.label} style={{ minWidth: 240 }}
        placeholder="—" options={field.options.map((o) => ({ value: o, label: o }))}
        onChange={(v: string[]) => onSave(v.length ? v : null)} />;
  }
}

/** A card's custom fields (the ones an administrator defined for its kind of card), each saved on its own. */
export function CustomFieldValues({ entity = 'CONTACT', values, editable, patch }: {
  entity?: CardType;
  values: Record<string, unknown> | null | undefined;
  editable: boolean;
  patch: ContactPatch;
}) {
  const { t } = useTranslation();
  const fields = useCustomFields(entity);
  if (!fields.data?.length) {
    return null;
  }
  return (
    <Descriptions title={t('contacts.field.customFields')} bordered size="small" column={{ xs: 1, md: 2 }} data-testid="custom-values"
      items={fields.data.map((field) => {
        const error = patch.errors[`customFields.${field.key}`];
        return {
          key: field.key,
          label: field.label,
          children: (
            <div data-testid={`custom-${field.key}`}>
              <Value field={field} value={values?.[field.key]} editable={editable}
                onSave={(value) => patch.change({ customFields: { [field.key]: value } })} />
              {error && <div><Typography.Text type="danger">{error}</Typography.Text></div>}
            </div>
          ),
        };
      })} />
  );
}
