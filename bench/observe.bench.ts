// How long the linux driver takes to observe one namespace node holding 10,000
// addresses and 2,000 routes (target: well under half a second). Needs root and
// iproute2; elsewhere it reports itself skipped. Median of 5 runs after one warm-up.
import { execa } from 'execa';
import { observeLinux } from '../src/observe/drivers/linux/driver.js';
import { timeRuns, type BenchResult } from './result.js';

export const SIZE = { addresses: 10_000, routes: 2_000 } as const;
const RUNS = 5;

const NAME = 'observe one netns node (10,000 addresses, 2,000 routes)';

/**
 * The documentation ranges hold only 762 usable IPv4 host addresses, so the node gets
 * 600 IPv4 addresses (one primary and secondaries per /24) and the rest as IPv6, spread
 * over 10 veths: the kernel's per-interface IPv6 address list makes one huge interface
 * slow to build (not to read).
 */
const LINKS = 10;
function batch(): string {
  const lines: string[] = [];
  for (let l = 0; l < LINKS; l++)
    lines.push(`link add bench${l} type veth peer name bench${l}p`, `link set bench${l} up`, `link set bench${l}p up`);
  const v4 = ['192.0.2', '198.51.100', '203.0.113'].flatMap((net) =>
    Array.from({ length: 200 }, (_, i) => `${net}.${i + 1}/24`),
  );
  for (const a of v4) lines.push(`address add ${a} dev bench0`);
  for (let i = 0; i < SIZE.addresses - v4.length; i++) {
    const l = i % LINKS;
    lines.push(
      `address add 2001:db8:a:${l.toString(16)}::${(Math.floor(i / LINKS) + 1).toString(16)}/64 dev bench${l} nodad`,
    );
  }
  // The gateway sits inside bench0's /64 but is not one of its addresses.
  for (let i = 0; i < SIZE.routes; i++)
    lines.push(`route add 2001:db8:${(0x1000 + i).toString(16)}::/48 via 2001:db8:a:0:ffff::1 dev bench0`);
  return lines.join('\n') + '\n';
}

export async function run(): Promise<BenchResult[]> {
  if (process.getuid?.() !== 0)
    return [{ name: NAME, value: 0, unit: 'ms', note: 'skipped: needs root to create a network namespace' }];
  const ns = `tdmt-bench-${process.pid}`;
  const made = await execa('ip', ['netns', 'add', ns], { reject: false });
  if (made.failed)
    return [
      {
        name: NAME,
        value: 0,
        unit: 'ms',
        note: `skipped: ip netns unavailable (${String(made.stderr).split('\n')[0]})`,
      },
    ];
  try {
    await execa('ip', ['-n', ns, '-batch', '-'], { input: batch() });
    const observe = async () => {
      const r = await observeLinux(
        'bench',
        { transport: 'netns', namespace: ns },
        { inventoryRoot: '/nonexistent-tandem-bench' },
      );
      if (!r.ok) throw new Error(`observe failed: ${r.error.kind}: ${r.error.message}`);
      return r.state;
    };
    const state = await observe();
    const addresses = state.addresses.filter((a) => a.interface.startsWith('bench') && a.scope === 'global').length;
    const routes = state.routes.filter((r) => r.to.endsWith('/48')).length;
    if (addresses !== SIZE.addresses || routes !== SIZE.routes)
      throw new Error(
        `expected ${SIZE.addresses} addresses and ${SIZE.routes} routes, observed ${addresses} and ${routes}`,
      );
    const t = await timeRuns(RUNS, observe);
    return [
      {
        name: NAME,
        value: Math.round(t.median),
        unit: 'ms',
        note: `median of ${RUNS}; min ${Math.round(t.min)}, max ${Math.round(t.max)}`,
      },
    ];
  } finally {
    await execa('ip', ['netns', 'del', ns], { reject: false });
  }
}
