import { useEffect } from 'react';
import { Badge, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Me } from '../api';

const STATUSES = ['ONLINE', 'WORKING', 'DO_NOT_DISTURB', 'AWAY', 'OFFLINE'] as const;
const COLORS: Record<string, 'success' | 'processing' | 'error' | 'warning' | 'default'> = {
  ONLINE: 'success', WORKING: 'processing', DO_NOT_DISTURB: 'error', AWAY: 'warning', OFFLINE: 'default',
};

interface PresenceView {
  userId: string;
  status: string;
}

/** The user's presence (`002_*`): chosen here, and kept alive by a heartbeat while the app is open. */
export function PresenceSwitch({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const presence = useQuery({ queryKey: ['presence'], queryFn: () => api<PresenceView[]>('/api/identity/presence') });
  const mine = presence.data?.find((p) => p.userId === me.id)?.status ?? 'ONLINE';
  const set = useMutation({
    mutationFn: (status: string) => api('/api/identity/presence', { method: 'PUT', body: { status } }),
    onSettled: () => void queries.invalidateQueries({ queryKey: ['presence'] }),
  });

  useEffect(() => {
    const beat = () => void api('/api/identity/presence/heartbeat', { method: 'POST', body: {} })
      .then(() => queries.invalidateQueries({ queryKey: ['presence'] })).catch(() => undefined);
    beat();
    const timer = window.setInterval(beat, 60_000);
    return () => window.clearInterval(timer);
  }, [queries]);

  return (
    <Select aria-label={t('presence.label')} data-testid="presence" value={mine} style={{ width: 170 }}
      onChange={(status: string) => set.mutate(status)}
      options={STATUSES.map((s) => ({ value: s, label: <Badge status={COLORS[s]} text={t(`presence.${s}`)} /> }))} />
  );
}
