import { createContext, useContext } from 'react';
import type { CurrentUser } from '../App';

/** The logged-in user with the permissions main granted its role (auth.access), not a copy of the role table. */
export type SessionUser = CurrentUser & { permissions: readonly string[] };
export const UserContext = createContext<SessionUser | null>(null);
export const useUser = () => useContext(UserContext)!;

/** UI hint only (main enforces): may this user change case data? */
export const canWrite = (u: SessionUser | null) => !!u?.permissions.includes('case.write');
export const isAdmin = (u: SessionUser | null) => !!u?.permissions.includes('admin');
