// Entry of a verification thread (verify-pool.ts). Node 20 does not pass the parent's TypeScript
// loader to worker threads, so the thread registers tsx itself, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./verify-worker.ts');
