// The real-time connection's place in the app: opened while signed in, reopened with each new token, and its
// frames turned into what the open screens show (refreshed queries, the presence list, new notifications).
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { freshAccessToken, onSessionChange } from './api';
import { RealtimeConnection, staleQueries, withPresence, type Frame, type SocketLike } from './realtime';
import { CALLS_KEY } from './pages/telephony/api';
import { NOTIFICATIONS_KEY } from './pages/notifications/api';

/** The one connection of the page. */
export const connection = new RealtimeConnection({
  token: freshAccessToken,
  open: (url) => new WebSocket(url) as unknown as SocketLike,
  base: () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}`,
});

/** Hears every frame while the component is mounted (the latest `listener` each time). */
export function useFrames(listener: (frame: Frame) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => connection.subscribe((frame) => latest.current(frame)), []);
}

/** Keeps the connection open while the user is signed in and applies its frames to the query cache. */
export function RealtimeBridge() {
  const queries = useQueryClient();

  useEffect(() => {
    connection.start();
    const off = onSessionChange((session) => {
      if (!session) connection.stop();
      else if (session.accessToken !== connection.token) {
        // a refreshed token: reopen with it (the old one expires while the socket would stay on it)
        connection.restart();
      }
    });
    return () => {
      off();
      connection.stop();
    };
  }, []);

  useFrames((frame) => {
    switch (frame.type) {
      case 'changed':
        staleQueries(frame.entity, frame.id).forEach((queryKey) => void queries.invalidateQueries({ queryKey }));
        break;
      case 'presence':
        queries.setQueryData<{ userId: string; status: string }[]>(['presence'],
          (list) => withPresence(list, frame.userId, frame.status));
        break;
      case 'notification':
        void queries.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
        break;
      case 'call.answered':
      case 'call.ended':
      case 'call.missed':
        void queries.invalidateQueries({ queryKey: CALLS_KEY });
        break;
      default:
        break;
    }
  });
  return null;
}
