import { useEffect, useState } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import ruRU from 'antd/locale/ru_RU';
import ukUA from 'antd/locale/uk_UA';
import { useTranslation } from 'react-i18next';
import { currentSession, onSessionChange, type Session } from './api';
import { SignIn } from './pages/SignIn';
import { SignUp } from './pages/SignUp';
import { Shell } from './pages/Shell';
import { AcceptInvitation } from './pages/AcceptInvitation';
import { ForgotPassword, ResetPassword } from './pages/ResetPassword';

const antdLocales = { en: enUS, ru: ruRU, uk: ukUA } as const;

export function App() {
  const { i18n } = useTranslation();
  const [session, setSession] = useState<Session | null>(currentSession());
  useEffect(() => onSessionChange(setSession), []);
  const locale = antdLocales[(i18n.language as keyof typeof antdLocales) ?? 'en'] ?? enUS;

  return (
    <ConfigProvider locale={locale}>
      <Routes>
        <Route path="/sign-in" element={session ? <Navigate to="/" replace /> : <SignIn />} />
        <Route path="/sign-up" element={session ? <Navigate to="/" replace /> : <SignUp />} />
        <Route path="/forgot-password" element={<ForgotPassword />} />
        <Route path="/reset-password" element={<ResetPassword />} />
        <Route path="/accept-invitation" element={session ? <Navigate to="/" replace /> : <AcceptInvitation />} />
        <Route path="/*" element={session ? <Shell /> : <Navigate to="/sign-in" replace />} />
      </Routes>
    </ConfigProvider>
  );
}
