import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, outbox, programSettings } from '@seoro/db';
import { makeRoom } from '@seoro/db/test';
import { testDatabase } from '@seoro/db/test/vitest';
import { DEFAULT_OFFICE_PHONE, type Clock } from '@seoro/domain';
import { createServiceContext } from '../context';
import { renderNotification } from '../notifications';
import { KIOSK_HELP_SETTING, requestKioskHelp } from './kiosk-help';
import { pairNewKiosk } from './pair-new-kiosk';

const START = new Date('2026-01-08T06:05:00Z'); // Thu 15:05 KST
const at = (minutes: number): Clock => ({
  now: () => new Date(START.getTime() + minutes * 60_000),
});

async function setup() {
  const t = await testDatabase();
  const { roomId } = await makeRoom(t.database);
  const ctx = (clock: Clock = at(0)) => createServiceContext(t.database, { clock });
  const door = await pairNewKiosk(ctx(), { name: '제3강의실 앞', roomId, enabledPlugins: [] });
  const lobby = await pairNewKiosk(ctx(), { name: '로비', roomId, enabledPlugins: [] });
  const setting = async (key: string, value: unknown) => {
    await t.database.write((tx) =>
      tx
        .insert(programSettings)
        .values({ key, value: JSON.stringify(value), updatedAt: START })
        .onConflictDoUpdate({ target: programSettings.key, set: { value: JSON.stringify(value) } }),
    );
  };
  const helpTexts = () =>
    t.database.db.select().from(outbox).where(eq(outbox.template, 'kiosk_help'));
  const helpAudit = () =>
    t.database.db.select().from(auditLog).where(eq(auditLog.action, 'kiosk.help'));
  return { ...t, ctx, door, lobby, setting, helpTexts, helpAudit };
}

describe('requestKioskHelp', () => {
  it('texts the staff number once, with the kiosk’s name and the time', async () => {
    const { ctx, door, setting, helpTexts, helpAudit } = await setup();
    await setting(KIOSK_HELP_SETTING, { notifyPhone: '010-4200-0099' });
    const answer = await requestKioskHelp(ctx(), { kioskId: door.kioskId });
    expect(answer).toEqual({
      officePhone: DEFAULT_OFFICE_PHONE,
      staff: 'notified',
      notifiedAt: START.toISOString(),
    });
    const [text] = await helpTexts();
    expect(text).toMatchObject({ channel: 'sms', recipient: '+821042000099', locale: 'ko' });
    expect(renderNotification(text!).text).toBe(
      '[서로서로학교] 제3강의실 앞 키오스크에서 도움을 요청했습니다 (오후 3:05).',
    );
    const [audit] = await helpAudit();
    expect(audit).toMatchObject({ actorType: 'kiosk', actorId: door.kioskId });
  });

  it('answers a second tap within two minutes as already on its way, per kiosk', async () => {
    const { ctx, door, lobby, setting, helpTexts, helpAudit } = await setup();
    await setting(KIOSK_HELP_SETTING, { notifyPhone: '010-4200-0099' });
    await requestKioskHelp(ctx(at(0)), { kioskId: door.kioskId });
    const again = await requestKioskHelp(ctx(at(1.9)), { kioskId: door.kioskId });
    expect(again).toMatchObject({ staff: 'already_notified', notifiedAt: START.toISOString() });
    // Another kiosk is another place: its call goes through.
    expect((await requestKioskHelp(ctx(at(1)), { kioskId: lobby.kioskId })).staff).toBe('notified');
    expect(await helpTexts()).toHaveLength(2);
    // Two minutes on, the same kiosk may call again.
    expect((await requestKioskHelp(ctx(at(2)), { kioskId: door.kioskId })).staff).toBe('notified');
    expect(await helpTexts()).toHaveLength(3);
    expect(await helpAudit()).toHaveLength(3);
  });

  it('taps at the same moment text staff once', async () => {
    const { ctx, door, setting, helpTexts } = await setup();
    await setting(KIOSK_HELP_SETTING, { notifyPhone: '010-4200-0099' });
    const answers = await Promise.all(
      [0, 1, 2].map(() => requestKioskHelp(ctx(), { kioskId: door.kioskId })),
    );
    expect(answers.map((a) => a.staff).sort()).toEqual([
      'already_notified',
      'already_notified',
      'notified',
    ]);
    expect(await helpTexts()).toHaveLength(1);
  });

  it('without a staff number, shows the office’s number and writes nothing', async () => {
    const { ctx, door, setting, helpTexts, helpAudit } = await setup();
    expect(await requestKioskHelp(ctx(), { kioskId: door.kioskId })).toEqual({
      officePhone: DEFAULT_OFFICE_PHONE,
      staff: 'not_configured',
      notifiedAt: null,
    });
    // A number that is not a mobile one cannot be texted: also not configured.
    await setting(KIOSK_HELP_SETTING, { notifyPhone: '02-123-4567' });
    await setting('contact', { phone: '02-2199-0000' });
    expect(await requestKioskHelp(ctx(), { kioskId: door.kioskId })).toMatchObject({
      officePhone: '02-2199-0000',
      staff: 'not_configured',
    });
    expect(await helpTexts()).toHaveLength(0);
    expect(await helpAudit()).toHaveLength(0);
  });
});
