import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api';
import { formatMoney } from '../deals/model';
import { ProductPicker } from '../deals/pickers';
import {
  CAMPAIGN_STATUS_COLORS, CAMPAIGN_STATUSES, CHANNELS, formatRoi, keepsMarketing, periodText, wonElsewhere, wonIn,
  type Campaign, type CampaignStatus, type Channel,
} from './model';
import { PeriodItem, periodBody, periodOf, RecordDialog, RecordTable, useCatalogue, type Period } from './parts';

/**
 * Advertising campaigns (`003_*`): the service they advertise, the channel, the budget and the period, and what
 * they brought: leads, deals, revenue against the spend, ROI. An ADMIN or a MARKETER plans them.
 */
export function Campaigns({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const catalogue = useCatalogue();
  const [status, setStatus] = useState<CampaignStatus>();
  const [channel, setChannel] = useState<Channel>();
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const keeper = keepsMarketing(me.role);
  const filters = new URLSearchParams();
  if (status) filters.set('status', status);
  if (channel) filters.set('channel', channel);
  const money = (amount: number, currency: string | null) => formatMoney(amount, currency, i18n.language);
  return (
    <Card title={t('marketing.campaigns.title')}
      extra={keeper && <Button type="primary" onClick={() => setEditing('new')}>{t('marketing.campaigns.new')}</Button>}>
      <RecordTable<Campaign> path="/api/deals/campaigns" filters={filters} testId="campaigns" emptyText={t('marketing.campaigns.empty')}
        onOpen={setEditing}
        toolbar={
          <>
            <Select allowClear aria-label={t('marketing.field.status')} placeholder={t('marketing.field.status')} style={{ width: 160 }}
              value={status} onChange={setStatus}
              options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`marketing.campaignStatus.${s}`) }))} />
            <Select allowClear aria-label={t('marketing.field.channel')} placeholder={t('marketing.field.channel')} style={{ width: 160 }}
              value={channel} onChange={setChannel} options={CHANNELS.map((c) => ({ value: c, label: t(`marketing.channel.${c}`) }))} />
          </>
        }
        columns={[
          { title: t('marketing.field.name'), dataIndex: 'name' },
          { title: t('marketing.field.product'), render: (_, c) => catalogue.name(c.productId) ?? '' },
          { title: t('marketing.field.channel'), render: (_, c) => t(`marketing.channel.${c.channel}`) },
          { title: t('marketing.field.period'), render: (_, c) => periodText(t, c.startDate, c.endDate, i18n.language) },
          { title: t('marketing.field.status'), render: (_, c) => <Tag color={CAMPAIGN_STATUS_COLORS[c.status]}>{t(`marketing.campaignStatus.${c.status}`)}</Tag> },
          {
            title: t('marketing.campaigns.leads'),
            render: (_, c) => <span data-testid="campaign-leads">{t('marketing.campaigns.leadsValue', { leads: c.attributed.leads, converted: c.attributed.convertedLeads })}</span>,
          },
          {
            title: t('marketing.campaigns.deals'),
            render: (_, c) => t('marketing.campaigns.dealsValue', { deals: c.attributed.deals, won: c.attributed.wonDeals }),
          },
          {
            title: t('marketing.campaigns.revenue'),
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <span>{money(wonIn(c.attributed.won, c.currency), c.currency)}</span>
                {wonElsewhere(c.attributed.won, c.currency).map((m) => (
                  <Typography.Text key={m.currency} type="secondary" title={t('marketing.campaigns.notInRoi')}>+ {money(m.amount, m.currency)}</Typography.Text>
                ))}
              </Space>
            ),
          },
          { title: t('marketing.campaigns.spend'), render: (_, c) => money(c.budget, c.currency) },
          {
            title: t('marketing.campaigns.roi'),
            render: (_, c) => (
              <Typography.Text data-testid="campaign-roi" type={c.roi === null ? 'secondary' : c.roi < 0 ? 'danger' : 'success'}>
                {formatRoi(c.roi, i18n.language)}
              </Typography.Text>
            ),
          },
        ]} />
      {editing && <CampaignDialog campaign={editing === 'new' ? null : editing} editable={keeper} onClose={() => setEditing(null)} />}
    </Card>
  );
}

interface CampaignForm {
  name: string;
  productId: string | null;
  channel: Channel;
  budget: number;
  currency: string;
  period: Period;
  status: CampaignStatus | 'BY_DATES';
}

/** A campaign to create, or to edit (read-only for a role that does not plan them). */
export function CampaignDialog({ campaign, editable, onClose }: { campaign: Campaign | null; editable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  const labels: Record<string, string> = { name: t('marketing.field.name'), budget: t('marketing.field.budget'), currency: t('deals.field.currency') };
  return (
    <RecordDialog<CampaignForm, Campaign> path="/api/deals/campaigns" record={campaign} testId="campaign-form" editable={editable}
      title={campaign ? t('marketing.campaigns.edit') : t('marketing.campaigns.new')} onClose={onClose}
      savedText={t('marketing.campaigns.saved')} deletedText={t('marketing.campaigns.deleted')} deleteConfirm={t('marketing.campaigns.deleteConfirm')}
      labelOf={(f) => labels[f]}
      initialValues={campaign
        ? { ...campaign, period: periodOf(campaign), status: campaign.statusSet ? campaign.status : 'BY_DATES' }
        : { channel: 'FACEBOOK', currency: 'UAH', status: 'BY_DATES' }}
      toBody={(v) => ({
        name: v.name, productId: v.productId ?? null, channel: v.channel, budget: v.budget, currency: v.currency?.trim() || null,
        ...periodBody(v.period), status: v.status === 'BY_DATES' ? null : v.status,
      })}>
      {() => (
        <>
          <Form.Item name="name" label={t('marketing.field.name')} rules={[{ required: true, whitespace: true, max: 200 }]}><Input /></Form.Item>
          <Form.Item name="productId" label={t('marketing.field.product')}>
            <ProductPicker aria-label={t('marketing.field.product')} placeholder={t('marketing.field.productAny')}
              currentLabel={catalogue.name(campaign?.productId)} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="channel" label={t('marketing.field.channel')} rules={[{ required: true }]}>
              <Select style={{ width: 180 }} options={CHANNELS.map((c) => ({ value: c, label: t(`marketing.channel.${c}`) }))} />
            </Form.Item>
            <Form.Item name="budget" label={t('marketing.field.budget')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={2} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="currency" label={t('deals.field.currency')}><Input maxLength={3} style={{ width: 90 }} /></Form.Item>
          </Space>
          <PeriodItem />
          <Form.Item name="status" label={t('marketing.field.status')}>
            <Select options={[{ value: 'BY_DATES', label: t('marketing.campaignStatus.byDates') },
              ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`marketing.campaignStatus.${s}`) }))]} />
          </Form.Item>
        </>
      )}
    </RecordDialog>
  );
}
