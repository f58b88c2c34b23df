import { useEffect, useState } from 'react';
import {
  Alert, App as AntApp, Button, DatePicker, Drawer, Empty, Form, Input, InputNumber, Modal, Popconfirm, Result, Select,
  Space, Spin, Tabs, Tag, Timeline, Typography,
} from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { api, ApiError, type Me } from '../../api';
import { useProblems } from '../../problems';
import { ContactComments } from '../contacts/ContactComments';
import { OwnerSelect } from '../contacts/OwnerSelect';
import { useStaff } from '../contacts/staff';
import { ConvertDialog } from './ConvertDialog';
import { DealLines } from './DealLines';
import { DealReturns } from './DealReturns';
import { CompanyPicker, ContactPicker } from './pickers';
import {
  cardPath, cardTitle, changesDeals, durationParts, formatMoney, nameOf, PAYMENT_COLORS, PAYMENT_STATUSES, PAYMENT_TYPES,
  type CardType, type Deal, type Lead, type Move, type Pipeline,
} from './model';
import { CARDS_KEY, usePipelines } from './queries';
import { CallTable } from '../telephony/CallTable';
import { seesCalls } from '../telephony/model';

/** Which card's panel is open: `?lead=` or `?deal=` in the address, so that a panel can be linked to and reloaded. */
export function usePanel() {
  const [search, setSearch] = useSearchParams();
  const lead = search.get('lead');
  const deal = search.get('deal');
  return {
    shown: lead ? { type: 'LEAD' as const, id: lead } : deal ? { type: 'DEAL' as const, id: deal } : null,
    open: (type: CardType, id: string) => {
      const next = new URLSearchParams(search);
      next.delete('lead');
      next.delete('deal');
      next.set(type === 'LEAD' ? 'lead' : 'deal', id);
      setSearch(next);
    },
    close: () => {
      const next = new URLSearchParams(search);
      next.delete('lead');
      next.delete('deal');
      setSearch(next);
    },
  };
}

export const cardKey = (type: CardType, id: string) => [...CARDS_KEY, cardPath(type), id];

/** The lead or deal panel (`002_*` 2.1.11) over the board or the list. */
export function CardPanel({ me }: { me: Me }) {
  const { t } = useTranslation();
  const panel = usePanel();
  const shown = panel.shown;
  return (
    <Drawer open={!!shown} onClose={panel.close} size={760} destroyOnHidden data-testid="card-panel"
      title={shown ? (shown.type === 'LEAD' ? t('deals.panel.lead') : t('deals.panel.deal')) : ''}>
      {shown && <PanelBody key={`${shown.type}-${shown.id}`} me={me} type={shown.type} id={shown.id} onOpen={panel.open}
        onClose={panel.close} />}
    </Drawer>
  );
}

