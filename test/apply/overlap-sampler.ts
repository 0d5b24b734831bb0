// Where an address is, read from two namespace nodes every few milliseconds. A process per
// read (`ip addr show`) costs tens of milliseconds on a loaded machine and loads it more;
// here each node has one long-running `ip -batch` that answers a read in a few ms.
import { execa, type ResultPromise } from 'execa';

/** One `ip -batch` in a namespace, kept open: reads the addresses of its eth0. */
export class AddressReader {
  private readonly proc: ResultPromise;
  private text = '';
  private pending?: { resolve: (addrs: string[]) => void; reject: (err: Error) => void };
  private ended = false;

  constructor(readonly namespace: string) {
    // stdbuf: ip writes through stdio, which holds piped output until it exits. -force:
    // an eth0 that is gone is an error ip reports and goes on from.
    this.proc = execa('stdbuf', ['-o0', 'ip', '-force', '-n', namespace, '-batch', '-'], {
      reject: false,
      buffer: false,
      stdin: 'pipe',
    });
    this.proc.stdout?.on('data', (d: Buffer) => {
      this.text += d.toString();
      this.answer();
    });
    void this.proc.then(() => {
      this.ended = true;
      this.pending?.reject(new Error(`ip -batch in ${namespace} ended`));
      this.pending = undefined;
    });
  }

  /** The answer ends where the loopback's (ifindex 1 in every namespace) begins. */
  private answer(): void {
    const end = this.text.startsWith('1: lo:') ? 0 : this.text.indexOf('\n1: lo:');
    if (end < 0 || !this.pending) return;
    const eth0 = this.text.slice(0, end);
    this.text = '';
    const p = this.pending;
    this.pending = undefined;
    p.resolve(Array.from(eth0.matchAll(/^\s+inet6? (\S+) .*scope (?!link)/gm), (m) => m[1]));
  }

  /** The IPv4 and IPv6 addresses on eth0 (not link-local), as "cidr" strings. */
  read(): Promise<string[]> {
    if (this.ended) return Promise.reject(new Error(`ip -batch in ${this.namespace} ended`));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.proc.stdin?.write('addr show dev eth0\naddr show dev lo\n');
    });
  }

  async close(): Promise<void> {
    this.proc.stdin?.end();
    await this.proc;
  }
}

export type Side = 'a' | 'b';

/**
 * Reads `first`, then the other node, back to back, until stopped. Seeing the address on
 * the node it goes to first and then still on the other means it really was on both at
 * once (the node it left does not get it back during a move), so two reads that are not
 * simultaneous give no false positives.
 */
export class OverlapSampler {
  samples = 0;
  overlaps = 0;
  readonly seenOn = new Set<Side>();
  /** Where the address was, each change once: 'a', 'b', 'a+b' or '-' (nowhere). */
  readonly history: string[] = [];
  first: Side = 'b';
  private running = true;
  private readonly startedAt = Date.now();
  private readonly readers: Record<Side, AddressReader>;
  private readonly loop: Promise<void>;

  constructor(
    namespaces: Record<Side, string>,
    private readonly ip: string,
  ) {
    this.readers = { a: new AddressReader(namespaces.a), b: new AddressReader(namespaces.b) };
    this.loop = this.run();
  }

  private async has(x: Side): Promise<boolean> {
    return (await this.readers[x].read()).some((a) => a.startsWith(`${this.ip}/`));
  }

  private async run(): Promise<void> {
    while (this.running) {
      const f = this.first;
      const second: Side = f === 'a' ? 'b' : 'a';
      const onFirst = await this.has(f);
      const onSecond = await this.has(second);
      this.samples++;
      if (onFirst) this.seenOn.add(f);
      if (onSecond) this.seenOn.add(second);
      if (onFirst && onSecond) this.overlaps++;
      const now = [onFirst ? f : '', onSecond ? second : ''].filter(Boolean).sort().join('+') || '-';
      if (this.history.at(-1) !== now) this.history.push(now);
      // Lets the test's own work run between samples.
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Samples per second so far. */
  rate(): number {
    return Math.round((this.samples * 1000) / Math.max(1, Date.now() - this.startedAt));
  }

  async stop(): Promise<{ samples: number; overlaps: number; seenOn: Set<Side> }> {
    this.running = false;
    await this.loop.catch(() => undefined);
    await Promise.all([this.readers.a.close(), this.readers.b.close()]);
    return { samples: this.samples, overlaps: this.overlaps, seenOn: this.seenOn };
  }
}
