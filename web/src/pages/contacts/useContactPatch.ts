import { useRef, useState } from 'react';
import { App as AntApp } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { cardKey, CONFLICT, type CardKind } from './model';
import { useProblems } from '../../problems';

/**
 * Saves changes to a card as JSON merge patches: only the changed fields, with the version the user saw, so
 * that an edit over someone else's newer one is refused (409) instead of silently undoing it. The user's own
 * quick edits go one after another, each with the version the previous one left. Serves contact cards and,
 * with `card` = 'companies', company cards.
 */
export function useContactPatch(id: string, card: CardKind = 'contacts') {
  const { t } = useTranslation();
  const problems = useProblems();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [stale, setStale] = useState(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const patch = useMutation({
    mutationFn: (change: Record<string, unknown>) => {
      const next = queue.current.catch(() => undefined).then(async () => {
        const seen = queries.getQueryData<{ version: number }>(cardKey(card, id));
        const updated = await api<{ version: number }>(`/api/${card}/${id}`, { method: 'PATCH', body: { ...change, version: seen?.version } });
        queries.setQueryData(cardKey(card, id), updated);
        return updated;
      });
      queue.current = next;
      return next;
    },
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: [...cardKey(card, id), 'history'] });
      void queries.invalidateQueries({ queryKey: [card] });
      setErrors({});
      void message.success(t('contacts.saved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409 && e.type === CONFLICT) {
        setStale(true);
        setErrors({});
      } else if (e instanceof ApiError && e.fieldErrors.length > 0) {
        setErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field, problems.field(f.message)])));
      } else {
        void message.error(problems.text(e));
      }
    },
  });
  return {
    /** Sends the change; the promise fails when the server refuses it (the refusal is shown already). */
    save: (change: Record<string, unknown>) => patch.mutateAsync(change),
    /** Sends the change and forgets the outcome (it is shown to the user either way). */
    change: (change: Record<string, unknown>) => void patch.mutateAsync(change).catch(() => undefined),
    /** The server's complaint about each field of the last refused change, by field path. */
    errors,
    stale,
    reloaded: () => {
      setStale(false);
      setErrors({});
    },
  };
}

export type ContactPatch = ReturnType<typeof useContactPatch>;
