// Wakes the agent when a key it waits for is deleted, so the next pass runs now instead
// of at the next interval: under its own standby/<node>/ (an owner key of an address it
// could hold was released or expired), or the one node lock or rollout slot it was
// locked out by. Only deletes are sent (etcd filters the puts out), and only to the
// agents concerned: a handover wakes the address's placements, not the whole fleet.
// etcd unreachable: the passes still run on the interval; the watch retries.
import type { EtcdClient } from '../etcd/client.js';

export interface WatchTarget {
  key: string;
  /** The one key, not every key under it. */
  exact?: boolean;
}

export function watchDeletes(
  client: EtcdClient,
  targets: readonly WatchTarget[],
  signal: AbortSignal,
  wake: () => void,
): void {
  for (const target of targets) void watchOne(client, target, signal, wake);
}

async function watchOne(client: EtcdClient, target: WatchTarget, signal: AbortSignal, wake: () => void): Promise<void> {
  while (!signal.aborted) {
    try {
      const options = { signal, exact: target.exact, deletesOnly: true };
      for await (const events of client.watch(target.key, options)) if (events.some((e) => e.type === 'DELETE')) wake();
    } catch {
      // Retried below.
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 1000);
      signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  }
}
