import { useRef, useState } from 'react';
import { Button, Card, Empty, Form, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { PointsEditor } from './PointsEditor';
import type { ContactPatch } from './useContactPatch';
import { formPath, toPointInputs, type Point, type PointRow } from './model';
import { useProblems } from '../../problems';
import { CallButton } from '../telephony/CallButton';

/**
 * A point as something to click where it makes sense: a phone to call through the exchange (click to call), an
 * address to write to, a site to open.
 */
function PointValue({ point, contactId }: { point: Point; contactId?: string }) {
  switch (point.kind) {
    case 'PHONE':
      return <CallButton number={point.value} contactId={contactId} />;
    case 'EMAIL':
      return <a href={`mailto:${point.value}`}>{point.value}</a>;
    case 'WEBSITE':
      return <a href={point.value} target="_blank" rel="noopener noreferrer">{point.value}</a>;
    default:
      return <Typography.Text>{point.value}</Typography.Text>;
  }
}

/** The card's phones, e-mails and other points; edited as a whole list (the PATCH replaces `points`). */
export function PointsSection({ points, editable, patch, title, contactId }: {
  points: Point[];
  editable: boolean;
  patch: ContactPatch;
  /** The section's heading, when "how to reach them" does not fit the card (a company's). */
  title?: string;
  /** The contact whose phones these are, for the calls made from them (a company's phones name no contact). */
  contactId?: string;
}) {
  const { t } = useTranslation();
  const problems = useProblems();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ points: PointRow[] }>();
  const rowOf = useRef<number[]>([]);

  const save = async ({ points: rows }: { points?: PointRow[] }) => {
    const sent = toPointInputs(rows ?? []);
    rowOf.current = sent.rowOf;
    try {
      await patch.save({ points: sent.points });
      setEditing(false);
    } catch (e) {
      if (e instanceof ApiError) {
        form.setFields(e.fieldErrors.filter((f) => f.field.startsWith('points'))
          .map((f) => ({ name: formPath(f.field, rowOf.current) as never, errors: [problems.field(f.message)] })));
      }
    }
  };

  return (
    <Card size="small" title={title ?? t('contacts.field.points')} data-testid="points"
      extra={editable && !editing && <Button size="small" onClick={() => setEditing(true)}>{t('contacts.edit')}</Button>}>
      {editing ? (
        <Form form={form} onFinish={save} initialValues={{ points: points.map((p) => ({ ...p, label: p.label ?? undefined })) }}>
          <PointsEditor form={form} />
          <Space style={{ display: 'flex', marginTop: 16 }}>
            <Button type="primary" htmlType="submit">{t('contacts.save')}</Button>
            <Button onClick={() => setEditing(false)}>{t('contacts.cancel')}</Button>
          </Space>
        </Form>
      ) : points.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contacts.noPoints')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {points.map((p) => (
            <Space key={`${p.kind}-${p.value}`} wrap>
              <Typography.Text type="secondary" style={{ minWidth: 140, display: 'inline-block' }}>
                {t(`contacts.pointKind.${p.kind}`)}{p.label ? ` · ${p.label}` : ''}
              </Typography.Text>
              <PointValue point={p} contactId={contactId} />
              {p.primary && points.filter((o) => o.kind === p.kind).length > 1 && <Tag>{t('contacts.point.primary')}</Tag>}
            </Space>
          ))}
        </Space>
      )}
    </Card>
  );
}
