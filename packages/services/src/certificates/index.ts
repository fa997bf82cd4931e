export { loadCompletions, type EnrolmentCompletion } from './completions';
export * from './list-my-certificates';
export * from './issue-certificate';
export * from './verify-certificate';
export * from './teaching-record';
export * from './pdf';
