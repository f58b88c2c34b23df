import { Alert, App as AntApp, Button, Form, InputNumber, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api';
import { useProblems } from '../../problems';
import { ProductPicker } from './pickers';
import { formatMoney, lineTotal, linesTotal, type Deal, type Line } from './model';
import { CARDS_KEY } from './queries';

interface Row {
  productId?: string | null;
  name?: string | null;
  quantity?: number | null;
  unitPrice?: number | null;
  discountPercent?: number | null;
}

/**
 * The deal's order lines (product or service, quantity, price, discount): a picked product brings its name and,
 * when it is priced in the deal's currency, its price. Saved together; the deal's amount becomes their total.
 */
export function DealLines({ deal, editable }: { deal: Deal; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<{ lines: Row[] }>();
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  // the user's lines, kept over a reload of a deal someone (or the shop, or the contact link) changed meanwhile
  const draft = useRef<{ lines: Row[]; version: number } | null>(null);
  const rows = (Form.useWatch('lines', form) ?? deal.lines) as Row[];
  const save = useMutation({
    mutationFn: (values: { lines: Row[] }) => api<Deal>(`/api/deals/deals/${deal.id}`, {
      method: 'PATCH',
      body: {
        version: deal.version,
        lines: (values.lines ?? []).map((l) => ({
          productId: l.productId ?? null,
          name: l.name ?? null,
          quantity: l.quantity ?? null,
          unitPrice: l.unitPrice ?? null,
          discountPercent: l.discountPercent ?? 0,
        })),
      },
    }),
    onSuccess: (updated) => {
      setError(null);
      queries.setQueryData([...CARDS_KEY, 'deals', deal.id], updated);
      void queries.invalidateQueries({ queryKey: CARDS_KEY });
      void message.success(t('contacts.saved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        setStale(true);
        return;
      }
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields(e.fieldErrors.map((f) => {
          const at = /^lines\[(\d+)\]\.(\w+)$/.exec(f.field);
          return { name: at ? ['lines', Number(at[1]), at[2]] : f.field, errors: [problems.field(f.message)] };
        }) as never);
      }
      setError(problems.text(e, (field) => /^lines\[(\d+)\]/.test(field) ? t('deals.lines.line', { n: Number(/\d+/.exec(field)![0]) + 1 }) : undefined));
    },
  });
  // the reloaded deal (a newer version) starts with the user's lines, once
  const kept = draft.current && draft.current.version !== deal.version ? draft.current.lines : null;
  const lines: Line[] | Row[] = kept ?? deal.lines;
  useEffect(() => {
    if (draft.current && draft.current.version !== deal.version) draft.current = null;
  }, [deal.version]);
  const reload = () => {
    draft.current = { lines: form.getFieldValue('lines') ?? [], version: deal.version };
    setStale(false);
    void queries.invalidateQueries({ queryKey: [...CARDS_KEY, 'deals', deal.id] });
  };
  return (
    <Form form={form} initialValues={{ lines }} disabled={!editable} onFinish={(v) => save.mutate(v)} data-testid="deal-lines"
      key={deal.version}>
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(null)} style={{ marginBottom: 12 }} />}
      {stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('deals.lines.stale')} data-testid="lines-stale"
          action={<Button size="small" onClick={reload}>{t('deals.lines.reload')}</Button>} />
      )}
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field) => {
              const row = rows?.[field.name] ?? {};
              return (
                <Space key={field.key} align="start" wrap data-testid="line">
                  <Form.Item name={[field.name, 'productId']} rules={[{ required: true, message: t('deals.lines.productRequired') }]} style={{ marginBottom: 8 }}>
                    <ProductPicker aria-label={t('deals.lines.product')} placeholder={t('deals.lines.product')} style={{ width: 240 }}
                      currentLabel={row.name}
                      onProduct={(p) => {
                        form.setFieldValue(['lines', field.name, 'name'], p.name);
                        if (p.currency === deal.currency) form.setFieldValue(['lines', field.name, 'unitPrice'], p.price);
                      }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'quantity']} rules={[{ required: true, message: t('deals.lines.quantityRequired') }]} style={{ marginBottom: 8 }}>
                    <InputNumber aria-label={t('deals.lines.quantity')} placeholder={t('deals.lines.quantity')} min={0.001} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'unitPrice']} style={{ marginBottom: 8 }}>
                    <InputNumber aria-label={t('deals.lines.price')} placeholder={t('deals.lines.price')} min={0} precision={2} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'discountPercent']} style={{ marginBottom: 8 }}>
                    <InputNumber aria-label={t('deals.lines.discount')} placeholder={t('deals.lines.discount')} min={0} max={100} suffix="%" style={{ width: 100 }} />
                  </Form.Item>
                  <Typography.Text style={{ lineHeight: '32px', minWidth: 100, display: 'inline-block' }} data-testid="line-total">
                    {formatMoney(lineTotal(row.quantity, row.unitPrice, row.discountPercent), deal.currency, i18n.language)}
                  </Typography.Text>
                  {editable && <Button icon={<DeleteOutlined />} aria-label={t('deals.lines.remove')} onClick={() => remove(field.name)} />}
                </Space>
              );
            })}
            {editable && <Button icon={<PlusOutlined />} onClick={() => add({ quantity: 1, discountPercent: 0 })}>{t('deals.lines.add')}</Button>}
            <Typography.Text strong data-testid="lines-total">
              {t('deals.lines.total')}: {formatMoney(linesTotal((rows ?? []).map((r) => ({
                quantity: r.quantity ?? 0, unitPrice: r.unitPrice ?? null, discountPercent: r.discountPercent ?? 0,
              }))), deal.currency, i18n.language)}
            </Typography.Text>
            {editable && <Button type="primary" htmlType="submit" loading={save.isPending}>{t('deals.lines.save')}</Button>}
          </Space>
        )}
      </Form.List>
    </Form>
  );
}
