/**
 * The kiosk shell's own calls: pairing with a one-time code, what this kiosk is (room, plugins),
 * and its heartbeat. Everything but `pair` needs the device token.
 */
import { z } from 'zod';
import { DomainError } from '@seoro/domain';
import {
  getKioskDevice,
  pairKioskWithCode,
  recordKioskContact,
  requestKioskHelp,
} from '@seoro/services';
import { enforceRateLimit, kioskProcedure, publicProcedure, router } from '@seoro/trpc';

export const kioskRouter = router({
  /**
   * Exchanges a pairing code (from the admin or `pnpm kiosk:pair-code`) for the device token,
   * returned once. Guessing is limited per address; every wrong code gets the same answer.
   */
  pair: publicProcedure
    .input(z.object({ code: z.string().min(1).max(100) }))
    .mutation(async ({ ctx, input }) => {
      enforceRateLimit(ctx.rateLimiter, 'kiosk-pair', ctx.ip, 10);
      const paired = await pairKioskWithCode(ctx.services, { code: input.code, ip: ctx.ip });
      return { token: paired.token, name: paired.name };
    }),
  /** This kiosk: name, room and venue, and the plugins staff enabled on it. */
  device: kioskProcedure.query(async ({ ctx }) => {
    const device = await getKioskDevice(ctx.services, ctx.kiosk.id);
    if (!device) throw new DomainError('kiosk_not_found');
    return device;
  }),
  /** The kiosk is alive and holds `queued` check-ins taken offline. */
  heartbeat: kioskProcedure
    .input(z.object({ queued: z.number().int().min(0).max(100_000) }))
    .mutation(async ({ ctx, input }) => {
      const { lastSeenAt } = await recordKioskContact(ctx.services, {
        kioskId: ctx.kiosk.id,
        queueLength: input.queued,
      });
      return { lastSeenAt: lastSeenAt.toISOString() };
    }),
  /**
   * A resident tapped "call staff": the office's phone number, and a text to staff where the
   * program set a number for it (`kiosk_help` setting), at most once per kiosk every two minutes.
   */
  help: kioskProcedure.mutation(({ ctx }) =>
    requestKioskHelp(ctx.services, { kioskId: ctx.kiosk.id }),
  ),
});
