import { describe, expect, it } from 'vitest';
import { createTRPCClient, localLink, TRPCClientError } from '@trpc/client';
import { makeCourse, makeMeeting, makeRoom, makeTerm } from '@seoro/db/test';
import { createServiceContext } from '@seoro/services';
import { createRateLimiter, type TrpcContext } from '@seoro/trpc';
import { appRouter, type AppRouter } from './router';
import { pluginHookHandlers, routesOf, serverPlugins } from './plugins';
import { testDatabase } from '@seoro/db/test/vitest';

async function client(locale: 'ko' | 'en' = 'ko') {
  const t = await testDatabase();
  const services = createServiceContext(t.database, { hookHandlers: pluginHookHandlers });
  const rateLimiter = createRateLimiter();
  const ctx = (): TrpcContext => ({
    services,
    rateLimiter,
    locale,
    ip: '127.0.0.1',
    requestId: 'test',
    staff: null,
    kiosk: null,
    resident: null,
  });
  const api = createTRPCClient<AppRouter>({
    links: [localLink({ router: appRouter, createContext: async () => ctx() })],
  });
  return { api, ...t };
}

describe('app router', () => {
  it('mounts the routes of every plugin in the server registry', () => {
    const paths = Object.keys(appRouter._def.procedures);
    for (const plugin of Object.values(serverPlugins)) {
      if (!plugin) continue;
      for (const key of Object.keys(plugin.routes)) {
        expect(paths.some((p) => p.startsWith(`${key}.`))).toBe(true);
      }
    }
    expect(paths).toEqual(
      expect.arrayContaining([
        'system.ping',
        'catalogue.currentTerm',
        'catalogue.course',
        'registration.register',
        'registration.byCode',
        'checkin.today',
        'checkin.checkIn',
      ]),
    );
  });

  it('serves SvelteKit in-process through localLink, with the same errors as over HTTP', async () => {
    const { api, database } = await client('en');
    expect(await api.catalogue.currentTerm.query()).toBeNull();
    const { roomId } = await makeRoom(database);
    const term = await makeTerm(database);
    const course = await makeCourse(database, { termId: term.id, roomId });
    await makeMeeting(database, { courseId: course.id, roomId }, new Date(Date.now() + 86_400_000));

    const catalogue = await api.catalogue.currentTerm.query();
    expect(catalogue?.courses.map((c) => c.id)).toEqual([course.id]);
    const reg = await api.registration.register.mutate({
      courseId: course.id,
      name: 'Jane Doe',
      phone: '010-7777-8888',
      consent: true,
    });
    expect(reg.status).toBe('confirmed');
    const view = await api.registration.byCode.query({ code: reg.code });
    expect(view.maskedName).toBe('J*** D**');

    const error = await api.registration.register
      .mutate({ courseId: course.id, name: 'Jane Doe', phone: '01077778888', consent: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const e = error as TRPCClientError<AppRouter>;
    expect(e.message).toContain('already registered');
    expect(e.data?.domainCode).toBe('already_registered');
    expect(e.data?.httpStatus).toBe(409);
  });
});

describe('plugin routes', () => {
  it('come from every server part in the registry, with their types', () => {
    for (const plugin of Object.values(serverPlugins)) {
      for (const key of Object.keys(plugin?.routes ?? {})) {
        expect(appRouter._def.record, key).toHaveProperty(key);
      }
    }
    // The merged routes keep each plugin's procedure types; a route nobody adds does not compile.
    const register: (typeof serverPlugins.registration.routes.registration)['register'] =
      appRouter.registration.register;
    expect(register).toBeDefined();
    // @ts-expect-error no plugin adds a route called "nowhere"
    expect(appRouter.nowhere).toBeUndefined();
  });

  it('refuse two plugins, or a plugin and the core, taking one key', () => {
    const { checkin, registration } = serverPlugins;
    expect(() => routesOf({ a: checkin, b: checkin }, [])).toThrow(/"b" adds the route "checkin"/);
    expect(() => routesOf({ registration }, ['registration'])).toThrow(/already taken/);
  });
});
