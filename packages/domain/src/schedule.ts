/**
 * Meeting schedules. Classes meet weekly in community rooms; the same room is shared by many
 * classes, so double bookings must be caught before a term is published.
 */
import { addDays, dateToDays, timeToMinutes } from './time';

/** A meeting slot on a KST calendar date; the interval is [start, end) and does not cross midnight. */
export type TimeSlot = { date: string; start: string; end: string };

/** A scheduled meeting in a room. */
export type RoomMeeting = TimeSlot & { id: string; roomId: string };

/** `count` dates starting at `first`, 7 days apart; throws RangeError on a bad date or count. */
export function weeklyDates(first: string, count: number): string[] {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  dateToDays(first); // validate even when count is 0
  return Array.from({ length: count }, (_, i) => addDays(first, 7 * i));
}

function minutes(slot: TimeSlot): { day: number; start: number; end: number } {
  const start = timeToMinutes(slot.start);
  const end = timeToMinutes(slot.end);
  if (end <= start)
    throw new RangeError(`slot ${slot.date} ${slot.start}-${slot.end} must end after it starts`);
  return { day: dateToDays(slot.date), start, end };
}

/** Whether two slots share a date and their [start, end) intervals intersect; back-to-back slots do not overlap. */
export function timesOverlap(a: TimeSlot, b: TimeSlot): boolean {
  const x = minutes(a);
  const y = minutes(b);
  return x.day === y.day && x.start < y.end && y.start < x.end;
}

/**
 * Every pair of meetings that double-books a room, as [earlier-listed id, later-listed id],
 * ordered by the position of the first and then the second meeting in the input.
 */
export function findRoomConflicts(meetings: readonly RoomMeeting[]): Array<[string, string]> {
  // Sweep per (room, date) in start order: a meeting conflicts with every still-running one.
  const groups = new Map<string, Array<{ index: number; start: number; end: number }>>();
  meetings.forEach((m, index) => {
    const { day, start, end } = minutes(m);
    const key = JSON.stringify([m.roomId, day]);
    const group = groups.get(key) ?? [];
    group.push({ index, start, end });
    groups.set(key, group);
  });

  const pairs: Array<[number, number]> = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.start - b.start || a.index - b.index);
    let active: typeof group = [];
    for (const current of group) {
      active = active.filter((other) => other.end > current.start);
      for (const other of active) {
        pairs.push(
          other.index < current.index ? [other.index, current.index] : [current.index, other.index],
        );
      }
      active.push(current);
    }
  }
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return pairs.map(([i, j]) => [meetings[i]?.id ?? '', meetings[j]?.id ?? '']);
}
