/**
 * The source text a worker thread is started with (`new Worker(source, { eval: true })`) to load its program: the
 * program's module as built (`new URL('./worker.js', import.meta.url)`). Run from TypeScript source (tests, tsx
 * scripts), as this module's own URL tells, the thread registers tsx first, since tsx's hooks do not reach worker
 * threads on Node 20 (tsx then loads `worker.ts` for `worker.js`), and unregisters it once the program is loaded:
 * left registered, it slows the program's hot code (the distance kernel runs at half speed).
 */
export function workerSource(program: URL): string {
  const register = import.meta.url.endsWith('.ts')
    ? `(await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})).register()`
    : 'async () => {}';
  return `(async () => {
  const unregister = ${register};
  await import(${JSON.stringify(program.href)});
  await unregister();
})();`;
}
