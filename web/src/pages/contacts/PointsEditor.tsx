import { Button, Form, Input, Radio, Select, Space, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { POINT_KINDS, type PointKind, type PointRow } from './model';

/**
 * The `points` rows of a contact form: kind, value, label, and which one of each kind is the primary one.
 * Server errors land on the rows through their form names (see formPath).
 */
export function PointsEditor({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const rows: PointRow[] = Form.useWatch('points', form) ?? [];
  const current = (): PointRow[] => form.getFieldValue('points') ?? [];
  // one primary per kind: choosing a row unmarks the others of its kind
  const makePrimary = (index: number) => {
    const all = current();
    form.setFieldValue('points', all.map((row, i) => (row.kind === all[index].kind ? { ...row, primary: i === index } : row)));
  };
  const kindChanged = (index: number, kind: PointKind) => {
    const others = current().some((row, i) => i !== index && row.kind === kind);
    form.setFieldValue(['points', index, 'primary'], !others);
  };

  return (
    <Form.List name="points">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => {
            const kind = rows[field.name]?.kind ?? 'PHONE';
            return (
              <Space key={field.key} align="start" wrap data-testid={`point-${field.name}`} style={{ display: 'flex' }}>
                <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
                  <Select aria-label={t('contacts.point.kind')} style={{ width: 160 }}
                    onChange={(value: PointKind) => kindChanged(field.name, value)}
                    options={POINT_KINDS.map((k) => ({ value: k, label: t(`contacts.pointKind.${k}`) }))} />
                </Form.Item>
                <Form.Item name={[field.name, 'value']} rules={[{ max: 500 }]} style={{ marginBottom: 8 }}>
                  <Input placeholder={t(`contacts.pointKind.${kind}`)} aria-label={t(`contacts.pointKind.${kind}`)}
                    inputMode={kind === 'PHONE' ? 'tel' : kind === 'EMAIL' ? 'email' : undefined} style={{ width: 240 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'label']} rules={[{ max: 50 }]} style={{ marginBottom: 8 }}>
                  <Input placeholder={t('contacts.point.label')} aria-label={t('contacts.point.label')} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'primary']} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Radio onChange={() => makePrimary(field.name)}>{t('contacts.point.primary')}</Radio>
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('contacts.point.remove')} onClick={() => remove(field.name)} />
              </Space>
            );
          })}
          <div>
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'PHONE', primary: !current().some((row) => row.kind === 'PHONE') })}>
              {t('contacts.point.add')}
            </Button>
          </div>
        </>
      )}
    </Form.List>
  );
}
