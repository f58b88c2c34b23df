import { useState } from 'react';
import { Button, Card, Divider, Form, Input, InputNumber, List, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../../api';
import { formatMoney } from '../deals/model';
import {
  KIND_COLORS, keepsMarketing, MECHANICS, periodText, PROMOTION_TYPES, termsText,
  type CursorPage, type Mechanic, type PromoCode, type Promotion, type PromotionType,
} from './model';
import {
  AttributedCounts, MARKETING_KEY, PeriodItem, periodBody, periodOf, RecordDialog, RecordTable, useCatalogue, type Period,
} from './parts';

/** What an offer gives in words, in the user's language and money. */
function useTerms() {
  const { t, i18n } = useTranslation();
  return (o: { mechanic: Mechanic | null; value: number | null; currency: string | null }) =>
    termsText(t, o.mechanic, o.value, o.currency, (amount, currency) => formatMoney(amount, currency, i18n.language));
}

/**
 * Promotions and discounts (`002_*` 2.1.4-2.1.7): what they give ("1+1=3", a percent, an amount off), on which
 * products, when; and the promo codes, alone or granting a promotion, with their limits and uses.
 */
export function Promotions({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('offers');
  return (
    <Card title={t('marketing.promotions.title')}>
      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: 'offers', label: t('marketing.promotions.tab'), children: <OfferList me={me} /> },
        { key: 'codes', label: t('marketing.codes.tab'), children: <CodeList me={me} />, destroyOnHidden: true },
      ]} />
    </Card>
  );
}

