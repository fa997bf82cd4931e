import { describe, expect, it } from 'vitest';
import { programSettings } from '@seoro/db';
import { DEMO_CONTACT, seedDemoData } from '@seoro/db/seed';
import { testDatabase } from '@seoro/db/test/vitest';
import { createServiceContext } from '../context';
import { DEFAULT_PROGRAM_CONTACT, getProgramContact } from './program-contact';

describe('getProgramContact', () => {
  it('gives the built-in contact when nothing is stored', async () => {
    const t = await testDatabase();
    const contact = await getProgramContact(createServiceContext(t.database));
    expect(contact).toEqual(DEFAULT_PROGRAM_CONTACT);
    expect(contact.phone).toBe('02-2199-7142');
    expect(contact.mapUrl).toBe(
      'https://map.naver.com/p/search/%EC%9A%A9%EC%82%B0%EC%95%84%ED%8A%B8%ED%99%80',
    );
    expect(contact.subway.ko).toContain('녹사평역 2번 출구');
    expect(contact.parking.en).toContain('2 hours free');
  });

  it('lets the stored value win, field by field, and ignores what it cannot read', async () => {
    const t = await testDatabase();
    const stored = {
      phone: '02-2199-0000',
      hours: { ko: '평일 10:00–17:00', en: 'Weekdays 10 am–5 pm' },
      // Half a translation and an address that is not a map: the defaults stay for these.
      bus: { ko: '녹사평역 정류장' },
      mapUrl: 'javascript:alert(1)',
    };
    await t.database.write((tx) =>
      tx.insert(programSettings).values({
        key: 'contact',
        value: JSON.stringify(stored),
        updatedAt: new Date(),
      }),
    );
    const contact = await getProgramContact(createServiceContext(t.database));
    expect(contact.phone).toBe('02-2199-0000');
    expect(contact.hours).toEqual(stored.hours);
    expect(contact.bus).toEqual(DEFAULT_PROGRAM_CONTACT.bus);
    expect(contact.mapUrl).toBe(DEFAULT_PROGRAM_CONTACT.mapUrl);
    expect(contact.address).toEqual(DEFAULT_PROGRAM_CONTACT.address);
  });

  it('falls back to the defaults when the stored value is not JSON', async () => {
    const t = await testDatabase();
    await t.database.write((tx) =>
      tx.insert(programSettings).values({ key: 'contact', value: '{', updatedAt: new Date() }),
    );
    const logged: string[] = [];
    const ctx = { ...createServiceContext(t.database), logError: (m: string) => logged.push(m) };
    expect(await getProgramContact(ctx)).toEqual(DEFAULT_PROGRAM_CONTACT);
    expect(logged).toHaveLength(1);
  });

  it("reads the demo seed's stored contact, which has every field", async () => {
    const t = await testDatabase();
    await seedDemoData(t.database);
    expect(await getProgramContact(createServiceContext(t.database))).toEqual(DEMO_CONTACT);
  });
});
