// A TCP forwarder in front of etcd members, to cut one client off etcd while the members
// and every other client carry on: each member's client URL gets a local port that
// relays both ways. `cut` resets every relayed connection and every new one (the client
// sees its requests refused, as with a pulled cable on its side); `restore` relays again.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface Forwarder {
  /** One URL per member, in the members' order: give these to the client to cut off. */
  urls: string[];
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function forwardTo(endpoints: readonly string[]): Promise<Forwarder> {
  let cut = false;
  const live = new Set<Socket>();
  const servers: Server[] = [];
  const urls: string[] = [];
  for (const endpoint of endpoints) {
    const target = new URL(endpoint);
    const server = createServer((inbound) => {
      if (cut) return void inbound.resetAndDestroy();
      const outbound = createConnection({ host: target.hostname, port: Number(target.port) });
      for (const s of [inbound, outbound]) {
        live.add(s);
        s.once('close', () => live.delete(s));
        s.on('error', () => {
          inbound.destroy();
          outbound.destroy();
        });
      }
      inbound.pipe(outbound);
      outbound.pipe(inbound);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    servers.push(server);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    urls.push(`${target.protocol}//127.0.0.1:${port}`);
  }
  return {
    urls,
    cut() {
      cut = true;
      for (const s of live) s.resetAndDestroy();
    },
    restore() {
      cut = false;
    },
    async close() {
      for (const s of live) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
