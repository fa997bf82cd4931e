/** Shared Svelte components and tokens for the web site and the kiosk. */
export {};
