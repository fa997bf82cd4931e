import { DomainError, weeklySchedule, type HolidayRule, type WeeklySchedule } from '@seoro/domain';
import { assertValidSlot, loadHolidays } from './shared';

/** A weekly pattern as staff fill it in on the meetings page. */
export interface SchedulePatternInput {
  courseId: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
  startTime: string;
  endTime: string;
  /** The first date a meeting may fall on. */
  first: string;
  /** How many meetings, or… */
  count?: number | null;
  /** …the last date a meeting may fall on. */
  until?: string | null;
  holidayRule: HolidayRule;
  /** The room; the course's own room when left out. */
  roomId?: string | null;
}

/** The dates of a pattern and the holidays it skipped, with the years whose holidays are unknown. */
export interface PlannedSchedule extends WeeklySchedule {
  unknownHolidayYears: string[];
}

/**
 * Works out a pattern's dates against the public holidays of the years it spans. A pattern that
 * cannot give meetings (no weekday, end before start, too many meetings) is `schedule_invalid`.
 */
export async function planSchedule(input: SchedulePatternInput): Promise<PlannedSchedule> {
  assertValidSlot({ date: input.first, startTime: input.startTime, endTime: input.endTime });
  const firstYear = Number(input.first.slice(0, 4));
  const { holidays, unknownYears } = await loadHolidays(
    [0, 1, 2].map((n) => String(firstYear + n)),
  );
  let schedule: WeeklySchedule;
  try {
    schedule = weeklySchedule({
      weekdays: input.weekdays,
      first: input.first,
      count: input.count ?? null,
      until: input.until ?? null,
      holidays,
      holidayRule: input.holidayRule,
    });
  } catch (error) {
    if (error instanceof RangeError) throw new DomainError('schedule_invalid');
    throw error;
  }
  if (schedule.dates.length === 0) throw new DomainError('schedule_invalid');
  const years = new Set(schedule.dates.map((d) => d.slice(0, 4)));
  return { ...schedule, unknownHolidayYears: unknownYears.filter((y) => years.has(y)) };
}
