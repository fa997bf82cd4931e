/** The wishes plugin's own tRPC client, built from what the kiosk shell hands its screens. */
import type { KioskScreenProps } from '@seoro/plugin-sdk';
import { createKioskClient } from '@seoro/plugin-sdk/kiosk-client';
import type { WishesRouter } from './contract';

type ClientOptions = Pick<KioskScreenProps, 'trpcUrl' | 'headers'>;

/** A typed client for `kioskWishes.*`; `headers()` (device token, locale) is read on every call. */
export function createWishesClient(options: ClientOptions) {
  return createKioskClient<WishesRouter>(options);
}
