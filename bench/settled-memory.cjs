// Preloaded into the benchmarked servers (node --expose-gc --require bench/settled-memory.cjs):
// on SIGUSR2 the process collects its garbage and prints its memory. Memory per connected client
// is then read from two settled states, not from whatever garbage the connections left behind
// (V8 grows its heap in steps and hands pages back lazily, which made a plain RSS reading swing
// between 11 and 53 KiB per client from one run to the next).
process.on('SIGUSR2', () => {
  global.gc();
  global.gc();
  const usage = process.memoryUsage();
  process.stdout.write(`BENCH-MEMORY ${JSON.stringify(usage)}\n`);
});
