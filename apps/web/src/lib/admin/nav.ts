import { m } from '@seoro/i18n';
import type { Locale } from '@seoro/domain';

/** A staff member's role, as `staff.auth.me` reports it. */
export type StaffRole = 'admin' | 'staff' | 'viewer';

/** One section in the admin's navigation. */
export interface AdminNavItem {
  /** The path without a locale prefix; the layout localizes it. */
  path: `/admin${string}`;
  /** The section's name in the page's language. */
  label: (opts: { locale: Locale }) => string;
  /** Who sees the section; everyone signed in when left out (e.g. 직원 계정 lists only 'admin'). */
  roles?: readonly StaffRole[];
}

/**
 * The admin's sections in menu order. A section is listed once its pages exist: adding one is one
 * line here and its messages.
 */
export const adminNav = [
  { path: '/admin', label: (opts) => m.web_admin_nav_dashboard({}, opts) },
  { path: '/admin/stats', label: (opts) => m.admin_stats_nav({}, opts) },
  { path: '/admin/terms', label: (opts) => m.admin_term_nav({}, opts) },
  { path: '/admin/courses', label: (opts) => m.web_admin_roster_nav({}, opts) },
  { path: '/admin/applications', label: (opts) => m.teach_admin_title({}, opts) },
  { path: '/admin/rooms', label: (opts) => m.admin_rooms_nav({}, opts) },
  { path: '/admin/exports', label: (opts) => m.admin_export_nav({}, opts) },
  { path: '/admin/kiosks', label: (opts) => m.admin_kiosk_nav({}, opts) },
  { path: '/admin/notices', label: (opts) => m.admin_notice_nav({}, opts) },
  {
    path: '/admin/history',
    label: (opts) => m.admin_history_nav({}, opts),
    roles: ['admin', 'staff'],
  },
  { path: '/admin/wishes', label: (opts) => m.wishes_admin_nav({}, opts) },
  { path: '/admin/audit', label: (opts) => m.web_admin_audit_nav({}, opts), roles: ['admin'] },
  { path: '/admin/privacy', label: (opts) => m.privacy_admin_nav({}, opts), roles: ['admin'] },
  { path: '/admin/staff', label: (opts) => m.admin_staff_nav({}, opts), roles: ['admin'] },
  { path: '/admin/settings', label: (opts) => m.admin_settings_nav({}, opts), roles: ['admin'] },
] as const satisfies readonly AdminNavItem[];

/** The sections a staff member of `role` sees. */
export function navFor(role: StaffRole): readonly AdminNavItem[] {
  return adminNav.filter((item: AdminNavItem) => !item.roles || item.roles.includes(role));
}

/**
 * Whether `path` (a delocalized pathname) is inside the section at `itemPath`: the dashboard only
 * on itself, any other section on its pages too.
 */
export function isCurrentSection(itemPath: string, path: string): boolean {
  if (itemPath === '/admin') return path === '/admin' || path === '/admin/';
  return path === itemPath || path.startsWith(`${itemPath}/`);
}

/** The role in words, in the page's language. */
export function roleName(role: StaffRole, opts: { locale: Locale }): string {
  switch (role) {
    case 'admin':
      return m.web_admin_role_admin({}, opts);
    case 'staff':
      return m.web_admin_role_staff({}, opts);
    case 'viewer':
      return m.web_admin_role_viewer({}, opts);
  }
}
