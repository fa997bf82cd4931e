import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  MAX_STAFF_PASSWORD_LENGTH,
  createStaffAccountByAdmin,
  listStaffAccounts,
  resetStaffPassword,
  setStaffDisabled,
  setStaffRole,
  unlockStaffAccount,
} from '@seoro/services';
import { adminProcedure } from '@seoro/trpc';

const id = z.string().min(1).max(64);
const role = z.enum(['admin', 'staff', 'viewer']);
/** A typed password, or nothing for a generated one (shown once). */
const password = z.string().max(MAX_STAFF_PASSWORD_LENGTH).optional();

/**
 * Staff accounts (직원 계정), for administrators alone, reads included. No change may leave the
 * program without an enabled administrator (`last_admin`). Every change is audited.
 */
export const staffAccountsRouter = {
  /** Every account: role, last sign-in, locked, disabled; never a password hash. */
  list: adminProcedure.query(({ ctx }) => listStaffAccounts(ctx.services)),

  /**
   * Adds an account. Without `password`, a strong one is generated and returned once
   * (`generatedPassword`), to be handed over; a typed one must pass the password rules.
   */
  create: adminProcedure
    .input(
      z.object({
        email: z.email().max(254),
        name: z.string().trim().min(1).max(60),
        role,
        password,
      }),
    )
    .mutation(({ ctx, input }) =>
      createStaffAccountByAdmin(ctx.services, { ...input, actorId: ctx.staff.id, ip: ctx.ip }),
    ),

  /** Gives an account another role; applies from its next request. */
  setRole: adminProcedure
    .input(z.object({ staffId: id, role }))
    .mutation(({ ctx, input }) =>
      setStaffRole(ctx.services, { ...input, actorId: ctx.staff.id, ip: ctx.ip }),
    ),

  /** Disables an account (its sessions end at once) or enables it again. */
  setDisabled: adminProcedure
    .input(z.object({ staffId: id, disabled: z.boolean() }))
    .mutation(({ ctx, input }) =>
      setStaffDisabled(ctx.services, { ...input, actorId: ctx.staff.id, ip: ctx.ip }),
    ),

  /** Lifts the lock that repeated wrong passwords put on an account. */
  unlock: adminProcedure
    .input(z.object({ staffId: id }))
    .mutation(({ ctx, input }) =>
      unlockStaffAccount(ctx.services, { ...input, actorId: ctx.staff.id, ip: ctx.ip }),
    ),

  /**
   * Gives an account a new password (typed, or generated and returned once); its sessions end.
   */
  resetPassword: adminProcedure
    .input(z.object({ staffId: id, password }))
    .mutation(({ ctx, input }) =>
      resetStaffPassword(ctx.services, { ...input, actorId: ctx.staff.id, ip: ctx.ip }),
    ),
} satisfies TRPCRouterRecord;
