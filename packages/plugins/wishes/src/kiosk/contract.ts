/**
 * The wishes routes as the kiosk's client sees them. Type-only: kiosk code never imports
 * `../server` as a value (it would pull server code into the browser bundle).
 */
export type { WishesRouter } from '../server';
