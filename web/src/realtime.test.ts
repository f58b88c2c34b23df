import { describe, expect, it, vi } from 'vitest';
import {
  parseFrame, RealtimeConnection, reconnectDelay, staleQueries, withPresence, type Frame, type SocketLike,
} from './realtime';

/** A socket the test opens, feeds and closes by hand. */
class FakeSocket implements SocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
  }
  receive(data: unknown) {
    this.onmessage?.({ data });
  }
  drop() {
    this.onclose?.({});
  }
}

function harness(tokens: (string | null)[]) {
  const sockets: FakeSocket[] = [];
  const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
  let next = 0;
  const connection = new RealtimeConnection({
    token: async () => tokens[Math.min(next++, tokens.length - 1)],
    open: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    base: () => 'ws://crm.example',
    setTimer: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
    random: () => 0,
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { connection, sockets, timers, settle };
}

describe('parseFrame', () => {
  it('reads the frames of the contract', () => {
    expect(parseFrame('{"type":"changed","entity":"contact","id":"c1"}')).toEqual({ type: 'changed', entity: 'contact', id: 'c1' });
    expect(parseFrame('{"type":"call.ended","callId":"k"}')).toEqual({ type: 'call.ended', callId: 'k' });
  });

  it('ignores what is not a frame it knows', () => {
    expect(parseFrame('pong')).toBeNull();
    expect(parseFrame('{"type":"something.else"}')).toBeNull();
    expect(parseFrame('[1,2]')).toBeNull();
    expect(parseFrame('null')).toBeNull();
  });
});

describe('staleQueries', () => {
  it('refreshes a changed contact and the lists of contacts', () => {
    expect(staleQueries('contact', 'c1')).toEqual([['contact', 'c1'], ['contacts']]);
  });

  it('refreshes every deal card query for a lead or a deal', () => {
    expect(staleQueries('deal', 'd1')).toEqual([['deals', 'cards']]);
    expect(staleQueries('lead', 'l1')).toEqual([['deals', 'cards']]);
  });

  it('refreshes the marketing screens for a campaign', () => {
    expect(staleQueries('campaign', 'm1')).toEqual([['marketing']]);
  });

  it('refreshes the call log for a call', () => {
    expect(staleQueries('call', 'k1')).toEqual([['telephony', 'calls']]);
  });

  it('names an unknown kind of record after itself', () => {
    expect(staleQueries('task', 't1')).toEqual([['task'], ['tasks']]);
  });
});

describe('withPresence', () => {
  it('changes one user\'s status and adds a user it did not list', () => {
    const list = [{ userId: 'a', status: 'ONLINE' }, { userId: 'b', status: 'AWAY' }];
    expect(withPresence(list, 'b', 'ONLINE')).toEqual([{ userId: 'a', status: 'ONLINE' }, { userId: 'b', status: 'ONLINE' }]);
    expect(withPresence(list, 'c', 'WORKING')).toHaveLength(3);
    expect(withPresence(undefined, 'c', 'WORKING')).toEqual([{ userId: 'c', status: 'WORKING' }]);
  });
});

describe('reconnectDelay', () => {
  it('doubles from a second up to half a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 12].map((n) => reconnectDelay(n, () => 0))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('takes off up to a quarter at random, so that many browsers do not return at once', () => {
    expect(reconnectDelay(2, () => 1)).toBe(3000);
  });
});

describe('RealtimeConnection', () => {
  it('opens with the access token and hands each frame to every subscriber', async () => {
    const { connection, sockets, settle } = harness(['token 1']);
    const first = vi.fn();
    const second = vi.fn();
    connection.subscribe(first);
    const off = connection.subscribe(second);
    connection.start();
    await settle();
    expect(sockets[0].url).toBe('ws://crm.example/ws/notifications?access_token=token%201');
    sockets[0].onopen?.({});
    expect(connection.state).toBe('open');

    sockets[0].receive('{"type":"presence","userId":"u","status":"AWAY"}');
    off();
    sockets[0].receive('{"type":"call.missed","callId":"k"}');
    sockets[0].receive('not json');

    expect(first.mock.calls.map(([f]) => (f as Frame).type)).toEqual(['presence', 'call.missed']);
    expect(second.mock.calls.map(([f]) => (f as Frame).type)).toEqual(['presence']);
  });

  it('a failing subscriber does not keep the frame from the others', async () => {
    const { connection } = harness(['t']);
    const after = vi.fn();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    connection.subscribe(() => {
      throw new Error('boom');
    });
    connection.subscribe(after);
    connection.dispatch({ type: 'changed', entity: 'contact', id: 'c' });
    expect(after).toHaveBeenCalledOnce();
    spy.mockRestore();
  });

  it('reconnects after a drop, waiting longer each time, with a fresh token, and resets the wait once open', async () => {
    const { connection, sockets, timers, settle } = harness(['t1', 't2', 't3', 't4']);
    connection.start();
    await settle();
    sockets[0].drop();
    expect(connection.state).toBe('waiting');
    expect(timers.map((t) => t.ms)).toEqual([1000]);
    timers[0].run();
    await settle();
    expect(sockets[1].url).toContain('access_token=t2');
    sockets[1].drop();
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000]);
    timers[1].run();
    await settle();
    sockets[2].onopen?.({});
    sockets[2].drop();
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000, 1000]);
  });

  it('waits and tries again while there is no token', async () => {
    const { connection, sockets, timers, settle } = harness([null, 'late']);
    connection.start();
    await settle();
    expect(sockets).toHaveLength(0);
    expect(timers).toHaveLength(1);
    timers[0].run();
    await settle();
    expect(sockets[0].url).toContain('access_token=late');
  });

  it('reopens at once with a new token, ignoring the old socket from then on', async () => {
    const { connection, sockets, settle } = harness(['old', 'new']);
    const heard = vi.fn();
    connection.subscribe(heard);
    connection.start();
    await settle();
    connection.restart();
    await settle();
    expect(sockets[0].closed).toBe(true);
    expect(sockets[1].url).toContain('access_token=new');
    expect(connection.token).toBe('new');
    sockets[0].receive('{"type":"changed","entity":"deal","id":"d"}');
    expect(heard).not.toHaveBeenCalled();
  });

  it('stays closed once stopped (signed out): no reconnecting', async () => {
    const { connection, sockets, timers, settle } = harness(['t']);
    connection.start();
    await settle();
    connection.stop();
    expect(sockets[0].closed).toBe(true);
    sockets[0].drop();
    expect(timers).toHaveLength(0);
    expect(connection.state).toBe('idle');
  });

  it('a stop while the token is being fetched opens nothing', async () => {
    const { connection, sockets, settle } = harness(['t']);
    connection.start();
    connection.stop();
    await settle();
    expect(sockets).toHaveLength(0);
  });
});
