import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from '../_columns';

/** A place the program uses, e.g. Yongsan Art Hall (용산아트홀). */
export const venues = sqliteTable('venues', {
  id: id(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  addressKo: text('address_ko'),
  addressEn: text('address_en'),
  createdAt: createdAt(),
});

/** A room in a venue, e.g. Lecture Room 3 (제3강의실). Its timetable must never double-book. */
export const rooms = sqliteTable(
  'rooms',
  {
    id: id(),
    venueId: text('venue_id')
      .notNull()
      .references(() => venues.id),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    seats: integer('seats'),
    createdAt: createdAt(),
  },
  (t) => [
    index('rooms_venue_idx').on(t.venueId),
    // A kiosk with no room of its own checks in to the first room set up.
    index('rooms_created_idx').on(t.createdAt),
  ],
);
