// What the failover soak watches (bench/failover-soak.ts) besides the sampler of both
// nodes (test/apply/overlap-sampler.ts): the kernel's own address events, and what a
// client pinging the address sees.
import { execa } from 'execa';
import type { Bench } from '../test/fleet/agent-lab.js';
import { VIP } from '../test/fleet/agent-lab.js';

import type { Side } from '../test/apply/overlap-sampler.js';

export type { Side };
export const other = (x: Side): Side => (x === 'a' ? 'b' : 'a');

export interface Pinger {
  replies: number[];
  stop(): Promise<void>;
}

/** ping -D every 50 ms from the client: reply times (ms since the epoch) as they come. */
export function startPinger(b: Bench): Pinger {
  const p = execa(
    'ip',
    ['netns', 'exec', b.lab.ns.client, 'ping', '-n', '-D', '-i', '0.05', '-W', '1', '192.0.2.100'],
    {
      reject: false,
      buffer: false,
    },
  );
  const replies: number[] = [];
  let rest = '';
  p.stdout?.on('data', (d: Buffer) => {
    const lines = (rest + d.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^\[(\d+\.\d+)\].*bytes from/.exec(line);
      if (m) replies.push(Number(m[1]) * 1000);
    }
  });
  return {
    replies,
    async stop() {
      p.kill('SIGINT');
      await p;
    },
  };
}

/** The longest gap between replies around [from, to]: the outage a client saw. */
export function outageBetween(replies: readonly number[], from: number, to: number): number {
  let worst = 0;
  let prev: number | undefined;
  for (const t of replies) {
    if (t < from) {
      prev = t;
      continue;
    }
    if (prev !== undefined) worst = Math.max(worst, t - prev);
    prev = t;
    if (t > to) break;
  }
  return Math.round(worst);
}

/**
 * `ip monitor address` in both nodes' namespaces: every add and delete of the address as
 * the kernel announces it, timed as it arrives, so an arrival is timed to the event and a
 * stay on two nodes shorter than the sampler's period is still seen. An add that arrives
 * while the other node holds the address counts as an overlap: events of the two nodes
 * can arrive a little out of order under load, so this errs towards reporting one.
 */
export class AddressMonitor {
  readonly on: Record<Side, boolean>;
  overlaps = 0;
  events = 0;
  /** Adds by node, with their arrival times (ms since the epoch). */
  private readonly adds: Record<Side, number[]> = { a: [], b: [] };
  private readonly procs: ReturnType<typeof execa>[] = [];

  constructor(b: Bench, initially: Record<Side, boolean>) {
    this.on = { ...initially };
    const ip = VIP.split('/')[0].replaceAll('.', '\\.');
    const line = new RegExp(`^(Deleted )?\\d+: \\S+\\s+inet ${ip}/`);
    for (const side of ['a', 'b'] as const) {
      const p = execa('ip', ['-n', b.lab.ns[side], 'monitor', 'address'], { reject: false, buffer: false });
      this.procs.push(p);
      let rest = '';
      p.stdout?.on('data', (d: Buffer) => {
        const at = Date.now();
        const lines = (rest + d.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const l of lines) {
          const m = line.exec(l);
          if (!m) continue;
          this.events++;
          const added = !m[1];
          if (added && !this.on[side]) {
            this.adds[side].push(at);
            if (this.on[other(side)]) this.overlaps++;
          }
          this.on[side] = added;
        }
      });
    }
  }

  /** When the address was first added on `side` at or after `since`. */
  arrivedOn(side: Side, since: number): number | undefined {
    return this.adds[side].find((t) => t >= since);
  }

  async stop(): Promise<void> {
    for (const p of this.procs) p.kill('SIGTERM');
    await Promise.all(this.procs);
  }
}
