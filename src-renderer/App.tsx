import { useCallback, useEffect, useState } from 'react';
import { call, onAuthError, setSession, type Out } from './lib/api';
import { SetupWizard } from './pages/SetupWizard';
import { LoginPage } from './pages/LoginPage';
import { Shell } from './Shell';
import { Loading, ErrorAlert } from './components/Status';
import type { ApiError } from './lib/api';

export type CurrentUser = Out<'auth.login'>['user'];

/** Gate: first-run setup → login → the app frame. A dropped (idle) session returns to the lock screen. */
export function App() {
  const [status, setStatus] = useState<Out<'setup.status'> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [lockedAs, setLockedAs] = useState<string | null>(null);
  const [idleMinutes, setIdleMinutes] = useState(15);

  const load = useCallback(() => { call('setup.status', {}).then(setStatus, setError); }, []);
  useEffect(load, [load]);
  useEffect(() => {
    const off = onAuthError(() => {
      setUser((u) => { if (u) setLockedAs(u.username); return null; });
      setSession(null);
    });
    return () => { off(); };
  }, []);

  if (error) return <ErrorAlert error={error} title="无法启动" />;
  if (!status) return <Loading />;
  if (!status.initialized) return <SetupWizard onDone={load} />;
  if (!user) {
    return <LoginPage township={status.township?.name ?? ''} lockedAs={lockedAs}
      onLogin={(r) => {
        setSession(r.sessionId);
        setUser(r.user);
        setLockedAs(null);
        call('settings.get', {}).then((v) => setIdleMinutes(Number(v['security.idleMinutes'] ?? 15)), () => undefined);
      }} />;
  }
  const endSession = (lock: boolean) => {
    void call('auth.logout', {}).catch(() => undefined);
    setSession(null);
    if (lock) setLockedAs(user.username);
    setUser(null);
  };
  return <Shell user={user} township={status.township!} idleMinutes={idleMinutes}
    onLogout={() => endSession(false)} onLock={() => endSession(true)} />;
}
