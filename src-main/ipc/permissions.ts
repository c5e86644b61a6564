/** Permissions a channel can require. 'public' = no login needed (setup status, login). */
export const PERMISSIONS = [
  'public',        // before login
  'read',          // any logged-in user, including 只读
  'case.write',    // record facts: households, applications, archive, notices, supervision
  'case.review',   // 审核人: review opinions
  'case.confirm',  // 审核确认 (the confirming role)
  'sensitive.read',// unmasked bank accounts and phones
  'admin',         // users, settings, address tree, backups
  'county',        // county mode: import township packages
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['admin', 'clerk', 'reviewer', 'readonly', 'county'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员', clerk: '经办人', reviewer: '审核人', readonly: '只读', county: '县级',
};

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['public', 'read', 'case.write', 'case.review', 'case.confirm', 'sensitive.read', 'admin'],
  clerk: ['public', 'read', 'case.write', 'sensitive.read'],
  reviewer: ['public', 'read', 'case.review', 'case.confirm'],
  readonly: ['public', 'read'],
  county: ['public', 'read', 'county'],
};

/** Fails closed: an unknown role or permission grants nothing. */
export function roleHas(role: string | undefined, permission: string): boolean {
  if (!role || !(role in GRANTS)) return false;
  return (GRANTS[role as Role] as readonly string[]).includes(permission);
}
