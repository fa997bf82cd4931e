/**
 * The seat decision. It is deliberately a pure function of counts read inside the same write
 * transaction that inserts the enrolment, so two concurrent requests can never both take the last
 * seat: the transaction serialises them and each sees the other's count.
 */

/** Outcome of one registration request for a class. */
export type EnrolmentDecision =
  { status: 'confirmed' } | { status: 'waitlisted'; position: number };

function assertCount(value: number, label: string, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${label} must be an integer >= ${min}, got ${value}`);
  }
}

/** Confirms while confirmed < capacity, otherwise waitlists at the next position; throws RangeError on bad counts. */
export function decideEnrolment(input: {
  capacity: number;
  confirmed: number;
  waitlisted: number;
}): EnrolmentDecision {
  assertCount(input.capacity, 'capacity', 1);
  assertCount(input.confirmed, 'confirmed', 0);
  assertCount(input.waitlisted, 'waitlisted', 0);
  // confirmed may exceed capacity when staff over-enrol by hand; that still means "no seat".
  if (input.confirmed < input.capacity) return { status: 'confirmed' };
  return { status: 'waitlisted', position: input.waitlisted + 1 };
}

/** Seats still free for display; never negative even when staff have over-enrolled. */
export function seatsLeft(capacity: number, confirmed: number): number {
  assertCount(capacity, 'capacity', 1);
  assertCount(confirmed, 'confirmed', 0);
  return Math.max(0, capacity - confirmed);
}
