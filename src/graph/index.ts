// The Graph layer's public surface.
export * from './budget';
export * from './clock';
export * from './client';
export * from './credential';
export * from './encoding';
export * from './errors';
export * from './logger';
export * from './retryPolicy';
export * from './types';
