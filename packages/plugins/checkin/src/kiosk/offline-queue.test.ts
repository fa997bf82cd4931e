import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOfflineQueue, type OfflineQueue, type QueuedCheckIn } from './offline-queue';
import { checkInOrKeep, newClientKey, outcomeOfError, type CheckInCaller } from './offline';

const open: OfflineQueue[] = [];
function queue(name = `q-${randomUUID()}`) {
  const q = createOfflineQueue(name);
  open.push(q);
  return { q, name };
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(open.splice(0).map((q) => q.close()));
});

const item = (minute: number, code = 'ABCD-EFGH'): QueuedCheckIn => ({
  key: randomUUID(),
  code,
  method: 'keypad',
  takenAt: new Date(Date.UTC(2026, 0, 8, 5, minute)).toISOString(),
});

describe('the offline check-in queue', () => {
  it('keeps items across a reload and lists them oldest tap first', async () => {
    const { q, name } = queue();
    const [a, b, c] = [item(3), item(1), item(2)];
    for (const i of [a, b, c]) await q.add(i!);
    await q.close();
    // A new page (after a reload or a power cut) opens the same store.
    const { q: again } = queue(name);
    expect(await again.pending()).toBe(3);
    expect((await again.list()).map((i) => i.key)).toEqual([b!.key, c!.key, a!.key]);
  });

  it('sends oldest first, deletes answered items and stops at the first failure', async () => {
    const { q } = queue();
    const items = [item(1, 'AAAA-AAAA'), item(2, 'BBBB-BBBB'), item(3, 'CCCC-CCCC')];
    for (const i of items) await q.add(i);
    const seen: string[] = [];
    const report = await q.flush(async (i) => {
      seen.push(i.code);
      if (i.code === 'AAAA-AAAA') return { outcome: 'sent' };
      if (i.code === 'BBBB-BBBB') return { outcome: 'refused', reason: 'code_not_found' };
      return { outcome: 'retry' };
    });
    expect(seen).toEqual(['AAAA-AAAA', 'BBBB-BBBB', 'CCCC-CCCC']);
    expect(report).toEqual({ sent: 1, refused: 1, stopped: true });
    expect((await q.list()).map((i) => i.code)).toEqual(['CCCC-CCCC']);
    expect(await q.stats()).toEqual({ refused: 1, lastRefusal: 'code_not_found' });

    // Next time the network is there: the kept item goes, the refusal count stays.
    expect(await q.flush(async () => ({ outcome: 'sent' }))).toEqual({
      sent: 1,
      refused: 0,
      stopped: false,
    });
    expect(await q.pending()).toBe(0);
    expect((await q.stats()).refused).toBe(1);
  });

  it('keeps an item when the sender throws (no answer is no answer)', async () => {
    const { q } = queue();
    await q.add(item(1));
    const report = await q.flush(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(report.stopped).toBe(true);
    expect(await q.pending()).toBe(1);
  });

  it('runs one flush at a time: two calls at once send each item once', async () => {
    const { q } = queue();
    const items = [item(1), item(2), item(3)];
    for (const i of items) await q.add(i);
    const sent: string[] = [];
    const send = vi.fn(async (i: QueuedCheckIn) => {
      await new Promise((r) => setTimeout(r, 5));
      sent.push(i.key);
      return { outcome: 'sent' as const };
    });
    const [first, second] = await Promise.all([q.flush(send), q.flush(send)]);
    expect(first).toEqual(second);
    expect(sent).toEqual(items.map((i) => i.key));
    expect(await q.pending()).toBe(0);
    // Once done, a later call flushes again (nothing left to send).
    expect(await q.flush(send)).toEqual({ sent: 0, refused: 0, stopped: false });
  });

  it('sends items added while a flush runs, in tap order', async () => {
    const { q } = queue();
    await q.add(item(1, 'AAAA-AAAA'));
    const seen: string[] = [];
    await q.flush(async (i) => {
      seen.push(i.code);
      if (i.code === 'AAAA-AAAA') await q.add(item(2, 'BBBB-BBBB'));
      return { outcome: 'sent' };
    });
    expect(seen).toEqual(['AAAA-AAAA', 'BBBB-BBBB']);
  });
});

/** Shaped like tRPC's client error: a server answer has a `shape`, no answer has none. */
function trpcError(data: { httpStatus: number; domainCode: string | null } | null, message = 'x') {
  return Object.assign(new Error(message), {
    name: 'TRPCClientError',
    shape: data ? { message, data } : undefined,
    data,
  });
}

describe('what a queued send came to', () => {
  it('drops definite refusals, keeps everything that could still go through', () => {
    expect(outcomeOfError(trpcError({ httpStatus: 404, domainCode: 'code_not_found' }))).toEqual({
      outcome: 'refused',
      reason: 'code_not_found',
    });
    expect(
      outcomeOfError(trpcError({ httpStatus: 422, domainCode: 'check_in_time_too_old' })).outcome,
    ).toBe('refused');
    expect(outcomeOfError(trpcError({ httpStatus: 400, domainCode: null })).outcome).toBe(
      'refused',
    );
    expect(outcomeOfError(trpcError({ httpStatus: 429, domainCode: 'rate_limited' })).outcome).toBe(
      'retry',
    );
    expect(outcomeOfError(trpcError({ httpStatus: 401, domainCode: null })).outcome).toBe('retry');
    expect(outcomeOfError(trpcError({ httpStatus: 500, domainCode: null })).outcome).toBe('retry');
    expect(outcomeOfError(trpcError(null)).outcome).toBe('retry');
    expect(outcomeOfError(new TypeError('Failed to fetch')).outcome).toBe('retry');
  });
});

describe('checking in with the network down', () => {
  type Mutate = CheckInCaller['checkin']['checkIn']['mutate'];
  const client = (mutate: Mutate): CheckInCaller => ({ checkin: { checkIn: { mutate } } });
  const now = () => new Date('2026-01-08T05:03:00Z');

  it('keeps the check-in without calling when the kiosk knows it is offline', async () => {
    const { q } = queue();
    const mutate = vi.fn<Mutate>();
    const answer = await checkInOrKeep(
      { client: client(mutate), queue: q, online: false, locale: 'ko', now },
      'abcd-efgh',
      'keypad',
    );
    expect(answer).toEqual({ kind: 'saved' });
    expect(mutate).not.toHaveBeenCalled();
    const [kept] = await q.list();
    expect(kept).toMatchObject({
      code: 'ABCD-EFGH',
      method: 'keypad',
      takenAt: '2026-01-08T05:03:00.000Z',
    });
    // Codes and times only.
    expect(Object.keys(kept!).sort()).toEqual(['code', 'key', 'method', 'takenAt']);
  });

  it('keeps it under the key it already sent when the call got no answer', async () => {
    const { q } = queue();
    const mutate = vi.fn<Mutate>().mockRejectedValue(trpcError(null, 'fetch failed'));
    const answer = await checkInOrKeep(
      { client: client(mutate), queue: q, online: true, locale: 'en', now },
      'ABCD-EFGH',
      'qr',
    );
    expect(answer).toEqual({ kind: 'saved' });
    const sentKey = mutate.mock.calls[0]![0].clientKey;
    expect((await q.list())[0]!.key).toBe(sentKey);
  });

  it('shows a server refusal as before and keeps nothing', async () => {
    const { q } = queue();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const mutate = vi
      .fn<Mutate>()
      .mockRejectedValue(
        trpcError({ httpStatus: 404, domainCode: 'code_not_found' }, 'Code not found'),
      );
    const answer = await checkInOrKeep(
      { client: client(mutate), queue: q, online: true, locale: 'en', now },
      'ABCD-EFGH',
      'keypad',
    );
    expect(answer).toMatchObject({
      kind: 'answer',
      outcome: { ok: false, failure: { kind: 'refused', domainCode: 'code_not_found' } },
    });
    expect(await q.pending()).toBe(0);
  });

  it('refuses a code that cannot be one while offline, and keeps nothing', async () => {
    const { q } = queue();
    const answer = await checkInOrKeep(
      { client: client(vi.fn<Mutate>()), queue: q, online: false, locale: 'ko', now },
      'hello',
      'qr',
    );
    expect(answer).toMatchObject({
      kind: 'answer',
      outcome: { ok: false, failure: { kind: 'refused', domainCode: 'code_invalid' } },
    });
    expect(await q.pending()).toBe(0);
  });

  it('makes version-4 UUIDs', () => {
    expect(newClientKey()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
