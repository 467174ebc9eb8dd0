export * from './names';
export * from './queues';
