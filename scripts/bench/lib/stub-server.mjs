// The router stub under test in a process of its own (forked by stub-process.mjs), so it competes
// with the load processes as a real deployment would and can be profiled (`node --cpu-prof`).
// argv[2]: JSON options for createRouterStub (port 0 and log level warn by default).
// IPC: 'listening' { port } once open; 'stats' → 'stats' { stats, memory } (after a full GC when
// the process runs with --expose-gc); 'stop' → closes the stub and exits normally, which is when
// --cpu-prof writes its profile.

/** @type {any} built @i2cp/router-stub */
const stubPackage = await import(new URL('../../../packages/router-stub/dist/index.js', import.meta.url).href);

const options = { port: 0, logLevel: 'warn', ...JSON.parse(process.argv[2] ?? '{}') };
const stub = await stubPackage.createRouterStub(options);

const stop = async () => {
  await stub.close();
  process.exit(0);
};
process.on('message', (/** @type {any} */ message) => {
  if (message?.type === 'stats') {
    /** @type {any} */ (globalThis).gc?.();
    const memory = process.memoryUsage();
    process.send?.({ type: 'stats', stats: stub.stats(), memory });
  } else if (message?.type === 'stop') {
    void stop();
  }
});
process.once('disconnect', () => void stop());
process.send?.({ type: 'listening', port: stub.address.port });
