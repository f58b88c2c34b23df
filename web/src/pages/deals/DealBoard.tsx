import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Empty, Input, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  DndContext, DragOverlay, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors,
  type DragEndEvent, type DragStartEvent,
} from '@dnd-kit/core';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { api, ApiError, type Me } from '../../api';
import { useProblems } from '../../problems';
import { useStaff } from '../contacts/staff';
import { useDebounced } from '../contacts/useDebounced';
import {
  ageInDays, appendPage, cardPath, cardTitle, changesDeals, dropAction, filterParams, formatMoney, moveOnBoard, nameOf,
  PAYMENT_COLORS, PAYMENT_STATUSES, type Board, type BoardCard, type BoardColumn, type BoardFilters, type CardType,
  type PaymentStatus,
} from './model';
import { CARDS_KEY, usePipelines } from './queries';
import { CallButton } from '../telephony/CallButton';
import { CardPanel, usePanel } from './CardPanel';
import { ConvertDialog } from './ConvertDialog';
import { NewCardDialog } from './NewCardDialog';

interface Dropped {
  card: BoardCard;
  type: CardType;
  to: string;
}

/**
 * A pipeline's kanban board (`002_*` 2.1.1, 2.1.2, 3.10): its columns in stage order with counts and sums per
 * currency, cards dragged between them (with the mouse, or the keyboard: space, arrows, space). A move shows at once
 * and is sent with the card's version; one the server refuses (someone changed the card) is undone, said, and the
 * board reloaded. A card dropped on a lost stage asks why; a lead dropped on the won stage is converted.
 */
