// Wakes the agent when a key under one of the prefixes is deleted (an owner key released
// or expired, a rollout slot freed), so the next pass runs now instead of at the next
// interval. etcd unreachable: the passes still run on the interval; the watch retries.
import type { EtcdClient } from '../etcd/client.js';

export function watchDeletes(client: EtcdClient, prefixes: readonly string[], signal: AbortSignal, wake: () => void) {
  for (const prefix of prefixes) void watchOne(client, prefix, signal, wake);
}

async function watchOne(client: EtcdClient, prefix: string, signal: AbortSignal, wake: () => void): Promise<void> {
  while (!signal.aborted) {
    try {
      for await (const events of client.watch(prefix, { signal })) if (events.some((e) => e.type === 'DELETE')) wake();
    } catch {
      // Retried below.
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 1000);
      signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  }
}
