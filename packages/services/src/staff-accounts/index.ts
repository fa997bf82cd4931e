export * from './list-staff-accounts';
export * from './generated-password';
export * from './change-staff-account';
export * from './reset-staff-password';
export * from './create-account';
