import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { auditLog, staffUsers } from '@seoro/db';
import { makeResident } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { createServiceContext } from '../context';
import { buildExportFile } from '../exports/build-export-file';
import { exportAuditLog } from './export-audit-log';

describe('exportAuditLog', () => {
  it('exports the filtered rows, residents masked, and audits the export', async () => {
    const { database } = await testDatabase();
    const ctx = createServiceContext(database);
    const adminId = randomUUID();
    await database.write((tx) =>
      tx.insert(staffUsers).values({
        id: adminId,
        email: 'admin@seoroseoro.example',
        name: '김관리',
        passwordHash: 'x',
        role: 'admin',
        createdAt: new Date(),
      }),
    );
    const kim = await makeResident(database, { name: '김민지', phoneE164: '+821012345678' });
    const at = new Date('2026-05-01T01:00:00Z');
    await database.write((tx) =>
      tx.insert(auditLog).values([
        {
          at,
          actorType: 'staff',
          actorId: adminId,
          action: 'resident.data_read',
          residentId: kim.id,
          detail: { reference: 'DR-2026-AAAAAA' },
        },
        { at, actorType: 'system', action: 'lottery.draw' },
      ]),
    );
    const table = await exportAuditLog(ctx, {
      filters: { resident: '5678' },
      format: 'csv',
      staffId: adminId,
    });
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toEqual(
      expect.arrayContaining(['resident.data_read', 'DR-2026-AAAAAA', '김*지 010-****-5678']),
    );
    const file = await buildExportFile(table, 'csv');
    const text = new TextDecoder().decode(file.bytes);
    expect(text).toContain('요청 번호');
    expect(text).not.toContain('김민지');
    const [row] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'audit.export'));
    expect(row).toMatchObject({ actorId: adminId, detail: { format: 'csv', rows: 1 } });
  });
});
