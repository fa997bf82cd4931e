/** `@seoro/api`: the app router. Client code imports only its type: `import type { AppRouter }`. */
export { appRouter, type AppRouter } from './router';
export { serverPlugins, pluginHookHandlers } from './plugins';
export { KIOSK_PLUGINS } from './staff-kiosks-router';
export { createRateLimiter, createCallerFactory, type TrpcContext } from '@seoro/trpc';
