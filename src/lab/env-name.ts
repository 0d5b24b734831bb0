// The lab of an environment is named after its Cluster. `lab down` and `lab status` must
// find it even when the environment no longer validates (edited since `lab up`), so the
// name is read from the loaded documents and checked as a DNS label here.
import type { LoadedEnvironment } from '../load/load-environment.js';

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function labEnvName(env: LoadedEnvironment): string | undefined {
  for (const doc of env.documents) {
    const value = doc.value as { kind?: unknown; metadata?: { name?: unknown } } | null;
    const name = value?.metadata?.name;
    if (value?.kind === 'Cluster' && typeof name === 'string' && DNS_LABEL.test(name)) return name;
  }
  return undefined;
}
