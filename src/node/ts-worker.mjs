// Pool worker entry when the library runs from its TypeScript sources (tests, benchmarks):
// worker threads ignore `--import tsx`, so the loader is registered here first.
const { register } = await import('tsx/esm/api');
register();
export const { poolTask } = await import('./parallel.ts');