function PanelBody({ me, type, id, onOpen, onClose }: {
  me: Me;
  type: CardType;
  id: string;
  onOpen: (type: CardType, id: string) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const { staff, name } = useStaff();
  const pipelines = usePipelines();
  const card = useQuery({
    queryKey: cardKey(type, id),
    queryFn: () => api<Lead | Deal>(`/api/deals/${cardPath(type)}/${id}`),
    retry: false,
  });
  if (card.isPending || pipelines.isPending) return <Spin />;
  if (card.isError) {
    const missing = card.error instanceof ApiError && card.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? t('problem.notFound') : problems.text(card.error)} />;
  }
  const data = card.data;
  const pipeline = pipelines.data?.find((p) => p.id === data.pipelineId);
  const stage = pipeline?.stages.find((s) => s.id === data.stageId);
  const writer = changesDeals(me.role);
  const path = `/api/deals/${cardPath(type)}/${id}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="panel-title">#{data.number} {cardTitle(data as Lead & Deal)}</Typography.Title>
        {stage && <Tag color={stage.color ?? undefined} data-testid="panel-stage">{nameOf(t, 'stage', stage)}</Tag>}
        {pipeline && <Typography.Text type="secondary">{nameOf(t, 'pipeline', pipeline)}</Typography.Text>}
        {type === 'DEAL' && <Typography.Text strong data-testid="panel-amount">{formatMoney((data as Deal).amount, (data as Deal).currency, i18n.language)}</Typography.Text>}
      </Space>
      {data.lostReason && <Alert type="warning" showIcon title={t('deals.panel.lostBecause', { reason: data.lostReason })} />}
      {type === 'LEAD' && (data as Lead).dealId && (
        <Alert type="success" showIcon title={t('deals.panel.converted')}
          action={<Button size="small" onClick={() => onOpen('DEAL', (data as Lead).dealId!)}>{t('deals.panel.openDeal')}</Button>} />
      )}
      {writer && (
        <Space wrap align="start">
          {pipeline && <Actions type={type} card={data} pipeline={pipeline} onOpen={onOpen} />}
          <DeleteCard type={type} card={data} onDeleted={onClose} />
        </Space>
      )}
      <Tabs items={[
        {
          key: 'details', label: t('deals.panel.details'),
          children: <Details me={me} type={type} card={data} staff={staff} editable={writer} />,
        },
        ...(type === 'DEAL' ? [{
          key: 'lines', label: t('deals.panel.lines'),
          children: <DealLines deal={data as Deal} editable={writer} />,
        }] : []),
        ...(type === 'DEAL' ? [{
          key: 'returns', label: t('deals.returns.tab'),
          children: <DealReturns dealId={id} editable={writer} staffName={name} />,
        }] : []),
        { key: 'history', label: t('deals.panel.history'), children: <StageHistory type={type} id={id} staffName={name} /> },
        {
          key: 'comments', label: t('deals.panel.comments'),
          children: <ContactComments id={id} me={me} staff={staff} staffName={name} base={path} queryKey={[...cardKey(type, id), 'comments']} />,
        },
        ...(seesCalls(me.role) ? [{
          key: 'calls', label: t('deals.panel.calls'), destroyOnHidden: true,
          // the recent calls of the card's client
          children: data.contactId
            ? <CallTable filters={{ contactId: data.contactId }} limit={10} compact showContact={false} />
            : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('telephony.deal.noContact')} data-testid="calls-no-contact" />,
        }] : []),
      ]} />
    </Space>
  );
}

/** Change the stage (a lost one asks why), convert a lead, give the card up. */
function Actions({ type, card, pipeline, onOpen }: {
  type: CardType;
  card: Lead | Deal;
  pipeline: Pipeline;
  onOpen: (type: CardType, id: string) => void;
}) {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [losing, setLosing] = useState<string | null | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [converting, setConverting] = useState(false);
  const converted = type === 'LEAD' && (card as Lead).status === 'CONVERTED';
  const done = () => void queries.invalidateQueries({ queryKey: CARDS_KEY });
  const failed = (e: Error) => {
    if (e instanceof ApiError && e.status === 409) void message.warning(t('deals.board.conflict'));
    else void message.error(problems.text(e));
    done();
  };
  const move = useMutation({
    mutationFn: (body: { stageId: string; lostReason?: string }) =>
      api(`/api/deals/${cardPath(type)}/${card.id}/move`, { method: 'POST', body: { ...body, version: card.version } }),
    onSuccess: () => {
      void message.success(t('deals.panel.moved'));
      done();
    },
    onError: failed,
  });
  const lose = useMutation({
    mutationFn: (body: { reason: string; stageId?: string | null }) =>
      api(`/api/deals/${cardPath(type)}/${card.id}/lose`, { method: 'POST', body: { ...body, version: card.version } }),
    onSuccess: done,
    onError: failed,
  });
  if (converted) return null;
  const stages = pipeline.stages.filter((s) => !(type === 'LEAD' && s.outcome === 'WON'));
  return (
    <Space wrap>
      <Select aria-label={t('deals.panel.stage')} value={card.stageId} style={{ width: 240 }} data-testid="stage-picker"
        loading={move.isPending}
        options={stages.map((s) => ({ value: s.id, label: nameOf(t, 'stage', s) }))}
        onChange={(stageId: string) => {
          const target = pipeline.stages.find((s) => s.id === stageId);
          if (target?.outcome === 'LOST') {
            setReason('');
            setLosing(stageId);
          } else {
            move.mutate({ stageId });
          }
        }} />
      {type === 'LEAD' && card.status === 'OPEN' && (
        <Button type="primary" onClick={() => setConverting(true)}>{t('deals.convert.button')}</Button>
      )}
      {card.status !== 'LOST' && (
        <Button danger onClick={() => {
          setReason('');
          setLosing(null);
        }}>{type === 'LEAD' ? t('deals.lose.lead') : t('deals.lose.deal')}</Button>
      )}
      <Modal open={losing !== undefined} title={t('deals.lose.title')} okText={t('deals.lose.confirm')} cancelText={t('contacts.cancel')}
        okButtonProps={{ danger: true, disabled: !reason.trim() }} onCancel={() => setLosing(undefined)} destroyOnHidden
        onOk={() => {
          if (losing) move.mutate({ stageId: losing, lostReason: reason.trim() });
          else lose.mutate({ reason: reason.trim() });
          setLosing(undefined);
        }}>
        <Input.TextArea autoFocus aria-label={t('deals.field.lostReason')} placeholder={t('deals.field.lostReason')} maxLength={500}
          value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
      {converting && (
        <ConvertDialog lead={{ id: card.id, version: card.version, title: cardTitle(card as Lead) }}
          onClose={() => setConverting(false)}
          onDone={(deal) => {
            setConverting(false);
            void message.success(t('deals.convert.done', { number: deal.number }));
            done();
            onOpen('DEAL', deal.id);
          }} />
      )}
    </Space>
  );
}

/**
 * Deletes a card made by mistake, after asking: the server refuses a stale version, a shop order's deal and a
 * deal a contract names, and says why. Once deleted the panel closes and the boards and lists show it gone.
 */
function DeleteCard({ type, card, onDeleted }: { type: CardType; card: Lead | Deal; onDeleted: () => void }) {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api(`/api/deals/${cardPath(type)}/${card.id}?version=${card.version}`, { method: 'DELETE' }),
    onSuccess: () => {
      onDeleted();
      queries.removeQueries({ queryKey: cardKey(type, card.id) });
      void queries.invalidateQueries({ queryKey: CARDS_KEY });
      void message.success(t(type === 'LEAD' ? 'deals.delete.doneLead' : 'deals.delete.doneDeal', { number: card.number }));
    },
    onError: (e) => {
      void message.error(problems.text(e));
      void queries.invalidateQueries({ queryKey: cardKey(type, card.id) });
    },
  });
  const question = type === 'DEAL' ? 'deals.delete.confirmDeal'
    : (card as Lead).dealId ? 'deals.delete.confirmConvertedLead' : 'deals.delete.confirmLead';
  return (
    <Popconfirm title={<div style={{ maxWidth: 320 }} data-testid="delete-confirm">{t(question)}</div>} okText={t('deals.delete.button')} cancelText={t('contacts.cancel')}
      okButtonProps={{ danger: true }} onConfirm={() => remove.mutate()}>
      <Button danger type="text" loading={remove.isPending} data-testid="delete-card">{t('deals.delete.button')}</Button>
    </Popconfirm>
  );
}

type Values = Record<string, unknown>;

/** The card's fields as the form holds them (dates as dayjs), and back as the API takes them. */
function toForm(card: Lead | Deal): Values {
  const deal = card as Deal;
  return { ...card, expectedCloseDate: deal.expectedCloseDate ? dayjs(deal.expectedCloseDate) : null };
}

function fromForm(values: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === 'expectedCloseDate') out[key] = value ? (value as dayjs.Dayjs).format('YYYY-MM-DD') : null;
    else if (typeof value === 'string') out[key] = value.trim() === '' ? null : value.trim();
    else out[key] = value ?? null;
  }
  return out;
}

/** The card's details, changed in place and saved together: only what changed, with the version the user saw. */
function Details({ me, type, card, staff, editable }: {
  me: Me;
  type: CardType;
  card: Lead | Deal;
  staff: ReturnType<typeof useStaff>['staff'];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [stale, setStale] = useState(false);
  const initial = toForm(card);
  useEffect(() => {
    form.resetFields();
  }, [card.version, form]);
  const save = useMutation({
    mutationFn: (values: Values) => {
      const before = fromForm(Object.fromEntries(Object.keys(values).map((k) => [k, initial[k]])));
      const after = fromForm(values);
      const change = Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
      return api<Lead | Deal>(`/api/deals/${cardPath(type)}/${card.id}`, { method: 'PATCH', body: { ...change, version: card.version } });
    },
    onSuccess: (updated) => {
      queries.setQueryData(cardKey(type, card.id), updated);
      void queries.invalidateQueries({ queryKey: CARDS_KEY });
      void message.success(t('contacts.saved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        setStale(true);
      } else if (e instanceof ApiError && e.fieldErrors.length > 0) {
        form.setFields(e.fieldErrors.map((f) => ({ name: f.field, errors: [problems.field(f.message)] })));
      } else {
        void message.error(problems.text(e));
      }
    },
  });
  const deal = type === 'DEAL';
  const hasLines = deal && (card as Deal).lines.length > 0;
  const contactId = Form.useWatch('contactId', form) as string | null | undefined;
  return (
    <Form form={form} layout="vertical" initialValues={initial} disabled={!editable} onFinish={(v) => save.mutate(v)} data-testid="card-details">
      {stale && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('contacts.stale')}
          action={<Button size="small" onClick={() => {
            setStale(false);
            void queries.invalidateQueries({ queryKey: cardKey(type, card.id) });
          }}>{t('contacts.reload')}</Button>} />
      )}
      {deal && <Form.Item name="title" label={t('deals.field.title')} rules={[{ max: 200 }]}><Input /></Form.Item>}
      {deal && (
        <Space wrap>
          <Form.Item name="amount" label={t('deals.field.amount')} extra={hasLines ? t('deals.panel.amountFromLines') : undefined}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} disabled={hasLines || !editable} />
          </Form.Item>
          <Form.Item name="currency" label={t('deals.field.currency')}><Input maxLength={3} style={{ width: 90 }} /></Form.Item>
          <Form.Item name="expectedCloseDate" label={t('deals.field.expectedCloseDate')}><DatePicker /></Form.Item>
        </Space>
      )}
      {deal && (
        <Space wrap>
          <Form.Item name="paymentStatus" label={t('deals.field.paymentStatus')}>
            <Select style={{ width: 200 }} options={PAYMENT_STATUSES.map((s) => ({ value: s, label: <Tag color={PAYMENT_COLORS[s]}>{t(`deals.payment.${s}`)}</Tag> }))} />
          </Form.Item>
          <Form.Item name="paymentType" label={t('deals.field.paymentType')}>
            <Select allowClear style={{ width: 200 }} options={PAYMENT_TYPES.map((s) => ({ value: s, label: t(`deals.paymentType.${s}`) }))} />
          </Form.Item>
          {(card as Deal).shopOrderId && <Form.Item label={t('deals.field.shopOrderId')}><Typography.Text>{(card as Deal).shopOrderId}</Typography.Text></Form.Item>}
        </Space>
      )}
      <Form.Item name="contactId" label={<Space>{t('deals.field.contact')}{contactId && <Link to={`/contacts/${contactId}`}>{t('deals.panel.openContact')}</Link>}</Space>}>
        <ContactPicker aria-label={t('deals.field.contact')} placeholder={t('deals.pick.contact')} currentLabel={card.contactName}
          onChange={(id, label) => form.setFieldsValue({ contactId: id, ...(id && label ? { contactName: label.split(' · ')[0] } : {}) })} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="contactName" label={t('deals.field.contactName')} rules={[{ max: 200 }]}><Input style={{ width: 240 }} /></Form.Item>
        {!deal && <Form.Item name="phone" label={t('deals.field.phone')}><Input style={{ width: 180 }} /></Form.Item>}
        {!deal && <Form.Item name="email" label={t('deals.field.email')}><Input style={{ width: 220 }} /></Form.Item>}
      </Space>
      <Form.Item name="companyId" label={t('deals.field.company')}>
        <CompanyPicker aria-label={t('deals.field.company')} placeholder={t('deals.pick.company')} onChange={(id) => form.setFieldsValue({ companyId: id })} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="ownerId" label={t('deals.field.owner')}>
          <OwnerSelect me={me} staff={staff} onChange={(id) => form.setFieldsValue({ ownerId: id })} disabled={!editable} />
        </Form.Item>
        <Form.Item name="source" label={t('deals.field.source')} rules={[{ max: 50 }]}><Input style={{ width: 160 }} /></Form.Item>
        <Form.Item name="sourceDetail" label={t('deals.field.sourceDetail')} rules={[{ max: 200 }]}><Input style={{ width: 240 }} /></Form.Item>
      </Space>
      <Form.Item name="comment" label={t('deals.field.comment')}><Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} /></Form.Item>
      {editable && <Button type="primary" htmlType="submit" loading={save.isPending}>{t('deals.panel.save')}</Button>}
    </Form>
  );
}

/** Every stage the card stood in, with who moved it, when, and how long it stayed. */
function StageHistory({ type, id, staffName }: { type: CardType; id: string; staffName: (id: string | null) => string | null }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({
    queryKey: [...cardKey(type, id), 'stages'],
    queryFn: () => api<{ items: Move[] }>(`/api/deals/${cardPath(type)}/${id}/stages`),
  });
  if (history.isPending) return <Spin />;
  const moves = history.data?.items ?? [];
  if (moves.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline data-testid="stage-history" items={[...moves].reverse().map((m) => {
      const stay = durationParts(m.secondsInStage);
      const to = nameOf(t, 'stage', { code: m.toCode, name: m.toName });
      return {
        color: m.toOutcome === 'WON' ? 'green' : m.toOutcome === 'LOST' ? 'red' : 'blue',
        content: (
          <Space orientation="vertical" size={0}>
            <Typography.Text data-testid="stage-move">
              {m.fromStageId ? `${nameOf(t, 'stage', { code: m.fromCode, name: m.fromName })} → ${to}` : t('deals.history.created', { stage: to })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {new Date(m.changedAt).toLocaleString(i18n.language)} · {staffName(m.changedBy) ?? t('contacts.history.unknownUser')}
              {stay && ` · ${t('deals.history.stayed', stay)}`}
            </Typography.Text>
          </Space>
        ),
      };
    })} />
  );
}