export function DealBoard({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const pipelines = usePipelines();
  const { staff, name } = useStaff();
  const writer = changesDeals(me.role);
  const [filters, setFilters] = useState<BoardFilters>({});
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed, 300);
  const [dragging, setDragging] = useState<BoardCard | null>(null);
  const [losing, setLosing] = useState<Dropped | null>(null);
  const [reason, setReason] = useState('');
  const [converting, setConverting] = useState<BoardCard | null>(null);
  const [creating, setCreating] = useState(false);
  const panel = usePanel();

  const all = pipelines.data ?? [];
  const pipeline = all.find((p) => p.id === search.get('pipeline')) ?? all[0];
  const type: CardType = pipeline?.kind ?? 'LEAD';
  const params = filterParams({ ...filters, q, paymentStatus: type === 'DEAL' ? filters.paymentStatus : undefined });
  const boardKey = useMemo(() => [...CARDS_KEY, 'board', pipeline?.id, params.toString()], [pipeline?.id, params.toString()]);
  const board = useQuery({
    queryKey: boardKey,
    queryFn: () => api<Board>(`/api/deals/pipelines/${pipeline!.id}/board?${params}`),
    enabled: !!pipeline,
  });
  const sensors = useSensors(
    // a click opens the card; only a real drag moves it
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    // Enter opens the card, so the keyboard picks a card up and puts it down with Space
    useSensor(KeyboardSensor, { keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] } }),
  );

  const refreshAll = () => void queries.invalidateQueries({ queryKey: CARDS_KEY });
  const move = useMutation({
    mutationFn: ({ card, type: kind, to, lostReason }: Dropped & { lostReason?: string }) =>
      api(`/api/deals/${cardPath(kind)}/${card.id}/move`, { method: 'POST', body: { stageId: to, version: card.version, lostReason } }),
    onMutate: async ({ card, to }) => {
      await queries.cancelQueries({ queryKey: boardKey });
      const before = queries.getQueryData<Board>(boardKey);
      if (before) queries.setQueryData(boardKey, moveOnBoard(before, card.id, to));
      return { before };
    },
    onError: (e, _moved, context) => {
      if (context?.before) queries.setQueryData(boardKey, context.before);
      if (e instanceof ApiError && e.status === 409) {
        void message.warning(t('deals.board.conflict'));
      } else {
        void message.error(problems.text(e));
      }
    },
    onSettled: refreshAll,
  });
  const more = useMutation({
    mutationFn: (column: BoardColumn) => api<{ cards: BoardCard[]; nextCursor: string | null }>(
      `/api/deals/pipelines/${pipeline!.id}/board/stages/${column.stageId}?${params}&cursor=${encodeURIComponent(column.nextCursor ?? '')}`)
      .then((page) => ({ page, stageId: column.stageId })),
    onSuccess: ({ page, stageId }) => {
      const now = queries.getQueryData<Board>(boardKey);
      if (now) queries.setQueryData(boardKey, appendPage(now, stageId, page));
    },
    onError: (e) => void message.error(problems.text(e)),
  });

  const columns = board.data?.columns ?? [];
  const onDragStart = (event: DragStartEvent) => setDragging((event.active.data.current as { card: BoardCard }).card);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    if (!event.over || !board.data) return;
    const { card, stageId } = event.active.data.current as { card: BoardCard; stageId: string };
    const to = columns.find((c) => c.stageId === event.over!.id);
    if (!to) return;
    const action = dropAction(board.data.cards, { id: stageId }, { id: to.stageId, outcome: to.outcome });
    const dropped = { card, type: board.data.cards, to: to.stageId };
    if (action === 'move') move.mutate(dropped);
    if (action === 'lose') {
      setReason('');
      setLosing(dropped);
    }
    if (action === 'convert') setConverting(card);
  };

  const owners = [
    { value: '', label: t('deals.filter.anyone') },
    { value: 'unassigned', label: t('contacts.unassigned') },
    ...staff.filter((u) => u.status === 'ACTIVE').map((u) => ({ value: u.id, label: name(u.id) ?? '' })),
  ];

  if (pipelines.isPending) return <Spin />;
  if (pipelines.isError) return <Alert type="error" showIcon title={problems.text(pipelines.error)} />;

  return (
    <Card title={t('deals.board.title')} extra={writer && (
      <Button type="primary" onClick={() => setCreating(true)}>{type === 'LEAD' ? t('deals.new.lead') : t('deals.new.deal')}</Button>
    )}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select aria-label={t('deals.board.pipeline')} style={{ width: 220 }} value={pipeline?.id} data-testid="pipeline-picker"
          onChange={(id: string) => setSearch({ pipeline: id })}
          options={(['LEAD', 'DEAL'] as const).map((kind) => ({
            label: t(`deals.kind.${kind}.pipelines`),
            options: all.filter((p) => p.kind === kind).map((p) => ({ value: p.id, label: nameOf(t, 'pipeline', p) })),
          }))} />
        <Input.Search allowClear placeholder={t('deals.filter.search')} aria-label={t('deals.filter.search')} value={typed}
          onChange={(e) => setTyped(e.target.value)} style={{ width: 260 }} />
        <Select aria-label={t('deals.field.owner')} style={{ width: 200 }} showSearch optionFilterProp="label" options={owners}
          value={filters.unassigned ? 'unassigned' : filters.owner ?? ''}
          onChange={(v: string) => setFilters({ ...filters, owner: v && v !== 'unassigned' ? v : undefined, unassigned: v === 'unassigned' })} />
        <Input allowClear placeholder={t('deals.field.source')} aria-label={t('deals.field.source')} style={{ width: 150 }}
          value={filters.source} onChange={(e) => setFilters({ ...filters, source: e.target.value || undefined })} />
        <DatePicker.RangePicker aria-label={t('deals.filter.created')} placeholder={[t('deals.filter.createdFrom'), t('deals.filter.createdTo')]}
          value={filters.createdFrom && filters.createdTo ? [dayjs(filters.createdFrom), dayjs(filters.createdTo)] : null}
          onChange={(range) => setFilters({
            ...filters,
            createdFrom: range?.[0]?.format('YYYY-MM-DD'),
            createdTo: range?.[1]?.format('YYYY-MM-DD'),
          })} />
        {type === 'DEAL' && (
          <Select allowClear aria-label={t('deals.field.paymentStatus')} placeholder={t('deals.field.paymentStatus')} style={{ width: 190 }}
            value={filters.paymentStatus} onChange={(v?: PaymentStatus) => setFilters({ ...filters, paymentStatus: v })}
            options={PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`deals.payment.${s}`) }))} />
        )}
      </Space>
      {board.isError && <Alert type="error" showIcon title={problems.text(board.error)} style={{ marginBottom: 12 }} />}
      {board.isPending ? <Spin /> : (
        <DndContext sensors={writer ? sensors : []} onDragStart={onDragStart} onDragEnd={onDragEnd}
          onDragCancel={() => setDragging(null)}
          accessibility={{
            screenReaderInstructions: { draggable: t('deals.board.dragHelp') },
            announcements: {
              onDragStart: () => t('deals.board.picked'),
              onDragOver: ({ over }) => over ? t('deals.board.over', { stage: stageName(columns, over.id, t) }) : t('deals.board.nowhere'),
              onDragEnd: ({ over }) => over ? t('deals.board.dropped', { stage: stageName(columns, over.id, t) }) : t('deals.board.nowhere'),
              onDragCancel: () => t('deals.board.cancelled'),
            },
          }}>
          <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }} data-testid="board">
            {columns.map((column) => (
              <Column key={column.stageId} column={column} type={type} language={i18n.language} ownerName={name}
                draggable={writer} onOpen={(card) => panel.open(type, card.id)}
                onMore={() => more.mutate(column)} loadingMore={more.isPending && more.variables?.stageId === column.stageId} />
            ))}
          </div>
          <DragOverlay>{dragging && <CardBody card={dragging} type={type} language={i18n.language} ownerName={name} />}</DragOverlay>
        </DndContext>
      )}
      <Modal open={!!losing} title={t('deals.lose.title')} okText={t('deals.lose.confirm')} okButtonProps={{ danger: true, disabled: !reason.trim() }}
        cancelText={t('contacts.cancel')} onCancel={() => setLosing(null)} destroyOnHidden
        onOk={() => {
          if (losing) move.mutate({ ...losing, lostReason: reason.trim() });
          setLosing(null);
        }}>
        <Input.TextArea autoFocus aria-label={t('deals.field.lostReason')} placeholder={t('deals.field.lostReason')} maxLength={500}
          value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
      {converting && (
        <ConvertDialog lead={{ id: converting.id, version: converting.version, title: cardTitle(converting) }}
          onClose={() => setConverting(null)}
          onDone={(deal) => {
            setConverting(null);
            refreshAll();
            panel.open('DEAL', deal.id);
          }} />
      )}
      <NewCardDialog me={me} type={type} pipelineId={pipeline?.id} open={creating} onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          refreshAll();
          panel.open(type, id);
        }} />
      <CardPanel me={me} />
    </Card>
  );
}

