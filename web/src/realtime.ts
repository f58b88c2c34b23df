// The app's one real-time connection (`/ws/notifications`, ARCHITECTURE.md section 7): opened with the access token,
// reopened with back-off when it drops and with the fresh token after a refresh; each JSON frame goes to every
// subscriber. What the frames mean for the screens (refreshing queries, the presence list) is decided here too, as
// plain functions the tests call; RealtimeBridge.tsx wires them to React.
import type { QueryKey } from '@tanstack/react-query';
import type { CallerCard, Direction } from './pages/telephony/api';
import type { Notification } from './pages/notifications/api';

export interface RingingFrame {
  type: 'call.ringing';
  callId: string;
  direction: Direction;
  callerNumber: string | null;
  calledNumber: string | null;
  extension: string | null;
  callers: CallerCard[];
  startedAt: string;
}

export type Frame =
  | { type: 'notification'; notification: Notification }
  | RingingFrame
  | { type: 'call.answered' | 'call.ended' | 'call.missed'; callId: string }
  | { type: 'presence'; userId: string; status: string }
  | { type: 'changed'; entity: string; id: string | null };

const KNOWN = new Set(['notification', 'call.ringing', 'call.answered', 'call.ended', 'call.missed', 'presence', 'changed']);

/** A text frame as a Frame; null for anything else (not JSON, no known type), which is ignored. */
export function parseFrame(text: string): Frame | null {
  try {
    const frame = JSON.parse(text) as { type?: unknown };
    return frame && typeof frame === 'object' && typeof frame.type === 'string' && KNOWN.has(frame.type) ? (frame as Frame) : null;
  } catch {
    return null;
  }
}

/**
 * The queries a `changed` frame makes stale: the record's own and the lists that may show it. A kind of record
 * the app does not know refreshes the queries named after it, which is harmless when there are none.
 */
export function staleQueries(entity: string, id: string | null): QueryKey[] {
  switch (entity) {
    case 'contact':
      return [...(id ? [['contact', id]] : []), ['contacts']];
    case 'company':
      return [...(id ? [['company', id]] : []), ['companies']];
    // every query of deals-service's cards (boards, lists, panels, returns) starts with ['deals', 'cards']
    case 'lead':
    case 'deal':
    case 'order':
    case 'return':
      return [['deals', 'cards']];
    case 'campaign':
      return [['marketing']];
    case 'call':
      return [['telephony', 'calls']];
    case 'notification':
      return [['notifications']];
    case 'user':
      return [['staff'], ['users'], ['me']];
    default:
      return [[entity], [`${entity}s`]];
  }
}

/** The presence list (identity's GET /presence) with one user's new status; a user not in it yet is added. */
export function withPresence<T extends { userId: string; status: string }>(list: T[] | undefined, userId: string, status: string): T[] {
  const current = list ?? [];
  return current.some((p) => p.userId === userId)
    ? current.map((p) => (p.userId === userId ? { ...p, status } : p))
    : [...current, { userId, status } as T];
}

/** How long to wait before the n-th attempt to reconnect (0-based): 1, 2, 4 ... 30 seconds, less a random quarter. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 10));
  return Math.round(ceiling * (1 - 0.25 * random()));
}

/** What the connection needs of a WebSocket (the browser's, or a test's stand-in). */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(): void;
}

export interface ConnectionOptions {
  /** A token good for a while, or null when signed out (the connection then waits to be started again). */
  token: () => Promise<string | null>;
  open: (url: string) => SocketLike;
  /** The page's origin as ws:// or wss://. */
  base: () => string;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  random?: () => number;
}

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'waiting';

/** One push connection: start() opens it, stop() closes it for good, restart() reopens it now (a new token). */
export class RealtimeConnection {
  private readonly listeners = new Set<(frame: Frame) => void>();
  private socket: SocketLike | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private running = false;
  /** Each opening has its number; events of a socket replaced since are ignored. */
  private generation = 0;
  state: ConnectionState = 'idle';
  /** The token the open socket was opened with. */
  token: string | null = null;

  constructor(private readonly options: ConnectionOptions) {}

  subscribe(listener: (frame: Frame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hands a frame to every subscriber (also what a socket's message does); one failing subscriber stops no other. */
  dispatch(frame: Frame): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(frame);
      } catch (error) {
        console.error('a real-time subscriber failed', error);
      }
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    this.generation++;
    this.cancelTimer();
    this.closeSocket();
    this.state = 'idle';
    this.token = null;
  }

  /** Reopens at once (after a token refresh), without waiting out a back-off. */
  restart(): void {
    if (!this.running) return;
    this.generation++;
    this.cancelTimer();
    this.closeSocket();
    this.attempt = 0;
    void this.connect();
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.state = 'connecting';
    let token: string | null;
    try {
      token = await this.options.token();
    } catch {
      token = null;
    }
    if (generation !== this.generation || !this.running) return;
    if (!token) {
      this.retry();
      return;
    }
    this.token = token;
    const socket = this.options.open(`${this.options.base()}/ws/notifications?access_token=${encodeURIComponent(token)}`);
    this.socket = socket;
    socket.onopen = () => {
      if (generation !== this.generation) return;
      this.state = 'open';
      this.attempt = 0;
    };
    socket.onmessage = (event) => {
      if (generation !== this.generation || typeof event.data !== 'string') return;
      const frame = parseFrame(event.data);
      if (frame) this.dispatch(frame);
    };
    // a refused handshake (an expired token) also ends here: the next attempt asks for a fresh token first
    socket.onclose = () => {
      if (generation !== this.generation) return;
      this.socket = null;
      this.retry();
    };
    socket.onerror = () => undefined;
  }

  private retry(): void {
    if (!this.running) return;
    this.state = 'waiting';
    const delay = reconnectDelay(this.attempt++, this.options.random);
    const set = this.options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.timer = set(() => {
      this.timer = null;
      void this.connect();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      (this.options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>)))(this.timer);
      this.timer = null;
    }
  }

  private closeSocket(): void {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close();
    }
  }
}
