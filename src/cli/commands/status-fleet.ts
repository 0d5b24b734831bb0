// `tandem status --fleet --etcd URLS [ENV...] [--format text|json]`: fleet mode's status,
// read from etcd (src/fleet/status.ts). ENV is an environment folder (its relocatable
// addresses are listed even when nobody owns them) or a cluster name; without ENV, every
// cluster under /tandem/ in etcd. Exit 0 every agent Ready and every address owned,
// 2 something in progress or unowned, 3 an agent Stalled or Fenced, 1 nothing recorded
// or etcd unreachable.
import { stat } from 'node:fs/promises';
import { EtcdError } from '../../fleet/etcd/client.js';
import { FLEET_ROOT, FleetKeyError, clusterPrefix, fleetClusterName } from '../../fleet/keys.js';
import { fleetExitCode, readFleetStatus, renderFleetText, type FleetStatus } from '../../fleet/status.js';
import { byCodePoint } from '../../order.js';
import { EXIT, ExitError } from '../errors.js';
import { etcdClientFor } from '../etcd-options.js';
import type { EtcdFlags } from '../etcd-flags.js';
import type { CliIO } from '../io.js';
import { validateOrExit } from '../prepare.js';

export interface FleetStatusOptions extends EtcdFlags {
  format: 'text' | 'json';
}

async function isDir(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

export async function fleetStatusCommand(envs: string[], opts: FleetStatusOptions, io: CliIO): Promise<number> {
  const client = etcdClientFor(opts, io.env);
  if (!client) throw new ExitError('status --fleet reads etcd: give --etcd URLS (or set TANDEM_ETCD)', EXIT.error);
  try {
    const targets: { cluster: string; addresses: string[] }[] = [];
    for (const env of envs) {
      if (await isDir(env)) {
        const { model } = await validateOrExit(env, io);
        targets.push({
          cluster: fleetClusterName(model.cluster?.doc.metadata.name, env),
          addresses: model.relocatables.map((r) => r.name),
        });
      } else {
        try {
          clusterPrefix(env);
        } catch (err) {
          if (err instanceof FleetKeyError) throw new ExitError(`${env}: not a folder, and ${err.message}`, EXIT.error);
          throw err;
        }
        targets.push({ cluster: env, addresses: [] });
      }
    }
    if (targets.length === 0) {
      const { kvs } = await client.range(FLEET_ROOT);
      const names = new Set(kvs.map((kv) => kv.key.slice(FLEET_ROOT.length).split('/')[0]).filter(Boolean));
      for (const cluster of [...names].sort(byCodePoint)) targets.push({ cluster, addresses: [] });
    }
    const statuses: FleetStatus[] = [];
    for (const t of targets) statuses.push(await readFleetStatus(client, t.cluster, t.addresses));
    if (opts.format === 'json') io.stdout.write(JSON.stringify({ clusters: statuses }, null, 2) + '\n');
    else io.stdout.write(statuses.map(renderFleetText).join('\n'));
    if (statuses.length === 0) {
      io.stderr.write(`nothing recorded in etcd under ${FLEET_ROOT}\n`);
      return EXIT.error;
    }
    const nothing = statuses.every((s) => s.agents.length === 0 && s.addresses.every((a) => !a.owner));
    if (nothing) return EXIT.error;
    return Math.max(...statuses.map(fleetExitCode));
  } catch (err) {
    if (err instanceof EtcdError) throw new ExitError(`cannot read the fleet status: ${err.message}`, EXIT.error);
    throw err;
  } finally {
    client.close();
  }
}
