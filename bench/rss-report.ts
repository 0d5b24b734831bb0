// Loaded with `node --import` ahead of a whole tandem command (bench/cli.bench.ts): when
// the process exits it writes its peak resident memory to stderr, one marked line, so
// the bench reads the command's own figure without a platform tool such as GNU time.
process.on('exit', () => {
  process.stderr.write(`\ntandem-bench-maxrss-kb ${process.resourceUsage().maxRSS}\n`);
});
