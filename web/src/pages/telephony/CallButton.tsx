import { App as AntApp, Button, Tooltip, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, type Me } from '../../api';
import { useProblems } from '../../problems';
import { CALLS_KEY, originate } from './api';
import { seesCalls } from './model';

/** What an originate refusal means to the user: no extension, no exchange, or the general problem. */
export function useCallProblem() {
  const { t } = useTranslation();
  const problems = useProblems();
  return (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) return t('telephony.call.noExtension');
    if (error instanceof ApiError && (error.status === 502 || error.status === 503 || error.status === 504)) {
      return t('telephony.call.exchangeDown');
    }
    return problems.text(error);
  };
}

/**
 * A phone number shown on a card or a list, as a button that calls it (click to call): the exchange rings the
 * user's own phone first, then the number. Roles without calls see the number as text.
 */
export function CallButton({ number, contactId = null }: { number: string | null | undefined; contactId?: string | null }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queries = useQueryClient();
  const me = queries.getQueryData<Me>(['me']);
  const problem = useCallProblem();
  const call = useMutation({
    mutationFn: () => originate(number!, contactId),
    onSuccess: () => {
      void message.success(t('telephony.call.started', { number }));
      void queries.invalidateQueries({ queryKey: CALLS_KEY });
    },
    onError: (e) => void message.error(problem(e)),
  });
  if (!number) return null;
  if (me && !seesCalls(me.role)) return <Typography.Text>{number}</Typography.Text>;
  return (
    <Tooltip title={t('telephony.call.tooltip')}>
      <Button type="link" size="small" icon={<PhoneOutlined />} loading={call.isPending} data-testid="call-number"
        style={{ paddingInline: 0, height: 'auto' }}
        onClick={(e) => {
          // in a table row or on a board card that opens the card on a click, calling is all this click does
          e.stopPropagation();
          call.mutate();
        }}
        // nor does Enter or Space on it pick up the board card it is on
        onKeyDown={(e) => e.stopPropagation()}>
        {number}
      </Button>
    </Tooltip>
  );
}
