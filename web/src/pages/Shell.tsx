import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, clearSession, currentSession, type Me } from '../api';
import { LanguageSwitch } from './LanguageSwitch';
import { ApiKeys } from './ApiKeys';
import { Profile } from './Profile';
import { Users } from './Users';
import { Structure } from './Structure';
import { PresenceSwitch } from './PresenceSwitch';
import { NotificationsBell } from './NotificationsBell';
import { ContactList } from './contacts/ContactList';
import { ContactCard } from './contacts/ContactCard';
import { CompanyList } from './companies/CompanyList';
import { CompanyCard } from './companies/CompanyCard';
import { changesContacts, worksWithContacts } from './contacts/model';
import { ImportWizard } from './contacts/tools/ImportWizard';
import { CustomFieldSettings } from './contacts/tools/CustomFieldSettings';
import { DealBoard } from './deals/DealBoard';
import { DealList } from './deals/DealList';
import { Products } from './deals/Products';
import { PipelineSettings } from './deals/PipelineSettings';
import { worksWithDeals } from './deals/model';
import { Campaigns } from './marketing/Campaigns';
import { Promotions } from './marketing/Promotions';
import { MarketingCalendar } from './marketing/MarketingCalendar';
import { Contracts } from './marketing/Contracts';
import { Returns } from './marketing/Returns';
import { RealtimeBridge } from '../RealtimeBridge';
import { CallPopup } from './telephony/CallPopup';
import { Calls } from './telephony/Calls';
import { TelephonySettings } from './telephony/TelephonySettings';
import { seesCalls } from './telephony/model';
import { NotificationPreferences } from './notifications/NotificationPreferences';
import { SentMessages } from './notifications/SentMessages';

/** The layout every signed-in screen lives in: the sections the user's role may use, language, sign-out. */
export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/api/identity/me') });

  if (me.isPending) {
    return <Spin fullscreen />;
  }
  if (me.isError || !me.data) {
    clearSession();
    return <Navigate to="/sign-in" replace />;
  }
  const admin = me.data.role === 'ADMIN';
  const contacts = worksWithContacts(me.data.role);
  const deals = worksWithDeals(me.data.role);
  const calls = seesCalls(me.data.role);
  // only sections that exist and that the role may use are shown
  const sections = [
    ...(deals ? [{ key: '/deals', label: t('deals.menu.board') }, { key: '/deals-list', label: t('deals.menu.list') }] : []),
    ...(contacts ? [{ key: '/contacts', label: t('menu.contacts') }, { key: '/companies', label: t('menu.companies') }] : []),
    ...(calls ? [{ key: '/calls', label: t('telephony.menu.calls') }] : []),
    ...(deals ? [{ key: '/products', label: t('deals.menu.products') }] : []),
    // campaigns, offers, contracts and returns: read by every role that works with deals (see marketing/model.ts for who changes them)
    ...(deals ? [
      { key: '/marketing/calendar', label: t('marketing.menu.calendar') },
      { key: '/marketing/campaigns', label: t('marketing.menu.campaigns') },
      { key: '/marketing/promotions', label: t('marketing.menu.promotions') },
      { key: '/contracts', label: t('marketing.menu.contracts') },
      { key: '/returns', label: t('marketing.menu.returns') },
    ] : []),
    { key: '/users', label: t('menu.users') },
    { key: '/structure', label: t('menu.structure') },
    { key: '/profile', label: t('menu.profile') },
    { key: '/settings/notifications', label: t('preferences.menu') },
    ...(admin ? [{ key: '/sent-messages', label: t('sent.menu') }] : []),
    ...(admin ? [{ key: '/api-keys', label: t('menu.apiKeys') }] : []),
    ...(admin ? [{ key: '/settings/custom-fields', label: t('contactTools.menu.customFields') }] : []),
    ...(admin ? [{ key: '/settings/pipelines', label: t('deals.menu.pipelines') }] : []),
    ...(admin ? [{ key: '/settings/telephony', label: t('telephony.menu.settings') }] : []),
  ];

  // a card (/contacts/...) belongs to its section
  const section = sections.find((s) => location.pathname === s.key || location.pathname.startsWith(`${s.key}/`));

  const signOut = async () => {
    const session = currentSession();
    if (session) {
      await api('/api/identity/logout', { method: 'POST', body: { refreshToken: session.refreshToken }, anonymous: true })
        .catch(() => undefined);
    }
    clearSession();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <RealtimeBridge />
      <CallPopup canCreateContact={changesContacts(me.data.role)} />
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light">
        <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Menu mode="inline" selectedKeys={[section?.key ?? location.pathname]} items={sections}
          onClick={(item) => navigate(item.key)} data-testid="menu" />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Text strong data-testid="company">{me.data.company.name}</Typography.Text>
          <Space>
            <Typography.Text data-testid="user">
              {me.data.firstName} {me.data.lastName ?? ''} · {t(`role.${me.data.role}`)}
            </Typography.Text>
            <PresenceSwitch me={me.data} />
            <NotificationsBell />
            <LanguageSwitch />
            <Button onClick={signOut}>{t('auth.signOut')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Routes>
            {contacts && <Route path="/contacts" element={<ContactList me={me.data} />} />}
            {contacts && <Route path="/contacts/:id" element={<ContactCard me={me.data} />} />}
            {contacts && <Route path="/companies" element={<CompanyList me={me.data} />} />}
            {contacts && <Route path="/companies/:id" element={<CompanyCard me={me.data} />} />}
            {changesContacts(me.data.role) && <Route path="/contacts/import" element={<ImportWizard key="contacts" card="contacts" />} />}
            {changesContacts(me.data.role) && <Route path="/companies/import" element={<ImportWizard key="companies" card="companies" />} />}
            {deals && <Route path="/deals" element={<DealBoard me={me.data} />} />}
            {deals && <Route path="/deals-list" element={<DealList me={me.data} />} />}
            {deals && <Route path="/products" element={<Products me={me.data} />} />}
            {deals && <Route path="/marketing/calendar" element={<MarketingCalendar me={me.data} />} />}
            {deals && <Route path="/marketing/campaigns" element={<Campaigns me={me.data} />} />}
            {deals && <Route path="/marketing/promotions" element={<Promotions me={me.data} />} />}
            {deals && <Route path="/contracts" element={<Contracts me={me.data} />} />}
            {deals && <Route path="/returns" element={<Returns me={me.data} />} />}
            {admin && <Route path="/settings/pipelines" element={<PipelineSettings />} />}
            {calls && <Route path="/calls" element={<Calls me={me.data} />} />}
            {admin && <Route path="/settings/telephony" element={<TelephonySettings />} />}
            <Route path="/settings/notifications" element={<NotificationPreferences />} />
            <Route path="/users" element={<Users me={me.data} />} />
            <Route path="/structure" element={<Structure me={me.data} />} />
            <Route path="/profile" element={<Profile me={me.data} />} />
            {admin && <Route path="/api-keys" element={<ApiKeys />} />}
            {admin && <Route path="/sent-messages" element={<SentMessages />} />}
            {admin && <Route path="/settings/custom-fields" element={<CustomFieldSettings />} />}
            <Route path="*" element={<Navigate to="/profile" replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
