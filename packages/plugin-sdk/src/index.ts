/**
 * The plugin contract. "A feature that a district could switch off is a plugin."
 *
 * A plugin is a workspace package `packages/plugins/<id>` with subpath exports:
 * - `./manifest` — safe anywhere (no server code, no components);
 * - `./server`   — tRPC routes and server hooks; never imported by browser code;
 * - `./web`      — what the SvelteKit site shows (components, nav items);
 * - `./kiosk`    — a tile and a screen for the kiosk shell.
 *
 * Each host keeps one hand-written registry typed `Record<PluginId, X | null>`, so adding an id to
 * `pluginIds` fails the build until every host has said yes (a value) or no (`null`).
 */
import type { Component } from 'svelte';

/** Every plugin the product knows. Adding one here is the first step of writing a plugin. */
export const pluginIds = [
  'registration',
  'checkin',
  'signup',
  'my-registrations',
  'notices',
  'wishes',
] as const;
export type PluginId = (typeof pluginIds)[number];

export type Locale = 'ko' | 'en';
/** Text in both product languages; the English may be missing for resident-entered data. */
export type LocalizedText = { ko: string; en: string };

export interface PluginManifest<Id extends PluginId = PluginId> {
  id: Id;
  name: LocalizedText;
  description: LocalizedText;
  /** Which hosts the plugin has parts for. */
  surfaces: { server: boolean; web: boolean; kiosk: boolean };
}

/** Identity helper that checks a manifest against the contract and keeps its literal types. */
export function definePluginManifest<const M extends PluginManifest>(manifest: M): M {
  return manifest;
}

/** The paired kiosk, as the server describes it; plugin screens may show where they are. */
export interface KioskDevice {
  id: string;
  name: string;
  venue: LocalizedText;
  room: LocalizedText;
}

/** What a kiosk shell hands to a plugin screen. */
export interface KioskScreenProps {
  /** The kiosk's current language; screens re-render when it changes. */
  locale: Locale;
  /** Base URL of the tRPC endpoint (relative, e.g. `/trpc`). */
  trpcUrl: string;
  /** Extra headers for every call: the kiosk's device token and the locale. Send them always. */
  headers: () => Record<string, string>;
  /** This kiosk: its name, venue and room. */
  device: KioskDevice;
  /** False while the shell knows the network is down (the browser's `offline`, or a failed call). */
  online: boolean;
  /** Opens another enabled plugin's screen (for example signup after a refused check-in). */
  openPlugin: (id: PluginId) => void;
  /** Plugins this kiosk has enabled, so a screen offers another only when it is there. */
  enabledPlugins: readonly PluginId[];
  /** Return to the attract screen. */
  exit: () => void;
  /** Tell the shell the person is still there (restarts the idle timer). */
  touch: () => void;
  /** Text a scanner sent that this plugin's `acceptsScan` claimed; the screen acts on it at once. */
  scan?: string;
}

/** A plugin's kiosk part: a tile on the start screen and the screen it opens. */
export interface KioskPlugin<Id extends PluginId = PluginId> {
  manifest: PluginManifest<Id>;
  tile: {
    /** An inline SVG path (24×24 viewBox) drawn on the tile. */
    icon: string;
    label: LocalizedText;
    hint: LocalizedText;
  };
  screen: Component<KioskScreenProps>;
  /**
   * Characters that arrive quickly followed by Enter on the start screen (a USB QR scanner types
   * like a keyboard). A plugin that claims the scan gets it passed to its screen.
   */
  acceptsScan?: (text: string) => boolean;
  /**
   * Work the plugin keeps on the device while the network is down (check-ins taken offline). The
   * shell reports `pending()` to the server with each heartbeat, and calls `flush()` when the
   * network returns and at start-up. `flush` must send each item exactly once, across reloads.
   */
  offline?: {
    pending: () => Promise<number>;
    flush: (calls: { trpcUrl: string; headers: () => Record<string, string> }) => Promise<void>;
  };
  /**
   * Something the plugin shows on the start screen itself, under the tiles (notices). It gets the
   * same props as a screen, without `scan`.
   */
  startPanel?: Component<KioskScreenProps>;
}

/** Identity helper for kiosk parts. */
export function defineKioskPlugin<const Id extends PluginId>(
  plugin: KioskPlugin<Id>,
): KioskPlugin<Id> {
  return plugin;
}

/** A plugin's web part. Components receive the locale explicitly: plugins never guess it. */
export interface WebPlugin<Id extends PluginId = PluginId> {
  manifest: PluginManifest<Id>;
  /** Links added to the public site's navigation. */
  navItems?: Array<{ href: string; label: LocalizedText }>;
  /**
   * Components keyed by the slot the host renders them in. Each slot's props are documented on
   * `WebSlot`; Svelte's component type is invariant in its props, hence `any` here.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  slots?: Partial<Record<WebSlot, Component<any>>>;
}
/**
 * Places in the web host where a plugin may render.
 * - `course-detail`: props `{ course, form, locale, enhance }` — below a course's meetings.
 * - `home-aside`: props `{ locale }` — beside the course list on the home page.
 */
export type WebSlot = 'course-detail' | 'home-aside';

/** Identity helper for web parts. */
export function defineWebPlugin<const Id extends PluginId>(plugin: WebPlugin<Id>): WebPlugin<Id> {
  return plugin;
}

export type { ServerHooks, HookHandlers, HookName } from '@seoro/services';

import type { AnyProcedure, AnyRouter } from '@trpc/server';

/** Top-level routes a plugin adds to the app router. */
export type PluginRoutes = Record<string, AnyRouter | AnyProcedure>;
import type { HookHandlers } from '@seoro/services';

/** A plugin's server part: tRPC routes merged into the app router, and hook handlers. */
export interface ServerPlugin<
  Id extends PluginId = PluginId,
  Routes extends PluginRoutes = PluginRoutes,
> {
  manifest: PluginManifest<Id>;
  /** Top-level router keys this plugin adds (e.g. `{ checkin: router({...}) }`). */
  routes: Routes;
  hooks?: HookHandlers;
}

/** Identity helper for server parts; keeps the routes' literal types for `AppRouter`. */
export function defineServerPlugin<const Id extends PluginId, Routes extends PluginRoutes>(
  plugin: ServerPlugin<Id, Routes>,
): ServerPlugin<Id, Routes> {
  return plugin;
}
