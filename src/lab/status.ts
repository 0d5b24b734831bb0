// `lab status`: the recorded lab against what exists now, with each live namespace's
// interfaces and addresses (one `ip -j addr` per namespace, read-only).
import { execaRunner, listNamespaces, type IpRunner } from './runner.js';
import { labStatePath, readLabState, type LabState, type LabStateNamespace, type StateLocation } from './state.js';

export interface LabStatusNamespace extends LabStateNamespace {
  exists: boolean;
  /** Interfaces other than lo with their addresses, when the namespace exists. */
  interfaces: Array<{ name: string; state: string; addresses: string[] }>;
}

export interface LabStatus {
  env: string;
  statePath: string;
  state?: LabState;
  namespaces: LabStatusNamespace[];
}

interface IpAddrJson {
  ifname: string;
  operstate?: string;
  addr_info?: Array<{ local: string; prefixlen: number }>;
}

export async function labStatus(opts: { env: string; location: StateLocation; runner?: IpRunner }): Promise<LabStatus> {
  const runner = opts.runner ?? execaRunner;
  const statePath = labStatePath(opts.location, opts.env);
  const state = await readLabState(statePath);
  if (!state) return { env: opts.env, statePath, namespaces: [] };
  const existing = await listNamespaces(runner);
  const namespaces = await Promise.all(
    state.namespaces.map(async (ns): Promise<LabStatusNamespace> => {
      if (!existing.has(ns.name)) return { ...ns, exists: false, interfaces: [] };
      const r = await runner.ip(['-n', ns.name, '-j', 'address', 'show']);
      const links = r.exitCode === 0 && r.stdout.trim() !== '' ? (JSON.parse(r.stdout) as IpAddrJson[]) : [];
      return {
        ...ns,
        exists: true,
        interfaces: links
          .filter((l) => l.ifname !== 'lo')
          .map((l) => ({
            name: l.ifname,
            state: l.operstate ?? 'UNKNOWN',
            addresses: (l.addr_info ?? []).map((a) => `${a.local}/${a.prefixlen}`),
          })),
      };
    }),
  );
  return { env: opts.env, statePath, state, namespaces };
}
