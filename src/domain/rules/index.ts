export * from './context.ts';
export * from './engine.ts';
export * from './facts.ts';
export * from './parameters.ts';
export * from './rule.ts';
export * from './types.ts';
