import { useEffect, useMemo, useRef } from 'react';
import { useIdle } from '@mantine/hooks';
import { AppShell, Badge, Button, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { AREAS } from './areas';
import { navigate, useRoute } from './lib/router';
import { UserContext } from './lib/user';
import { AccessContext } from './lib/access';
import { useCall } from './lib/useCall';
import { usePageState } from './lib/pageState';
import { ErrorAlert, Loading } from './components/Status';
import type { CurrentUser } from './App';

interface Props { user: CurrentUser; township: { name: string; county: string }; idleMinutes: number; onLogout: () => void; onLock: () => void }

export function Shell({ user, township, idleMinutes, onLogout, onLock }: Props) {
  // The window locks after the idle setting; main drops the session on its own clock too.
  const idle = useIdle(idleMinutes * 60_000, { initialState: false });
  useEffect(() => { if (idle) onLock(); }, [idle, onLock]);
  const route = useRoute();
  // What this user may do, from the channels' declared permissions: pages offer only those controls.
  const access = useCall('auth.access', {});
  const areas = AREAS.filter((a) => !a.channel || !!access.data?.allowed.includes(a.channel));
  const area = areas.find((a) => a.key === route[0]) ?? AREAS[0];
  const Page = area.page;
  const pageState = usePageState();
  const main = useRef<HTMLElement>(null);
  useEffect(() => { main.current?.scrollTo?.(0, 0); }, [area.key]);
  const sessionUser = useMemo(() => (access.data ? { ...user, permissions: access.data.permissions } : null), [user, access.data]);
  if (access.error) return <ErrorAlert error={access.error} title="无法读取当前账号的权限" />;
  if (!sessionUser) return <Loading />;
  return (
    <AccessContext.Provider value={access.data!}>
    <UserContext.Provider value={sessionUser}>
      <AppShell header={{ height: 52 }} navbar={{ width: 190, breakpoint: 0 }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Group gap="xs">
              <Title order={4}>低保档案与复核工作站</Title>
              <Text c="dimmed" size="sm">{township.county} · {township.name}</Text>
            </Group>
            <Group gap="xs">
              <Text size="sm" data-testid="current-user">{user.displayName}</Text>
              <Badge variant="light">{user.roleLabel}</Badge>
              <Button size="xs" variant="subtle" onClick={onLogout}>退出</Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <ScrollArea>
            <nav aria-label="主导航">
              {areas.map((a) => (
                <NavLink key={a.key} label={a.label} leftSection={<a.icon size={18} />} active={a.key === area.key}
                  href={`#/${a.key}`} onClick={(e) => { e.preventDefault(); navigate(`/${a.key}`); }} />
              ))}
            </nav>
          </ScrollArea>
        </AppShell.Navbar>
        {/* data-state: the page's queries (loading|ready|error); data-route: which page, for e2e waits */}
        <AppShell.Main ref={main} data-state={pageState} data-route={route.join('/')}>
          <Page path={route.slice(1)} />
        </AppShell.Main>
      </AppShell>
    </UserContext.Provider>
    </AccessContext.Provider>
  );
}
