export * from './invalidAppConfig';
