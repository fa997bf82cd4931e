import { eq } from 'drizzle-orm';
import { auditLog, kiosks, newId, rooms } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import { writeService, type ServiceContext } from '../context';
import { auditActor, uniquePlugins, type KioskActor } from './kiosk-actor';

export interface CreateKioskInput {
  /** What staff call it, e.g. "제3강의실 앞"; unique among kiosks. */
  name: string;
  roomId: string | null;
  /** Plugin ids the kiosk shows; the caller has checked they are kiosk plugins. */
  enabledPlugins: string[];
  actor: KioskActor;
  ip?: string | null;
}

/**
 * Adds a kiosk, unpaired: it needs a pairing code before it can do anything. A blank or long name
 * is `invalid_name`, one already used `kiosk_name_taken`, an unknown room `room_not_found`.
 */
export const createKiosk = writeService('createKiosk');
export { createKioskInPlace };

async function createKioskInPlace(
  ctx: ServiceContext,
  input: CreateKioskInput,
): Promise<{ id: string; name: string }> {
  const name = input.name.trim();
  if (!name || [...name].length > 60) throw new DomainError('invalid_name');
  const enabledPlugins = uniquePlugins(input.enabledPlugins);
  return ctx.database.write(async (tx) => {
    const now = ctx.clock.now();
    const [taken] = await tx
      .select({ id: kiosks.id })
      .from(kiosks)
      .where(eq(kiosks.name, name))
      .limit(1);
    if (taken) throw new DomainError('kiosk_name_taken');
    if (input.roomId) {
      const [room] = await tx
        .select({ id: rooms.id })
        .from(rooms)
        .where(eq(rooms.id, input.roomId))
        .limit(1);
      if (!room) throw new DomainError('room_not_found');
    }
    const id = newId();
    await tx
      .insert(kiosks)
      .values({ id, name, roomId: input.roomId, enabledPlugins, createdAt: now });
    await tx.insert(auditLog).values({
      at: now,
      ...auditActor(input.actor),
      action: 'kiosk.create',
      subjectType: 'kiosk',
      subjectId: id,
      ip: input.ip ?? null,
      detail: { name, roomId: input.roomId, enabledPlugins },
    });
    return { id, name };
  });
}
