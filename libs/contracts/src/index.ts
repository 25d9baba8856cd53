import 'reflect-metadata';
export * from './common/command';
export * from './common/date-comparison';
export * from './common/errors';
export * from './common/pagination';
export * from './catalog/region';
export * from './catalog/catalog.commands';
export * from './catalog/catalog.subjects';
export * from './catalog/catalog.demo';
