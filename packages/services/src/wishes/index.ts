export * from './add-wish';
export * from './list-wishes';
export * from './hide-wish';
export * from './teach-invitations';
