import { createContext, useContext } from 'react';
import type { CurrentUser } from '../App';

export const UserContext = createContext<CurrentUser | null>(null);
export const useUser = () => useContext(UserContext)!;

/** UI hint only (main enforces): may this user change case data? */
export const canWrite = (u: CurrentUser | null) => !!u && (u.role === 'admin' || u.role === 'clerk');
export const isAdmin = (u: CurrentUser | null) => u?.role === 'admin';
