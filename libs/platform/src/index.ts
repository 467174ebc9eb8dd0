export * from './config';
export * from './clock';
export * from './logger';
export * from './nest-logger';
export * from './startup';
export * from './platform.module';
export * from './audit-key';
