import { eq } from 'drizzle-orm';
import { auditLog, kiosks, rooms } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { uniquePlugins } from './kiosk-actor';

export interface UpdateKioskInput {
  kioskId: string;
  roomId: string | null;
  /** Plugin ids the kiosk shows; the caller has checked they are kiosk plugins. */
  enabledPlugins: string[];
  staffId: string;
  ip?: string | null;
}

/**
 * Moves a kiosk to another room and changes which plugins it shows; a paired kiosk picks the
 * change up on its next call. The audit row has the values before and after. A revoked kiosk
 * (`kiosk_revoked`) is not changed any more.
 */
export const updateKiosk = writeService('updateKiosk');
export { updateKioskInPlace };

async function updateKioskInPlace(
  ctx: ServiceContext,
  input: UpdateKioskInput,
): Promise<{ id: string; name: string; changed: boolean }> {
  const enabledPlugins = uniquePlugins(input.enabledPlugins);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [kiosk] = await tx.select().from(kiosks).where(eq(kiosks.id, input.kioskId)).limit(1);
    if (!kiosk) throw new DomainError('kiosk_not_found');
    if (kiosk.revokedAt) throw new DomainError('kiosk_revoked');
    if (input.roomId && input.roomId !== kiosk.roomId) {
      const [room] = await tx
        .select({ id: rooms.id })
        .from(rooms)
        .where(eq(rooms.id, input.roomId))
        .limit(1);
      if (!room) throw new DomainError('room_not_found');
    }
    const changed =
      input.roomId !== kiosk.roomId ||
      JSON.stringify(enabledPlugins) !== JSON.stringify(kiosk.enabledPlugins);
    if (!changed) return { id: kiosk.id, name: kiosk.name, changed };
    await tx
      .update(kiosks)
      .set({ roomId: input.roomId, enabledPlugins })
      .where(eq(kiosks.id, kiosk.id));
    await tx.insert(auditLog).values({
      at: now,
      actorType: 'staff',
      actorId: input.staffId,
      action: 'kiosk.update',
      subjectType: 'kiosk',
      subjectId: kiosk.id,
      ip: input.ip ?? null,
      detail: {
        name: kiosk.name,
        before: { roomId: kiosk.roomId, enabledPlugins: kiosk.enabledPlugins },
        after: { roomId: input.roomId, enabledPlugins },
      },
    });
    return { id: kiosk.id, name: kiosk.name, changed };
  });
}
