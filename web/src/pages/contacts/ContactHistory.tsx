import { Alert, Empty, Spin, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useProblems } from '../../problems';
import { cardKey, parseHistoryPoint, type CardKind, type Change } from './model';
import { useCustomFields } from './tools/customFields';

const COLORS: Record<Change['action'], string> = { CREATED: 'green', UPDATED: 'blue', DELETED: 'red' };

/**
 * Every change of the card (`002_*` client change history): who, when, and each field before and after. A
 * company's card (`card` = 'companies') names its own fields with `companies.field.*` texts.
 */
export function ContactHistory({ id, staffName, card = 'contacts' }: {
  id: string;
  staffName: (id: string | null) => string | null;
  card?: CardKind;
}) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  // custom values are kept by the field's key; the reader knows the field by its label
  const customFields = useCustomFields(card === 'companies' ? 'COMPANY' : 'CONTACT');
  const customLabel = (key: string) => customFields.data?.find((f) => f.key === key)?.label ?? key;
  const history = useQuery({ queryKey: [...cardKey(card, id), 'history'], queryFn: () => api<Change[]>(`/api/${card}/${id}/history`) });
  const fieldName = (field: string) => t(card === 'companies' ? [`companies.field.${field}`, `contacts.field.${field}`]
    : `contacts.field.${field}`, { defaultValue: field });

  const value = (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) {
      return '—';
    }
    if (typeof v === 'boolean') {
      return t(v ? 'contacts.yes' : 'contacts.no');
    }
    switch (field) {
      case 'status':
        return t(`contacts.status.${v}`);
      case 'kind':
        return t(`contacts.kind.${v}`);
      case 'ownerId':
        return staffName(String(v)) ?? t('contacts.history.unknownUser');
      case 'birthDate':
        return new Date(`${v}T00:00:00`).toLocaleDateString(i18n.language);
      case 'points':
        return (v as string[]).map((text) => {
          const point = parseHistoryPoint(text);
          return point
            ? `${t(`contacts.pointKind.${point.kind}`)}${point.label ? ` (${point.label})` : ''}: ${point.value}`
              + (point.primary ? ` (${t('contacts.point.primary')})` : '')
            : text;
        }).join('; ');
      default:
        if (Array.isArray(v)) return v.join(', ');
        if (typeof v === 'object') {
          // a custom value is a text, a number, a date, a yes or no, or a list of choices
          return Object.entries(v as object).map(([k, x]) => `${customLabel(k)}: ${typeof x === 'boolean'
            ? t(x ? 'contacts.yes' : 'contacts.no') : Array.isArray(x) ? x.join(', ') : String(x)}`).join(', ');
        }
        return String(v);
    }
  };

  if (history.isPending) {
    return <Spin />;
  }
  if (history.isError) {
    return <Alert type="error" showIcon title={problems.text(history.error)} />;
  }
  if (history.data.length === 0) {
    return <Empty description={t('contacts.history.empty')} />;
  }
  return (
    <Timeline data-testid="history" items={history.data.map((change) => ({
      key: change.revision,
      color: COLORS[change.action],
      content: (
        <div data-testid="history-entry">
          <Typography.Text strong>{t(`contacts.history.${change.action}`)}</Typography.Text>
          {' · '}
          {change.actorId ? staffName(change.actorId) ?? t('contacts.history.unknownUser') : t('contacts.history.system')}
          {' · '}
          <Typography.Text type="secondary">{new Date(change.at).toLocaleString(i18n.language)}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {change.fields.map((f) => (
              <li key={f.field}>
                <Typography.Text type="secondary">{fieldName(f.field)}: </Typography.Text>
                {f.field === 'photo'
                  // the values are versions of the picture, which say nothing to a reader: only what happened
                  ? t(`contactPhoto.history.${!f.from ? 'added' : !f.to ? 'removed' : 'replaced'}`)
                  : change.action === 'UPDATED'
                    ? <>{value(f.field, f.from)} → {value(f.field, f.to)}</>
                    : value(f.field, change.action === 'DELETED' ? f.from : f.to)}
              </li>
            ))}
          </ul>
        </div>
      ),
    }))} />
  );
}
