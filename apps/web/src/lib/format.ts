/** The site's formatting helpers live in `@seoro/ui/format`, shared with plugins. */
export * from '@seoro/ui/format';
