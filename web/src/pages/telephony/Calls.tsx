import { useState } from 'react';
import { Card, DatePicker, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api';
import { useStaff } from '../contacts/staff';
import { CALL_STATUSES, DIRECTIONS, type CallFilters, type CallStatus, type Direction } from './api';
import { dayRange } from './model';
import { CallTable } from './CallTable';

/**
 * The call log (`002_*` 2.1.8, the calls panel): every call the user may see, newest first, filtered by direction,
 * status, user and days; each with its recording and a link to its contact.
 */
export function Calls({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { staff } = useStaff();
  const [direction, setDirection] = useState<Direction>();
  const [status, setStatus] = useState<CallStatus>();
  const [userId, setUserId] = useState<string>();
  const [days, setDays] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const filters: CallFilters = {
    direction, status, userId,
    ...dayRange(days?.[0]?.toDate() ?? null, days?.[1]?.toDate() ?? null),
  };
  // MANAGER and OPERATOR see their own calls (and their contacts'); a user filter helps those who see colleagues'
  const seesColleagues = me.role === 'ADMIN' || me.role === 'SUPERVISOR';
  return (
    <Card title={t('telephony.calls.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select allowClear placeholder={t('telephony.calls.direction')} aria-label={t('telephony.calls.direction')} style={{ width: 170 }}
          value={direction} onChange={setDirection}
          options={DIRECTIONS.map((d) => ({ value: d, label: t(`telephony.direction.${d}`) }))} />
        <Select allowClear placeholder={t('telephony.calls.status')} aria-label={t('telephony.calls.status')} style={{ width: 170 }}
          value={status} onChange={setStatus}
          options={CALL_STATUSES.map((s) => ({ value: s, label: t(`telephony.status.${s}`) }))} />
        {seesColleagues && (
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('telephony.calls.user')} aria-label={t('telephony.calls.user')}
            style={{ width: 220 }} value={userId} onChange={setUserId}
            options={staff.map((u) => ({ value: u.id, label: `${u.firstName} ${u.lastName ?? ''}`.trim() }))} />
        )}
        <DatePicker.RangePicker aria-label={t('telephony.calls.days')} value={days} onChange={(value) => setDays(value)}
          placeholder={[t('telephony.calls.fromDay'), t('telephony.calls.toDay')]} />
      </Space>
      <CallTable filters={filters} me={me} />
    </Card>
  );
}
