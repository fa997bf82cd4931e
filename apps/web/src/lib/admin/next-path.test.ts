import { describe, expect, it } from 'vitest';
import { safeAdminNext } from './next-path';

describe('safeAdminNext', () => {
  it('keeps a path inside the admin, with its query', () => {
    expect(safeAdminNext('/admin')).toBe('/admin');
    expect(safeAdminNext('/admin/courses?status=open&page=2')).toBe(
      '/admin/courses?status=open&page=2',
    );
  });

  it('falls back to the dashboard without a usable path', () => {
    for (const next of [null, undefined, '', '/', '/my', '/administrator', 'admin']) {
      expect(safeAdminNext(next)).toBe('/admin');
    }
  });

  it('never leaves the site', () => {
    for (const next of [
      'https://evil.example/admin',
      '//evil.example/admin',
      '/\\evil.example',
      '/admin\\..\\..\\evil',
      '/admin\n//evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeAdminNext(next)).toBe('/admin');
    }
  });

  it('does not send staff back to the sign-in or sign-out page', () => {
    expect(safeAdminNext('/admin/sign-in?next=/admin')).toBe('/admin');
    expect(safeAdminNext('/admin/sign-out')).toBe('/admin');
  });

  it('resolves dot segments so the result stays inside the admin', () => {
    expect(safeAdminNext('/admin/../my')).toBe('/admin');
  });
});
