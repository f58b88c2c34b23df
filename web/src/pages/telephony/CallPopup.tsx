import { useReducer, useState } from 'react';
import { Button, Card, Divider, Space, Tag, Typography } from 'antd';
import { CloseOutlined, PhoneOutlined, StarFilled, UserAddOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFrames } from '../../RealtimeBridge';
import type { RingingFrame } from '../../realtime';
import { useStaff } from '../contacts/staff';
import { NewContact } from '../contacts/NewContact';
import type { CallerCard } from './api';
import { dealTotals, EMPTY_POPUP, popupReducer } from './popup';

/**
 * The screen pop (`000_*`: the client's information during the conversation): over any screen while a call rings
 * for the user, the caller's number and the card summary of every contact it matched, each with "open card"; a new
 * number offers to create the contact with it. It closes when the call is answered, ends or is missed, or when
 * dismissed.
 */
export function CallPopup({ canCreateContact }: { canCreateContact: boolean }) {
  const [state, dispatch] = useReducer(popupReducer, EMPTY_POPUP);
  useFrames(dispatch);
  if (state.ringing.length === 0) return null;
  return (
    <div style={{ position: 'fixed', right: 24, bottom: 24, zIndex: 1050, width: 420, maxHeight: '80vh', overflowY: 'auto' }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {state.ringing.map((call) => (
          <RingingCard key={call.callId} call={call} canCreateContact={canCreateContact}
            onDismiss={() => dispatch({ type: 'dismiss', callId: call.callId })} />
        ))}
      </Space>
    </div>
  );
}

function RingingCard({ call, canCreateContact, onDismiss }: { call: RingingFrame; canCreateContact: boolean; onDismiss: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const number = call.callerNumber ?? null;
  const callers = call.callers ?? [];
  return (
    <Card size="small" data-testid="call-popup" data-call={call.callId}
      style={{ boxShadow: '0 6px 24px rgba(0, 0, 0, 0.18)', borderColor: '#52c41a' }}
      title={
        <Space>
          <PhoneOutlined style={{ color: '#52c41a' }} />
          {call.direction === 'OUTBOUND' ? t('telephony.popup.outgoing') : t('telephony.popup.incoming')}
        </Space>
      }
      extra={<Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('telephony.popup.dismiss')}
        data-testid="popup-dismiss" onClick={onDismiss} />}>
      <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="popup-number">
        {number ?? t('telephony.popup.hiddenNumber')}
      </Typography.Title>
      {call.extension && <Typography.Text type="secondary">{t('telephony.popup.extension', { extension: call.extension })}</Typography.Text>}
      {callers.length === 0 ? (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Tag color="blue" data-testid="popup-new">{t('telephony.popup.newNumber')}</Tag>
          {canCreateContact && number && (
            <Button type="primary" icon={<UserAddOutlined />} data-testid="popup-create" onClick={() => setCreating(true)}>
              {t('telephony.popup.createContact')}
            </Button>
          )}
        </Space>
      ) : (
        <>
          {callers.length > 1 && (
            <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }} data-testid="popup-several">
              {t('telephony.popup.several', { count: callers.length })}
            </Typography.Paragraph>
          )}
          {callers.map((caller, i) => (
            <div key={caller.contactId}>
              {i > 0 && <Divider style={{ margin: '8px 0' }} />}
              <CallerSummary caller={caller} onOpen={() => navigate(`/contacts/${caller.contactId}`)} />
            </div>
          ))}
        </>
      )}
      {creating && number && (
        <NewContact key={number} open phone={number} onClose={() => setCreating(false)}
          onCreated={(contact) => {
            onDismiss();
            navigate(`/contacts/${contact.id}`);
          }} />
      )}
    </Card>
  );
}

function CallerSummary({ caller, onOpen }: { caller: CallerCard; onOpen: () => void }) {
  const { t, i18n } = useTranslation();
  const { name } = useStaff();
  const owner = caller.ownerId ? name(caller.ownerId) : null;
  const totals = dealTotals(caller.openDealsTotals ?? [], i18n.language);
  const channel = caller.lastInteractionChannel;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%', marginTop: 8 }} data-testid="popup-caller">
      <Space wrap>
        {caller.vip && <StarFilled style={{ color: '#faad14' }} title={t('contacts.field.vip')} aria-label={t('contacts.field.vip')} />}
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="popup-caller-name">{caller.name}</Typography.Text>
        {caller.vip && <Tag color="gold">VIP</Tag>}
      </Space>
      {caller.companyName && (
        <Typography.Text>
          {caller.companyId ? <Link to={`/companies/${caller.companyId}`}>{caller.companyName}</Link> : caller.companyName}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">
        {t('contacts.field.ownerId')}: {caller.ownerId ? owner ?? '…' : t('contacts.unassigned')}
      </Typography.Text>
      <Typography.Text data-testid="popup-deals">
        {caller.openDeals > 0
          ? t('telephony.popup.openDeals', { count: caller.openDeals, sums: totals ? ` · ${totals}` : '' })
          : t('telephony.popup.noOpenDeals')}
      </Typography.Text>
      {caller.lastInteractionAt && (
        <Typography.Text type="secondary">
          {t('telephony.popup.lastInteraction', {
            when: new Date(caller.lastInteractionAt).toLocaleString(i18n.language),
            channel: channel ? t(`contacts.channel.${channel}`, { defaultValue: channel }) : '',
          })}
        </Typography.Text>
      )}
      <Button size="small" type="primary" ghost onClick={onOpen} data-testid="popup-open" style={{ alignSelf: 'flex-start', marginTop: 4 }}>
        {t('telephony.popup.openCard')}
      </Button>
    </Space>
  );
}