function stageName(columns: BoardColumn[], id: string | number, t: TFunction) {
  const column = columns.find((c) => c.stageId === id);
  return column ? nameOf(t, 'stage', column) : '';
}

function Column({ column, type, language, ownerName, draggable, onOpen, onMore, loadingMore }: {
  column: BoardColumn;
  type: CardType;
  language: string;
  ownerName: (id: string | null) => string | null;
  draggable: boolean;
  onOpen: (card: BoardCard) => void;
  onMore: () => void;
  loadingMore: boolean;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: column.stageId });
  const title = nameOf(t, 'stage', column);
  return (
    <div ref={setNodeRef} data-testid="column" data-stage={title} aria-label={title}
      style={{
        minWidth: 250, width: 250, background: isOver ? '#e6f4ff' : '#fafafa', borderRadius: 8, padding: 8,
        borderTop: `4px solid ${column.color ?? '#d9d9d9'}`,
      }}>
      <Space orientation="vertical" size={0} style={{ marginBottom: 8 }}>
        <Typography.Text strong data-testid="column-title">{title}</Typography.Text>
        <Typography.Text type="secondary" data-testid="column-count">{t('deals.board.count', { count: column.count })}</Typography.Text>
        {column.sums.map((s) => (
          <Typography.Text key={s.currency} type="secondary" data-testid="column-sum">{formatMoney(s.amount, s.currency, language)}</Typography.Text>
        ))}
      </Space>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {column.cards.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.board.empty')} />}
        {column.cards.map((card) => (
          <DraggableCard key={card.id} card={card} stageId={column.stageId} type={type} language={language}
            ownerName={ownerName} draggable={draggable && !(type === 'LEAD' && card.status === 'CONVERTED')} onOpen={onOpen} />
        ))}
        {column.nextCursor && <Button block size="small" onClick={onMore} loading={loadingMore}>{t('deals.board.more')}</Button>}
      </Space>
    </div>
  );
}

function DraggableCard({ card, stageId, type, language, ownerName, draggable, onOpen }: {
  card: BoardCard;
  stageId: string;
  type: CardType;
  language: string;
  ownerName: (id: string | null) => string | null;
  draggable: boolean;
  onOpen: (card: BoardCard) => void;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, data: { card, stageId }, disabled: !draggable });
  return (
    <div ref={setNodeRef} {...attributes} {...listeners} data-testid="card" data-number={card.number}
      style={{ opacity: isDragging ? 0.4 : 1, cursor: draggable ? 'grab' : 'pointer' }}
      onClick={() => onOpen(card)}
      onKeyDown={(e) => {
        listeners?.onKeyDown?.(e);
        if (e.key === 'Enter') onOpen(card);
      }}>
      <CardBody card={card} type={type} language={language} ownerName={ownerName} />
    </div>
  );
}

function CardBody({ card, type, language, ownerName }: {
  card: BoardCard;
  type: CardType;
  language: string;
  ownerName: (id: string | null) => string | null;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" hoverable>
      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Typography.Text type="secondary">#{card.number}</Typography.Text>
          <Typography.Text strong data-testid="card-title">{cardTitle(card)}</Typography.Text>
        </Space>
        {type === 'DEAL' && <Typography.Text data-testid="card-amount">{formatMoney(card.amount, card.currency, language)}</Typography.Text>}
        {type === 'LEAD' && card.phone && <span data-testid="card-phone"><CallButton number={card.phone} /></span>}
        {card.paymentStatus && <Tag color={PAYMENT_COLORS[card.paymentStatus]}>{t(`deals.payment.${card.paymentStatus}`)}</Tag>}
        {card.sourceDetail && <Typography.Text type="secondary" ellipsis>{card.sourceDetail}</Typography.Text>}
        <Space size={4} wrap style={{ fontSize: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {card.ownerId ? ownerName(card.ownerId) ?? '' : t('contacts.unassigned')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>· {t('deals.card.age', { days: ageInDays(card.createdAt) })}</Typography.Text>
        </Space>
      </Space>
    </Card>
  );
}
