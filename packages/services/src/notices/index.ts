export * from './notice-input';
export * from './list-notices';
export * from './create-notice';
export * from './update-notice';
export * from './remove-notice';
