// The deals API's shapes (deals-service: PipelineView, BoardView, LeadView, DealView, Item, Products.View,
// StageHistory.Move) and the rules the deals screens share: who may do what, what dropping a card on a column
// means, how the board changes before the server answers, money and durations as the user reads them.
import type { TFunction } from 'i18next';
import type { Me } from '../../api';

export type Outcome = 'OPEN' | 'WON' | 'LOST';
export type PipelineKind = 'LEAD' | 'DEAL';
export type CardType = PipelineKind;

export const PAYMENT_STATUSES = ['NOT_PAID', 'NOT_SELECTED', 'PAID', 'SUCCESSFUL', 'PROVIDER_FAILURE', 'ERROR'] as const;
export const PAYMENT_TYPES = ['CARD_ONLINE', 'CARD', 'BANK_TRANSFER', 'CASH_ON_DELIVERY', 'CASH'] as const;
export const OUTCOMES = ['OPEN', 'WON', 'LOST'] as const;
export const PRODUCT_KINDS = ['PRODUCT', 'SERVICE'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export type PaymentType = (typeof PAYMENT_TYPES)[number];
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export const PAYMENT_COLORS: Record<PaymentStatus, string> = {
  NOT_PAID: 'default', NOT_SELECTED: 'default', PAID: 'green', SUCCESSFUL: 'green', PROVIDER_FAILURE: 'red', ERROR: 'red',
};

export interface Stage {
  id: string;
  code: string | null;
  name: string | null;
  position: number;
  outcome: Outcome;
  color: string | null;
}

export interface Pipeline {
  id: string;
  kind: PipelineKind;
  code: string | null;
  name: string | null;
  position: number;
  version: number;
  stages: Stage[];
}

export interface Sum {
  currency: string;
  amount: number;
}

/** A card on the board: a lead (client's name, phone) or a deal (title, amount, payment). */
export interface BoardCard {
  id: string;
  number: number;
  title: string | null;
  contactName: string | null;
  phone: string | null;
  amount: number | null;
  currency: string | null;
  ownerId: string | null;
  paymentStatus: PaymentStatus | null;
  paymentType: PaymentType | null;
  source: string | null;
  sourceDetail: string | null;
  status: string;
  createdAt: string;
  version: number;
}

export interface BoardColumn {
  stageId: string;
  code: string | null;
  name: string | null;
  outcome: Outcome;
  color: string | null;
  count: number;
  sums: Sum[];
  cards: BoardCard[];
  nextCursor: string | null;
}

export interface Board {
  pipelineId: string;
  cards: CardType;
  columns: BoardColumn[];
}

export interface Lead {
  id: string;
  number: number;
  pipelineId: string;
  stageId: string;
  status: 'OPEN' | 'CONVERTED' | 'LOST';
  contactId: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  companyId: string | null;
  source: string | null;
  sourceDetail: string | null;
  ownerId: string | null;
  comment: string | null;
  lostReason: string | null;
  dealId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Line {
  id?: string;
  productId: string;
  name: string | null;
  quantity: number;
  unitPrice: number | null;
  discountPercent: number | null;
  total?: number;
}

export interface Deal {
  id: string;
  number: number;
  title: string | null;
  amount: number;
  currency: string;
  pipelineId: string;
  stageId: string;
  status: Outcome;
  ownerId: string | null;
  contactId: string | null;
  contactName: string | null;
  companyId: string | null;
  leadId: string | null;
  paymentStatus: PaymentStatus;
  paymentType: PaymentType | null;
  shopOrderId: string | null;
  expectedCloseDate: string | null;
  lostReason: string | null;
  source: string | null;
  sourceDetail: string | null;
  comment: string | null;
  lines: Line[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A row of the list of all leads and deals. */
export interface Item {
  type: CardType;
  id: string;
  number: number;
  title: string | null;
  contactName: string | null;
  phone: string | null;
  contactId: string | null;
  companyId: string | null;
  pipelineId: string;
  pipelineCode: string | null;
  pipelineName: string | null;
  stageId: string;
  stageCode: string | null;
  stageName: string | null;
  stageOutcome: Outcome;
  status: string;
  amount: number | null;
  currency: string | null;
  paymentStatus: PaymentStatus | null;
  paymentType: PaymentType | null;
  comment: string | null;
  source: string | null;
  sourceDetail: string | null;
  ownerId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Product {
  id: string;
  name: string;
  description: string | null;
  kind: ProductKind;
  sku: string | null;
  price: number;
  currency: string;
  active: boolean;
  version: number;
}

/** One move of a card between stages; `from` is null for the stage it was created in. */
export interface Move {
  pipelineId: string;
  fromStageId: string | null;
  fromCode: string | null;
  fromName: string | null;
  toStageId: string;
  toCode: string | null;
  toName: string | null;
  toOutcome: Outcome;
  changedBy: string | null;
  changedAt: string;
  /** How long the card stood in the stage it entered; null while it is still there. */
  secondsInStage: number | null;
}

// ---- roles (deals-service access.Access, products.Products) ----

export const worksWithDeals = (role: Me['role']) => role !== 'DEVELOPER';
/** MARKETER reads leads and deals but does not change them. */
export const changesDeals = (role: Me['role']) => worksWithDeals(role) && role !== 'MARKETER';
export const keepsCatalogue = (role: Me['role']) => role === 'ADMIN' || role === 'MARKETER';

// ---- names ----

/** A pipeline's or stage's name: its own once renamed, else the translation of its seeded code. */
export function nameOf(t: TFunction, kind: 'pipeline' | 'stage', named: { code: string | null; name: string | null }): string {
  if (named.name) return named.name;
  return named.code ? t(`deals.${kind}.${named.code}`, { defaultValue: named.code }) : '';
}

/** The API's path segment of a card kind. */
export const cardPath = (type: CardType) => (type === 'LEAD' ? 'leads' : 'deals');

/** What a card is called on the board and in the panel: its title, else the client's name. */
export const cardTitle = (card: { title?: string | null; contactName: string | null; phone?: string | null }) =>
  card.title || card.contactName || card.phone || '';

// ---- the board ----

/** What dropping a card on a column does. */
export type DropAction = 'none' | 'move' | 'lose' | 'convert';

/**
 * A lead reaches its won stage only by being converted (the conversion dialog opens), a card dropped on a lost
 * stage needs a reason first, the same column is no move.
 */
export function dropAction(type: CardType, from: Pick<Stage, 'id'>, to: Pick<Stage, 'id' | 'outcome'>): DropAction {
  if (from.id === to.id) return 'none';
  if (to.outcome === 'LOST') return 'lose';
  if (type === 'LEAD' && to.outcome === 'WON') return 'convert';
  return 'move';
}

/** Adds `delta` to the sum in `currency`, keeping the list ordered by currency and without zero sums. */
export function addToSums(sums: Sum[], currency: string | null, delta: number | null): Sum[] {
  if (!currency || delta === null || delta === 0) return sums;
  const next = sums.map((s) => ({ ...s }));
  const found = next.find((s) => s.currency === currency);
  if (found) {
    found.amount = Math.round((found.amount + delta) * 100) / 100;
  } else {
    next.push({ currency, amount: delta });
  }
  return next.filter((s) => Math.abs(s.amount) >= 0.005).sort((a, b) => a.currency.localeCompare(b.currency));
}

/** The column a card stands in, if the board shows it. */
export function columnOf(board: Board, cardId: string): BoardColumn | undefined {
  return board.columns.find((c) => c.cards.some((card) => card.id === cardId));
}

/**
 * The board as it is once the card stands in `toStageId`: out of its column (count and sums less), on top of the
 * other (count and sums more). The board is returned unchanged when either is missing.
 */
export function moveOnBoard(board: Board, cardId: string, toStageId: string): Board {
  const from = columnOf(board, cardId);
  const to = board.columns.find((c) => c.stageId === toStageId);
  if (!from || !to || from === to) return board;
  const card = from.cards.find((c) => c.id === cardId)!;
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column === from) {
        return {
          ...column,
          count: Math.max(0, column.count - 1),
          sums: addToSums(column.sums, card.currency, card.amount === null ? null : -card.amount),
          cards: column.cards.filter((c) => c.id !== cardId),
        };
      }
      if (column === to) {
        return {
          ...column,
          count: column.count + 1,
          sums: addToSums(column.sums, card.currency, card.amount),
          cards: [card, ...column.cards],
        };
      }
      return column;
    }),
  };
}

/** A column with its next page appended. */
export function appendPage(board: Board, stageId: string, page: { cards: BoardCard[]; nextCursor: string | null }): Board {
  return {
    ...board,
    columns: board.columns.map((c) => c.stageId !== stageId ? c : {
      ...c,
      cards: [...c.cards, ...page.cards.filter((card) => !c.cards.some((known) => known.id === card.id))],
      nextCursor: page.nextCursor,
    }),
  };
}

export interface BoardFilters {
  owner?: string;
  unassigned?: boolean;
  source?: string;
  /** Days, as YYYY-MM-DD, both included. */
  createdFrom?: string;
  createdTo?: string;
  paymentStatus?: PaymentStatus;
  q?: string;
}

/** The board's and the list's filters as query parameters; the created range covers whole days in the user's zone. */
export function filterParams(filters: BoardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.unassigned) params.set('unassigned', 'true');
  else if (filters.owner) params.set('owner', filters.owner);
  if (filters.source?.trim()) params.set('source', filters.source.trim());
  if (filters.createdFrom) params.set('createdFrom', startOfDay(filters.createdFrom).toISOString());
  if (filters.createdTo) {
    const end = startOfDay(filters.createdTo);
    end.setDate(end.getDate() + 1);
    params.set('createdTo', end.toISOString());
  }
  if (filters.paymentStatus) params.set('paymentStatus', filters.paymentStatus);
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  return params;
}

function startOfDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

// ---- money and time ----

/** An amount in its currency as the language writes it ("UAH 1,180.50", "1 180,50 грн"). */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined, language: string): string {
  if (amount === null || amount === undefined) return '';
  if (!currency) return amount.toFixed(2);
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** A line's total as deals-service counts it: quantity × price less the discount, to the cent, half up. */
export function lineTotal(quantity: number | null | undefined, unitPrice: number | null | undefined,
  discountPercent: number | null | undefined): number {
  if (!quantity || !unitPrice) return 0;
  // counted in cents, trimmed of binary noise, so that 0.005 rounds up as the server rounds it
  const cents = quantity * unitPrice * (100 - (discountPercent ?? 0));
  return Math.round(Number(cents.toFixed(6))) / 100;
}

/** The lines' total, to the cent. */
export function linesTotal(lines: Pick<Line, 'quantity' | 'unitPrice' | 'discountPercent'>[]): number {
  return Math.round(lines.reduce((sum, l) => sum + lineTotal(l.quantity, l.unitPrice, l.discountPercent), 0) * 100) / 100;
}

/** Whole days since `at` (a card's age). */
export function ageInDays(at: string, now: number = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(at).getTime()) / 86_400_000));
}

/** A stay of `seconds` as whole days, hours and minutes; null while the card still stands there. */
export function durationParts(seconds: number | null | undefined): { days: number; hours: number; minutes: number } | null {
  if (seconds === null || seconds === undefined) return null;
  const whole = Math.max(0, Math.floor(seconds));
  return { days: Math.floor(whole / 86400), hours: Math.floor((whole % 86400) / 3600), minutes: Math.floor((whole % 3600) / 60) };
}
