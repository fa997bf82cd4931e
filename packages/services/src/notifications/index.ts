/** Notifications: rendering outbox rows, the transports that carry them, and the sender. */
export * from './templates';
export * from './transports';
export * from './sender';
