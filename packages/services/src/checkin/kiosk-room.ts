import { asc, eq, sql } from 'drizzle-orm';
import { rooms, statementsFor, venues, type Db } from '@seoro/db';
import { DomainError } from '@seoro/domain';
import type { ServiceContext } from '../context';

/**
 * The room a kiosk checks in to, with its venue: its own, or without one the first room the
 * program set up (Lecture Room 3 in the demo data); null when there is no room at all.
 */
export async function findKioskRoom(ctx: ServiceContext, roomId: string | null) {
  const queries = kioskRoomStatements(ctx.database.db);
  const [room] = await (roomId ? queries.room.all({ roomId }) : queries.firstRoom.all());
  return room ?? null;
}

export const kioskRoomStatements = statementsFor((db: Db) => {
  const roomAndVenue = () =>
    db
      .select({ room: rooms, venue: venues })
      .from(rooms)
      .innerJoin(venues, eq(venues.id, rooms.venueId));
  return {
    room: roomAndVenue()
      .where(eq(rooms.id, sql.placeholder('roomId')))
      .limit(1)
      .prepare(),
    firstRoom: roomAndVenue().orderBy(asc(rooms.createdAt)).limit(1).prepare(),
  };
});

/** The id of the room a kiosk checks in to (see `findKioskRoom`). */
export async function kioskRoomId(ctx: ServiceContext, roomId: string | null) {
  return roomId ?? (await findKioskRoom(ctx, null))?.room.id ?? null;
}

/** The refusal for a class held in another room today, naming that room and its venue. */
export async function classElsewhere(ctx: ServiceContext, roomId: string): Promise<DomainError> {
  const place = await findKioskRoom(ctx, roomId);
  return new DomainError('class_in_other_room', {
    roomKo: place?.room.nameKo ?? '',
    roomEn: place?.room.nameEn ?? '',
    venueKo: place?.venue.nameKo ?? '',
    venueEn: place?.venue.nameEn ?? '',
  });
}
