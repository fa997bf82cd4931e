export * from './parse-history-file';
export * from './validate-history';
export * from './preview-history';
export * from './import-history';
export * from './list-history';
