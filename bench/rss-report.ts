// Loaded with `node --import` ahead of a whole tandem command (bench/cli.bench.ts,
// bench/one-node.bench.ts): when the process exits it writes its peak resident memory and
// its CPU time (user + system) to stderr, one marked line, so the bench reads the command's
// own figures without a platform tool such as GNU time. CPU time is what a busy machine
// inflates least: other work stretches the wall time, not the process's own CPU.
process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  process.stderr.write(`\ntandem-bench-usage maxrss-kb ${usage.maxRSS} cpu-ms ${cpuMs}\n`);
});
