import type { TRPCClient, TRPCLink } from '@trpc/client';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@seoro/api';

declare global {
  namespace App {
    interface Locals {
      /** The request's language, decided by paraglide from the URL (`/en/...` or none). */
      locale: 'ko' | 'en';
      /** Typed tRPC client for server loads and actions; errors come back in `locale`. */
      api: TRPCClient<AppRouter>;
      /**
       * Under /admin: the signed-in staff member, null without a staff session, undefined when
       * that could not be learned (set by the staff gate in hooks.server.ts).
       */
      staff?: inferRouterOutputs<AppRouter>['staff']['auth']['me'] | null;
    }
    interface Error {
      message: string;
      /** Lets the error page say something specific instead of a generic sentence. */
      kind?:
        | 'course_not_found'
        | 'registration_not_found'
        | 'certificate_not_found'
        | 'rate_limited'
        | 'unavailable';
    }
    interface Platform {
      /**
       * Given by the Hono host: a link that calls the router in-process (no HTTP round trip).
       * Without it we fall back to HTTP against `API_URL` or this origin's `/trpc`.
       */
      createTrpcLink?: (opts: { locale: 'ko' | 'en' }) => TRPCLink<AppRouter>;
    }
    // interface PageData {}
    // interface PageState {}
  }
}

export {};
