// Entry of a rules-benchmark worker thread: worker threads do not inherit the tsx loader the
// main thread registered, so each registers it before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./rules-worker.ts');
