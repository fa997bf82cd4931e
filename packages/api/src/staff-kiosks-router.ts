import { z } from 'zod';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  createKiosk,
  createKioskPairingCode,
  listKiosks,
  revokeKiosk,
  updateKiosk,
} from '@seoro/services';
import type { PluginId } from '@seoro/plugin-sdk';
import { staffEditorProcedure, staffProcedure } from '@seoro/trpc';
import { serverPlugins } from './plugins';

const id = z.string().min(1).max(64);

/** The plugins a kiosk can show: those of the server's registry that have a kiosk part. */
export const KIOSK_PLUGINS = Object.values(serverPlugins)
  .filter((p): p is NonNullable<typeof p> => p !== null && p.manifest.surfaces.kiosk)
  .map((p) => ({ id: p.manifest.id as PluginId, name: p.manifest.name }));

const kioskPluginIds = z
  .array(z.enum(KIOSK_PLUGINS.map((p) => p.id) as [PluginId, ...PluginId[]]))
  .max(KIOSK_PLUGINS.length * 2);

/**
 * Kiosks (키오스크): every staff member may look; staff and administrators add them, move them,
 * choose their plugins, make pairing codes and revoke them. Every change is audited.
 */
export const staffKiosksRouter = {
  /** Every kiosk with its room, plugins, state and last contact; the rooms and kiosk plugins. */
  list: staffProcedure.query(async ({ ctx }) => ({
    ...(await listKiosks(ctx.services)),
    plugins: KIOSK_PLUGINS,
  })),

  /** Adds a kiosk, unpaired. The name (unique) is what staff call it, e.g. "제3강의실 앞". */
  create: staffEditorProcedure
    .input(
      z.object({
        name: z.string().trim().min(1).max(60),
        roomId: id.nullable(),
        enabledPlugins: kioskPluginIds,
      }),
    )
    .mutation(({ ctx, input }) =>
      createKiosk(ctx.services, {
        ...input,
        actor: { type: 'staff', id: ctx.staff.id },
        ip: ctx.ip,
      }),
    ),

  /** Moves a kiosk to another room and sets the plugins it shows. */
  update: staffEditorProcedure
    .input(z.object({ kioskId: id, roomId: id.nullable(), enabledPlugins: kioskPluginIds }))
    .mutation(({ ctx, input }) =>
      updateKiosk(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),

  /**
   * A one-time pairing code for a kiosk ('K7QP-3MWX'), valid for 10 minutes and returned only
   * this once; older unused codes of the kiosk stop working.
   */
  createPairingCode: staffEditorProcedure
    .input(z.object({ kioskId: id }))
    .mutation(({ ctx, input }) =>
      createKioskPairingCode(ctx.services, {
        kioskId: input.kioskId,
        actor: { type: 'staff', id: ctx.staff.id },
        ip: ctx.ip,
      }),
    ),

  /** Revokes a kiosk for good: its token is refused from now on. The reason is audited. */
  revoke: staffEditorProcedure
    .input(z.object({ kioskId: id, reason: z.string().trim().min(1).max(500) }))
    .mutation(({ ctx, input }) =>
      revokeKiosk(ctx.services, { ...input, staffId: ctx.staff.id, ip: ctx.ip }),
    ),
} satisfies TRPCRouterRecord;
