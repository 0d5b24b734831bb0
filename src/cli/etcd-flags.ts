// The command-line flags of fleet mode, registered on the commands that take node locks
// (apply, reconcile, unlock) or read the fleet (status --fleet). Kept apart from
// etcd-options.ts so that building the program loads no etcd code.
import type { Command } from 'commander';

export interface EtcdFlags {
  etcd?: string;
  etcdCa?: string;
  etcdCert?: string;
  etcdKey?: string;
}

const ETCD_COMMANDS = new Set(['apply', 'reconcile', 'unlock', 'status']);

export function withEtcdOptions(cmd: Command): Command {
  return cmd
    .option('--etcd <urls>', 'fleet mode: etcd endpoints, comma-separated (default: TANDEM_ETCD; docs/fleet.md)')
    .option('--etcd-ca <file>', 'CA certificate of the etcd members (default: TANDEM_ETCD_CA)')
    .option('--etcd-cert <file>', 'client certificate for etcd (default: TANDEM_ETCD_CERT)')
    .option('--etcd-key <file>', "the client certificate's key (default: TANDEM_ETCD_KEY)");
}

/** Adds the etcd flags (and status's --fleet) to the commands of fleet mode. */
export function addFleetOptions(program: Command): void {
  for (const cmd of program.commands) {
    if (!ETCD_COMMANDS.has(cmd.name())) continue;
    if (cmd.name() === 'status')
      cmd.option('--fleet', 'fleet mode: every address owner and agent recorded in etcd (needs --etcd)', false);
    withEtcdOptions(cmd);
  }
}
