export * from './questions';
export * from './periods';
export * from './summary';
export * from './invitation';
