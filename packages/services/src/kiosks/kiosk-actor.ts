/** Who changes a kiosk: a signed-in member of staff, or the operator at the command line. */
export type KioskActor = { type: 'staff'; id: string } | { type: 'system' };

/** The audit columns that name the actor. */
export const auditActor = (actor: KioskActor) => ({
  actorType: actor.type,
  actorId: actor.type === 'staff' ? actor.id : null,
});

/** A kiosk's plugin list as stored: each id once, in the order given. */
export const uniquePlugins = (ids: readonly string[]) => [...new Set(ids)];
