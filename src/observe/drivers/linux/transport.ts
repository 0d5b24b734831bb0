// How the linux driver reaches a node: run a command here, inside a network namespace,
// or on a remote host over ssh. Every command is an argument array; over ssh the
// remote words are joined by ssh into a shell line on the far side, so each word is
// checked against a strict pattern that no shell interprets, and anything else is
// refused before a process is started. Failures come back as ObserveError values.
import { isAbsolute, join, resolve } from 'node:path';
import type { Connection } from '../../../model/generated/desired.js';
import type { ObserveError } from '../../model.js';
import { LocalTransport, NetnsTransport } from './process-transport.js';
import { SshTransport } from './ssh-transport.js';
import type { Transport, TransportOptions } from './transport-types.js';

export type {
  EachCommand,
  ReadOutcome,
  RunOptions,
  RunOutcome,
  Transport,
  TransportOptions,
} from './transport-types.js';
export { classifyFailure, isSafeRemoteWord, missingProgram, type ProcessFailure } from './process-transport.js';
export { DEFAULT_SSH_CONNECT_TIMEOUT_S } from './ssh-transport.js';

export const DEFAULT_INVENTORY_ROOT = '/var/lib/tandem';
/**
 * Namespace nodes keep their state on this machine, under /run (a tmpfs): it lives exactly
 * as long as the namespaces do (both are gone after a reboot), and it is the same folder for
 * every tandem on this machine whatever its working directory or TANDEM_STATE_DIR, which is
 * what lets two checkouts, or an operator and an agent, see one lock per node.
 */
export const DEFAULT_NETNS_STATE_ROOT = '/run/tandem';
export const DEFAULT_TIMEOUT_MS = 10_000;

const NAMESPACE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,254}$/;
const SSH_USER = /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/;
const SSH_HOST = /^[A-Za-z0-9][A-Za-z0-9.:-]{0,252}$/;
const SSH_PATH = /^[A-Za-z0-9_@+:,./=-]+$/;

/** The pinned known-hosts file of an ssh connection, if it names one. */
export function knownHostsOf(connection: Connection): string | undefined {
  return (connection as Connection & { knownHosts?: string }).knownHosts;
}

export function isValidNamespaceName(name: string): boolean {
  return NAMESPACE_NAME.test(name) && name !== '.' && name !== '..';
}

/**
 * The node's own state folder (inventory, apply lock): on the node itself for local and
 * ssh nodes, and for a namespace node a folder of this machine keyed by its namespace.
 * `root` replaces the default root (tests keep their nodes' state in a temp folder).
 */
export function nodeStateDir(connection: Connection, root?: string): string {
  if (connection.transport === 'netns' && connection.namespace)
    return join(root ?? DEFAULT_NETNS_STATE_ROOT, 'netns', connection.namespace);
  return root ?? DEFAULT_INVENTORY_ROOT;
}

/** Where tandem's inventory of a node lives: in the node's state folder. */
export function inventoryPath(connection: Connection, root?: string): string {
  return join(nodeStateDir(connection, root), 'inventory.json');
}

/** Builds the transport for a connection, or explains why the connection is unusable. */
export function transportFor(
  connection: Connection,
  options: TransportOptions,
): { ok: true; transport: Transport } | { ok: false; error: ObserveError } {
  switch (connection.transport) {
    case 'local':
      return { ok: true, transport: new LocalTransport(options) };
    case 'netns': {
      const ns = connection.namespace;
      if (!ns || !isValidNamespaceName(ns)) {
        return {
          ok: false,
          error: {
            kind: 'command-failed',
            message: `connection.namespace ${JSON.stringify(ns ?? '')} is not a valid namespace name`,
          },
        };
      }
      return { ok: true, transport: new NetnsTransport(ns, options) };
    }
    case 'ssh': {
      const { host, user } = connection;
      if (!host || !SSH_HOST.test(host))
        return {
          ok: false,
          error: {
            kind: 'command-failed',
            message: `connection.host ${JSON.stringify(host ?? '')} is not a valid host name or address`,
          },
        };
      if (user !== undefined && !SSH_USER.test(user))
        return {
          ok: false,
          error: {
            kind: 'command-failed',
            message: `connection.user ${JSON.stringify(user)} is not a valid user name`,
          },
        };
      if (connection.identityFile !== undefined && connection.identityFile.startsWith('-')) {
        return {
          ok: false,
          error: { kind: 'command-failed', message: 'connection.identityFile must be a path, not an option' },
        };
      }
      const knownHosts = knownHostsOf(connection);
      if (knownHosts !== undefined) {
        const path = isAbsolute(knownHosts) ? knownHosts : resolve(options.envDir ?? '.', knownHosts);
        // ssh splits UserKnownHostsFile on whitespace and expands %-tokens: such a path
        // would name other files than the one the environment means.
        if (!SSH_PATH.test(path))
          return {
            ok: false,
            error: {
              kind: 'command-failed',
              message:
                `connection.knownHosts ${JSON.stringify(knownHosts)} must be a path of letters, digits ` +
                "and '_@+:,./=-' (ssh would split or expand anything else)",
            },
          };
        return { ok: true, transport: new SshTransport(connection, options, path) };
      }
      return { ok: true, transport: new SshTransport(connection, options) };
    }
    default:
      return {
        ok: false,
        error: {
          kind: 'command-failed',
          message: `transport ${connection.transport} is not served by the linux driver`,
        },
      };
  }
}