function OfferList({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const catalogue = useCatalogue();
  const terms = useTerms();
  const [type, setType] = useState<PromotionType>();
  const [editing, setEditing] = useState<Promotion | PromotionType | null>(null);
  const keeper = keepsMarketing(me.role);
  const filters = new URLSearchParams();
  if (type) filters.set('type', type);
  return (
    <>
      <RecordTable<Promotion> path="/api/deals/promotions" filters={filters} testId="promotions" emptyText={t('marketing.promotions.empty')}
        onOpen={setEditing}
        toolbar={
          <Select allowClear aria-label={t('marketing.field.type')} placeholder={t('marketing.field.type')} style={{ width: 160 }}
            value={type} onChange={setType} options={PROMOTION_TYPES.map((v) => ({ value: v, label: t(`marketing.type.${v}`) }))} />
        }
        actions={keeper && (
          <Space>
            <Button type="primary" onClick={() => setEditing('PROMOTION')}>{t('marketing.promotions.newPromotion')}</Button>
            <Button onClick={() => setEditing('DISCOUNT')}>{t('marketing.promotions.newDiscount')}</Button>
          </Space>
        )}
        columns={[
          { title: t('marketing.field.name'), dataIndex: 'name' },
          {
            title: t('marketing.field.type'),
            render: (_, p) => <Tag color={KIND_COLORS[p.type === 'PROMOTION' ? 'promotion' : 'discount']}>{t(`marketing.type.${p.type}`)}</Tag>,
          },
          { title: t('marketing.field.terms'), render: (_, p) => terms(p) },
          {
            title: t('marketing.field.products'),
            render: (_, p) => p.productIds.length === 0 ? t('marketing.field.productsAll') : p.productIds.map((id) => catalogue.name(id) ?? '…').join(', '),
          },
          { title: t('marketing.field.period'), render: (_, p) => periodText(t, p.startDate, p.endDate, i18n.language) },
          { title: t('marketing.field.attributed'), render: (_, p) => <AttributedCounts leads={p.attributed.leads} deals={p.attributed.deals} /> },
        ]} />
      {editing && (
        <PromotionDialog promotion={typeof editing === 'string' ? null : editing} type={typeof editing === 'string' ? editing : editing.type}
          editable={keeper} onClose={() => setEditing(null)} />
      )}
    </>
  );
}

/** The value an offer's mechanic needs, under the name it has for that mechanic, and a currency for an amount off. */
function TermsFields({ optional = false }: { optional?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const mechanic = Form.useWatch('mechanic', form) as Mechanic | undefined;
  const valued = mechanic === 'BUNDLE' || mechanic === 'PERCENT' || mechanic === 'FIXED_AMOUNT';
  return (
    <Space wrap align="start">
      <Form.Item name="mechanic" label={t('marketing.field.mechanic')} rules={optional ? [] : [{ required: true }]}>
        <Select allowClear={optional} style={{ width: 220 }} placeholder={optional ? t('marketing.codes.mechanicOfPromotion') : undefined}
          options={MECHANICS.map((m) => ({ value: m, label: t(`marketing.mechanic.${m}`) }))} />
      </Form.Item>
      {valued && (
        <Form.Item name="value" label={t(`marketing.value.${mechanic}`)} rules={[{ required: mechanic !== 'BUNDLE' }]}>
          <InputNumber min={mechanic === 'BUNDLE' ? 1 : 0} max={mechanic === 'PERCENT' ? 100 : undefined}
            precision={mechanic === 'BUNDLE' ? 0 : 2} style={{ width: 140 }} />
        </Form.Item>
      )}
      {mechanic === 'FIXED_AMOUNT' && (
        <Form.Item name="currency" label={t('deals.field.currency')}><Input maxLength={3} style={{ width: 90 }} /></Form.Item>
      )}
    </Space>
  );
}

/** An offer's mechanic, value and currency as the API takes them: a value only where the mechanic has one. */
function termsBody(v: { mechanic?: Mechanic | null; value?: number | null; currency?: string | null }) {
  const valued = v.mechanic === 'BUNDLE' || v.mechanic === 'PERCENT' || v.mechanic === 'FIXED_AMOUNT';
  return {
    mechanic: v.mechanic ?? null,
    value: valued ? v.value ?? null : null,
    currency: v.mechanic === 'FIXED_AMOUNT' ? v.currency?.trim() || null : null,
  };
}

interface PromotionForm {
  type: PromotionType;
  name: string;
  mechanic: Mechanic;
  value: number | null;
  currency: string | null;
  productIds: string[];
  period: Period;
  description: string | null;
}

/** A promotion or discount to create or edit, with its promo codes once it is kept. */
export function PromotionDialog({ promotion, type, editable, onClose }: {
  promotion: Promotion | null;
  type: PromotionType;
  editable: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const [kept, setKept] = useState(promotion);
  const labels: Record<string, string> = { name: t('marketing.field.name'), value: t('marketing.field.value'), productIds: t('marketing.field.products') };
  return (
    <RecordDialog<PromotionForm, Promotion> key={kept?.id ?? 'new'} path="/api/deals/promotions" record={kept} testId="promotion-form" editable={editable}
      title={t(kept ? `marketing.promotions.edit.${kept.type}` : `marketing.promotions.new.${type}`)} onClose={onClose}
      savedText={t('marketing.promotions.saved')} deletedText={t('marketing.promotions.deleted')} deleteConfirm={t('marketing.promotions.deleteConfirm')}
      labelOf={(f) => labels[f.replace(/\[\d+\]$/, '')]}
      // a new offer stays open, so that its promo codes can be issued at once
      onSaved={(saved) => {
        const wasNew = !kept;
        setKept(saved);
        return wasNew;
      }}
      initialValues={kept ? { ...kept, period: periodOf(kept) } : { type, mechanic: 'PERCENT', productIds: [], currency: 'UAH' }}
      toBody={(v) => ({
        type: v.type, name: v.name, ...termsBody(v), productIds: v.productIds ?? [], ...periodBody(v.period),
        description: v.description?.trim() || null,
      })}
      footer={kept && <OfferCodes promotion={kept} editable={editable} />}>
      {() => (
        <>
          <Space wrap align="start">
            <Form.Item name="type" label={t('marketing.field.type')}>
              <Select style={{ width: 160 }} options={PROMOTION_TYPES.map((v) => ({ value: v, label: t(`marketing.type.${v}`) }))} />
            </Form.Item>
            <Form.Item name="name" label={t('marketing.field.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
              <Input style={{ width: 360 }} />
            </Form.Item>
          </Space>
          <TermsFields />
          <Form.Item name="productIds" label={t('marketing.field.products')} extra={t('marketing.field.productsHelp')}>
            <Select mode="multiple" allowClear optionFilterProp="label" aria-label={t('marketing.field.products')}
              options={catalogue.products.map((p) => ({ value: p.id, label: p.sku ? `${p.name} (${p.sku})` : p.name }))} />
          </Form.Item>
          <PeriodItem />
          <DescriptionItem />
        </>
      )}
    </RecordDialog>
  );
}

/** An offer's description. */
function DescriptionItem() {
  const { t } = useTranslation();
  return (
    <Form.Item name="description" label={t('marketing.field.description')} rules={[{ max: 5000 }]}>
      <Input.TextArea autoSize={{ minRows: 2 }} />
    </Form.Item>
  );
}

/** The promo codes that grant a promotion, and a new one for it. */
function OfferCodes({ promotion, editable }: { promotion: Promotion; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<PromoCode | 'new' | null>(null);
  const codes = useQuery({
    queryKey: [...MARKETING_KEY, 'codes-of', promotion.id],
    queryFn: () => api<CursorPage<PromoCode>>(`/api/deals/promo-codes?promotionId=${promotion.id}&limit=200`),
  });
  return (
    <div data-testid="promotion-codes">
      <Divider titlePlacement="start">{t('marketing.codes.ofPromotion')}</Divider>
      <List size="small" loading={codes.isPending} dataSource={codes.data?.items ?? []} locale={{ emptyText: t('marketing.codes.noneForPromotion') }}
        renderItem={(c) => (
          <List.Item actions={[<Button key="open" type="link" onClick={() => setEditing(c)}>{editable ? t('contacts.edit') : t('marketing.open')}</Button>]}>
            <Space>
              <Typography.Text code>{c.code}</Typography.Text>
              <UsesText code={c} />
            </Space>
          </List.Item>
        )} />
      {editable && <Button onClick={() => setEditing('new')} style={{ marginTop: 8 }}>{t('marketing.codes.new')}</Button>}
      {editing && (
        <PromoCodeDialog code={editing === 'new' ? null : editing} promotionId={promotion.id} editable={editable} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}

/** How often a code was used, and what its limit leaves. */
function UsesText({ code }: { code: PromoCode }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary">
      {code.usageLimit === null
        ? t('marketing.codes.usedUnlimited', { used: code.used })
        : t('marketing.codes.usedOf', { used: code.used, limit: code.usageLimit, remaining: code.remaining ?? 0 })}
    </Typography.Text>
  );
}

/** The company's promotions and discounts (the first 200), for a promo code to grant one. */
function usePromotionNames() {
  const promotions = useQuery({
    queryKey: [...MARKETING_KEY, 'promotion-names'],
    queryFn: () => api<CursorPage<Promotion>>('/api/deals/promotions?limit=200'),
  });
  const all = promotions.data?.items ?? [];
  return { all, name: (id: string | null) => (id ? all.find((p) => p.id === id)?.name ?? null : null) };
}

function CodeList({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const terms = useTerms();
  const promotions = usePromotionNames();
  const [editing, setEditing] = useState<PromoCode | 'new' | null>(null);
  const keeper = keepsMarketing(me.role);
  return (
    <>
      <RecordTable<PromoCode> path="/api/deals/promo-codes" filters={new URLSearchParams()} testId="promo-codes" emptyText={t('marketing.codes.empty')}
        searchLabel={t('marketing.codes.search')} onOpen={setEditing}
        actions={keeper && <Button type="primary" onClick={() => setEditing('new')}>{t('marketing.codes.new')}</Button>}
        columns={[
          { title: t('marketing.field.code'), render: (_, c) => <Typography.Text code>{c.code}</Typography.Text> },
          { title: t('marketing.field.promotion'), render: (_, c) => promotions.name(c.promotionId) ?? '' },
          { title: t('marketing.field.terms'), render: (_, c) => terms(c) },
          { title: t('marketing.field.uses'), render: (_, c) => <UsesText code={c} /> },
          { title: t('marketing.field.period'), render: (_, c) => periodText(t, c.startDate, c.endDate, i18n.language) },
          { title: t('marketing.field.attributed'), render: (_, c) => <AttributedCounts leads={c.attributed.leads} deals={c.attributed.deals} /> },
        ]} />
      {editing && <PromoCodeDialog code={editing === 'new' ? null : editing} editable={keeper} onClose={() => setEditing(null)} />}
    </>
  );
}

interface CodeForm {
  code: string;
  promotionId: string | null;
  mechanic: Mechanic | null;
  value: number | null;
  currency: string | null;
  usageLimit: number | null;
  period: Period;
  description: string | null;
}

/** A promo code to issue or edit: its own terms, or a promotion it grants; how many uses it allows. */
export function PromoCodeDialog({ code, promotionId, editable, onClose }: {
  code: PromoCode | null;
  promotionId?: string;
  editable: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const promotions = usePromotionNames();
  const labels: Record<string, string> = {
    code: t('marketing.field.code'), value: t('marketing.field.value'), mechanic: t('marketing.field.mechanic'), usageLimit: t('marketing.field.usageLimit'),
  };
  return (
    <RecordDialog<CodeForm, PromoCode> path="/api/deals/promo-codes" record={code} testId="promo-code-form" editable={editable}
      title={code ? t('marketing.codes.edit') : t('marketing.codes.new')} onClose={onClose}
      savedText={t('marketing.codes.saved')} deletedText={t('marketing.codes.deleted')} deleteConfirm={t('marketing.codes.deleteConfirm')}
      labelOf={(f) => labels[f]}
      initialValues={code ? { ...code, period: periodOf(code) } : { promotionId: promotionId ?? null, mechanic: promotionId ? null : 'PERCENT' }}
      toBody={(v) => ({
        code: v.code, promotionId: v.promotionId ?? null, ...termsBody(v), usageLimit: v.usageLimit ?? null, ...periodBody(v.period),
        description: v.description?.trim() || null,
      })}>
      {() => (
        <>
          <Space wrap align="start">
            <Form.Item name="code" label={t('marketing.field.code')} extra={t('marketing.codes.codeHelp')}
              rules={[{ required: true, whitespace: true, max: 50 }]}>
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="usageLimit" label={t('marketing.field.usageLimit')} extra={t('marketing.codes.limitHelp')}>
              <InputNumber min={1} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          <Form.Item name="promotionId" label={t('marketing.field.promotion')}>
            <Select allowClear aria-label={t('marketing.field.promotion')} placeholder={t('marketing.codes.noPromotion')} optionFilterProp="label"
              showSearch options={promotions.all.map((p) => ({ value: p.id, label: `${p.name} · ${t(`marketing.type.${p.type}`)}` }))} />
          </Form.Item>
          <TermsFields optional />
          <PeriodItem />
          <DescriptionItem />
        </>
      )}
    </RecordDialog>
  );
}
