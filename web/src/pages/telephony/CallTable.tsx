import { useEffect, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, PlayCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api';
import { useProblems } from '../../problems';
import { useStaff } from '../contacts/staff';
import { CALLS_KEY, callParams, listCalls, recordingAddress, uploadRecording, type Call, type CallFilters, type CallStatus } from './api';
import { duration, otherNumber } from './model';
import { CallButton } from './CallButton';

export const STATUS_COLORS: Record<CallStatus, string> = { RINGING: 'processing', ANSWERED: 'green', ENDED: 'default', MISSED: 'red' };

/** A call's recording: fetched with the user's token when asked for, then played in an <audio>. */
export function RecordingPlayer({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const problems = useProblems();
  const [address, setAddress] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => {
    if (address) URL.revokeObjectURL(address);
  }, [address]);
  if (address) {
    return <audio controls autoPlay src={address} data-testid="recording" style={{ height: 32, maxWidth: 260 }} />;
  }
  return (
    <Space>
      <Button size="small" icon={<PlayCircleOutlined />} loading={loading} data-testid="recording-play"
        onClick={async () => {
          setLoading(true);
          setError(null);
          try {
            setAddress(await recordingAddress(callId));
          } catch (e) {
            setError(problems.text(e));
          } finally {
            setLoading(false);
          }
        }}>
        {t('telephony.calls.listen')}
      </Button>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Space>
  );
}

/**
 * Uploads a recording the exchange did not link (an answered call's audio file), for an administrator or the
 * user who took the call; the service checks that too.
 */
export function RecordingUpload({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const problems = useProblems();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <Upload accept="audio/*" showUploadList={false} data-testid="recording-upload"
      customRequest={async ({ file, onSuccess, onError }) => {
        setBusy(true);
        try {
          await uploadRecording(callId, file as Blob);
          message.success(t('telephony.calls.uploaded'));
          await queryClient.invalidateQueries({ queryKey: CALLS_KEY });
          onSuccess?.(null);
        } catch (e) {
          message.error(problems.text(e));
          onError?.(e as Error);
        } finally {
          setBusy(false);
        }
      }}>
      <Button size="small" icon={<UploadOutlined />} loading={busy}>{t('telephony.calls.upload')}</Button>
    </Upload>
  );
}

/**
 * Calls of the log, newest first, a page at a time ("load more" follows the cursor): when, which way, the status,
 * the other number (to call back), the contact, the user, wait and talk time, the recording.
 */
export function CallTable({ filters, limit = 50, compact = false, showContact = true, me }: {
  filters: CallFilters;
  /** The reader: an administrator, or the user who took an answered call, may upload its recording. */
  me?: Me;
  limit?: number;
  /** A tab's short list: fewer columns. */
  compact?: boolean;
  showContact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const problems = useProblems();
  const { name } = useStaff();
  const params = callParams(filters, limit);
  const calls = useInfiniteQuery({
    queryKey: [...CALLS_KEY, params.toString()],
    initialPageParam: '',
    queryFn: ({ pageParam }) => listCalls(params, pageParam || undefined),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = calls.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {calls.error && <Alert type="error" showIcon title={problems.text(calls.error)} />}
      <Table<Call> rowKey="id" size={compact ? 'small' : 'middle'} loading={calls.isPending} pagination={false}
        dataSource={rows} data-testid="calls" locale={{ emptyText: t('telephony.calls.empty') }} scroll={{ x: 'max-content' }}
        onRow={(call) => ({ 'data-testid': 'call-row', 'data-status': call.status } as HTMLAttributes<HTMLElement>)}
        columns={[
          {
            title: t('telephony.calls.when'),
            dataIndex: 'startedAt',
            render: (at: string) => new Date(at).toLocaleString(i18n.language),
          },
          {
            title: t('telephony.calls.direction'),
            dataIndex: 'direction',
            render: (d: Call['direction']) => (
              <Tooltip title={t(`telephony.direction.${d}`)}>
                <Space size={4}>
                  {d === 'INBOUND' ? <ArrowDownOutlined style={{ color: '#1677ff' }} /> : <ArrowUpOutlined style={{ color: '#52c41a' }} />}
                  {!compact && t(`telephony.direction.${d}`)}
                </Space>
              </Tooltip>
            ),
          },
          {
            title: t('telephony.calls.status'),
            dataIndex: 'status',
            render: (s: CallStatus) => <Tag color={STATUS_COLORS[s]} data-testid="call-status">{t(`telephony.status.${s}`)}</Tag>,
          },
          {
            title: t('telephony.calls.number'),
            render: (_, call) => <CallButton number={otherNumber(call)} contactId={call.contactId} />,
          },
          ...(showContact ? [{
            title: t('telephony.calls.contact'),
            render: (_: unknown, call: Call) => call.contactId
              ? <Link to={`/contacts/${call.contactId}`} data-testid="call-contact">{call.contactName ?? t('telephony.calls.openContact')}</Link>
              : call.matchedContactIds.length > 1
                ? <Typography.Text type="secondary">{t('telephony.calls.severalMatches', { count: call.matchedContactIds.length })}</Typography.Text>
                : <Typography.Text type="secondary">{t('telephony.calls.unknownNumber')}</Typography.Text>,
          }] : []),
          {
            title: t('telephony.calls.user'),
            dataIndex: 'userId',
            render: (id: string | null, call) => (id ? name(id) ?? '' : call.extension ? t('telephony.calls.extension', { extension: call.extension }) : ''),
          },
          ...(compact ? [] : [{
            title: t('telephony.calls.wait'),
            dataIndex: 'waitSeconds',
            align: 'right' as const,
            render: (s: number | null) => duration(s),
          }]),
          {
            title: t('telephony.calls.talk'),
            dataIndex: 'talkSeconds',
            align: 'right',
            render: (s: number | null) => duration(s),
          },
          {
            title: t('telephony.calls.recording'),
            render: (_, call) => (call.hasRecording ? <RecordingPlayer callId={call.id} />
              : me && call.answeredAt && call.status !== 'RINGING' && (me.role === 'ADMIN' || me.id === call.userId)
                ? <RecordingUpload callId={call.id} /> : null),
          },
        ]} />
      {calls.hasNextPage && (
        <Button onClick={() => calls.fetchNextPage()} loading={calls.isFetchingNextPage} data-testid="calls-more">
          {t('telephony.calls.more')}
        </Button>
      )}
    </Space>
  );
}
