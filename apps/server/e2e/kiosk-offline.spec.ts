/**
 * The hall's network drops: the kiosk still starts (its service worker has the shell), a check-in
 * on the keypad is kept on the device and said to be saved, and when the network returns it is
 * sent once, dated when the person tapped, not when it arrived.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, fixtures, openPairedKiosk, queryDb, screenshot } from './support';

test.use({ viewport: { width: 1080, height: 1920 }, hasTouch: true });
test.describe.configure({ mode: 'serial' });

const QUEUE_DB = 'seoro-checkin-offline';

/** What the kiosk keeps in IndexedDB: how many check-ins wait, and how many were refused. */
async function kioskQueue(page: Page): Promise<{ pending: number; refused: number }> {
  return page.evaluate(async (name) => {
    // Never create the database from here: the kiosk makes it (with its stores) on first use.
    if (!(await indexedDB.databases()).some((d) => d.name === name)) {
      return { pending: 0, refused: 0 };
    }
    return new Promise<{ pending: number; refused: number }>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['items', 'stats']);
        const count = tx.objectStore('items').count();
        const stats = tx.objectStore('stats').get('stats');
        tx.oncomplete = () => {
          db.close();
          const kept = stats.result as { refused: number } | undefined;
          resolve({ pending: count.result, refused: kept?.refused ?? 0 });
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, QUEUE_DB);
}

/** Loads the kiosk and waits until its service worker controls the page. */
async function openControlledKiosk(page: Page) {
  await openPairedKiosk(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 20_000,
  });
  await expect(page.getByRole('button', { name: /출석 체크인/ })).toBeVisible();
}

async function tapCode(page: Page, code: string) {
  await page.getByRole('button', { name: /출석 체크인/ }).tap();
  const keypad = page.getByRole('group', { name: '확인 코드 입력 키패드' });
  for (const ch of code.replace('-', '')) {
    await keypad.getByRole('button', { name: ch, exact: true }).tap();
  }
}

const attendanceOf = (enrolmentId: string) =>
  queryDb<{ checked_in_at: number; received_at: number | null; client_key: string | null }>(
    'select checked_in_at, received_at, client_key from attendance where enrolment_id = ?',
    [enrolmentId],
  );

test('a check-in taken offline survives a reload and is sent once, with the time of the tap', async ({
  page,
  context,
}) => {
  const { code, enrolmentId } = fixtures().offline;
  await openControlledKiosk(page);

  await context.setOffline(true);
  await tapCode(page, code);
  const tappedFrom = Date.now();
  await page.getByRole('button', { name: '확인', exact: true }).tap();
  await expect(page.getByRole('heading', { name: '출석을 저장했습니다' })).toBeVisible();
  const tappedBy = Date.now();
  await expect(page.getByText(/연결이 돌아오면 출석이 자동으로 전송됩니다/)).toBeVisible();
  await expectAccessible(page, 'kiosk check-in saved offline');
  await screenshot(page, 'kiosk-offline-saved');
  expect(await kioskQueue(page)).toEqual({ pending: 1, refused: 0 });
  expect(await attendanceOf(enrolmentId)).toHaveLength(0);

  // A reload (or a power cut) with the network still down: the service worker starts the shell.
  const reload = await page.reload();
  expect(reload?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole('button', { name: /출석 체크인/ })).toBeVisible();
  expect(await kioskQueue(page)).toEqual({ pending: 1, refused: 0 });
  await screenshot(page, 'kiosk-offline-start');

  // Some time passes before the network returns, so the tap and the arrival are told apart.
  await page.waitForTimeout(Math.max(0, tappedBy + 2_000 - Date.now()));
  const reconnected = Date.now();
  await context.setOffline(false);
  await expect.poll(() => attendanceOf(enrolmentId), { timeout: 15_000 }).toHaveLength(1);
  const [row] = await attendanceOf(enrolmentId);
  expect(row!.checked_in_at).toBeGreaterThanOrEqual(tappedFrom - 1_000);
  expect(row!.checked_in_at).toBeLessThanOrEqual(tappedBy);
  expect(row!.checked_in_at).toBeLessThan(reconnected);
  expect(row!.received_at).toBeGreaterThanOrEqual(reconnected - 1_000);
  expect(row!.client_key).toMatch(/^[0-9a-f-]{36}$/);
  await expect.poll(() => kioskQueue(page)).toEqual({ pending: 0, refused: 0 });
  const audit = await queryDb<{ detail: string }>(
    `select detail from audit_log where action = 'attendance.check_in' and resident_id =
       (select resident_id from enrolments where id = ?)`,
    [enrolmentId],
  );
  expect(audit).toHaveLength(1);
  expect(JSON.parse(audit[0]!.detail)).toMatchObject({ method: 'keypad', queued: true });

  // Online again, a reload and a heartbeat later: still the one row.
  await page.reload();
  await expect(page.getByRole('button', { name: /출석 체크인/ })).toBeVisible();
  await page.waitForTimeout(1_500);
  expect(await attendanceOf(enrolmentId)).toHaveLength(1);
});

test('saved offline at 200%, low screen and high contrast; a code the server does not know is dropped and counted', async ({
  page,
  context,
}) => {
  await openControlledKiosk(page);
  await page.getByRole('button', { name: '200%' }).tap();
  await page.getByRole('button', { name: /고대비/ }).tap();
  await page.getByRole('button', { name: /낮은 화면/ }).tap();
  await context.setOffline(true);
  await tapCode(page, 'ZZZZ-ZZZZ');
  await page.getByRole('button', { name: '확인', exact: true }).tap();
  const heading = page.getByRole('heading', { name: '출석을 저장했습니다' });
  await expect(heading).toBeVisible();
  // Nothing is cut off at 200%: the heading and the way back both fit the screen.
  const home = page.getByRole('main').getByRole('button', { name: '처음으로' });
  await expect(home).toBeInViewport({ ratio: 1 });
  await expect(heading).toBeInViewport({ ratio: 1 });
  const box = await home.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(64);
  await expectAccessible(page, 'kiosk saved offline at 200% low-screen high contrast');
  await screenshot(page, 'kiosk-offline-saved-200-contrast');
  expect((await kioskQueue(page)).pending).toBe(1);

  await context.setOffline(false);
  // The server refuses it for good (no such code): it leaves the queue and is counted.
  await expect
    .poll(() => kioskQueue(page), { timeout: 15_000 })
    .toEqual({
      pending: 0,
      refused: 1,
    });
});
