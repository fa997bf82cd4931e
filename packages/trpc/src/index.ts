export * from './trpc';
export * from './rate-limit';
export { localizeMessage, localizeDomainError } from './messages';
