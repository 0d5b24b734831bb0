// The linux driver: observes one node through iproute2 with one dump per object type,
// plus one for the sysctls and a read of tandem's inventory: all started at once on this
// machine, one process in a namespace and one remote process over ssh (Transport.runEach).
// Any failure becomes the node's error; nothing here throws for a bad node.
import { existsSync } from 'node:fs';
import type { Connection } from '../../../model/generated/desired.js';
import { nodeCharonPaths } from '../../../ipsec/charon.js';
import { observeCharon, type ObservedIke } from '../../../ipsec/observed.js';
import type { NodeDriver } from '../../driver.js';
import type { Inventory, ObserveError, Observation, ObservedNode } from '../../model.js';
import { parseAddresses } from './parse-addresses.js';
import { parseInventory } from './parse-inventory.js';
import { parseLinks } from './parse-links.js';
import { parseNeighbors } from './parse-neighbors.js';
import { parseRoutes } from './parse-routes.js';
import { parseSysctl, sysctlCommand } from './parse-sysctl.js';
import { parseXfrmPolicies } from './parse-xfrm.js';
import type { Parsed } from './parsed.js';
import { SshSessions } from './ssh-session.js';
import {
  DEFAULT_TIMEOUT_MS,
  inventoryPath,
  transportFor,
  type EachCommand,
  type ReadOutcome,
  type RunOutcome,
  type Transport,
} from './transport.js';

/** The exact commands the driver runs (before the transport wraps them). */
export const COMMANDS = {
  links: ['ip', '-j', '-d', 'link', 'show'],
  addresses: ['ip', '-j', 'addr', 'show'],
  routes4: ['ip', '-N', '-j', '-4', 'route', 'show', 'table', 'all'],
  routes6: ['ip', '-N', '-j', '-6', 'route', 'show', 'table', 'all'],
  neighbors: ['ip', '-j', 'neigh', 'show', 'nud', 'permanent'],
  xfrm: ['ip', '-s', 'xfrm', 'policy'],
} as const;

export interface LinuxDriverOptions {
  timeoutMs?: number;
  inventoryRoot?: string;
  /** Sysctl names to read besides the per-interface IPv4 conf keys (the node's expectations). */
  sysctls?: readonly string[];
  /** Clock, for deterministic tests. */
  now?: () => Date;
  /** The run's ssh masters; without it, one observation opens (and closes) its own connection. */
  sessions?: SshSessions;
  /** The environment folder (a relative connection.knownHosts is read from there). */
  envDir?: string;
}

export function createLinuxDriver(node: string, connection: Connection, options: LinuxDriverOptions = {}): NodeDriver {
  return {
    kind: 'linux',
    node,
    observe: () => observeLinux(node, connection, options),
  };
}

export async function observeLinux(
  node: string,
  connection: Connection,
  options: LinuxDriverOptions = {},
): Promise<Observation> {
  // Even alone, an observation's eight commands share one connection.
  const own = connection.transport === 'ssh' && !options.sessions ? new SshSessions() : undefined;
  try {
    return await observeWith(node, connection, { ...options, ...(own ? { sessions: own } : {}) });
  } finally {
    await own?.close();
  }
}

async function observeWith(node: string, connection: Connection, options: LinuxDriverOptions): Promise<Observation> {
  const made = transportFor(connection, {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    inventoryRoot: options.inventoryRoot,
    sessions: options.sessions,
    envDir: options.envDir,
  });
  if (!made.ok) return { node, ok: false, error: made.error };
  const result = await readNode(made.transport, inventoryPath(connection, options.inventoryRoot), options);
  if (!result.ok) return { node, ok: false, error: result.error };
  const ike =
    connection.transport === 'netns' && connection.namespace
      ? await observeNamespaceCharon(connection.namespace, options)
      : undefined;
  const state: ObservedNode = {
    node,
    driver: 'linux',
    observedAt: (options.now?.() ?? new Date()).toISOString(),
    ...result.value,
    ...(ike ? { ike } : {}),
  };
  return { node, ok: true, state };
}

/**
 * The charon of a namespace node (the lab's, src/lab/charon.ts), over its VICI socket in
 * the node's state folder. No socket: no charon there, and no `ike` in the state. A socket
 * nobody answers on (charon died) leaves `ike` out too: the plan then says the node's
 * charon is not observed, rather than failing the whole node.
 */
async function observeNamespaceCharon(
  namespace: string,
  options: LinuxDriverOptions,
): Promise<ObservedIke | undefined> {
  const paths = nodeCharonPaths(namespace, options.inventoryRoot);
  if (!existsSync(paths.vici)) return undefined;
  return observeCharon(paths.vici).catch(() => undefined);
}

type NodeContent = Omit<ObservedNode, 'node' | 'driver' | 'observedAt'>;

type Step<T> = { ok: true; value: T } | { ok: false; error: ObserveError };

/** A command's outcome parsed, or the first failure. */
function parsed<T>(
  t: Transport,
  command: readonly string[],
  r: RunOutcome,
  parse: (text: string) => Parsed<T>,
): Step<T> {
  if (!r.ok) return r;
  const p = parse(r.stdout);
  return p.ok ? p : { ok: false, error: { kind: 'parse', message: p.message, command: t.argv(command) } };
}

/** `cat FILE`'s outcome as a file read: exit 1 with "No such file" is a file not there yet. */
function catRead(r: RunOutcome): ReadOutcome {
  if (r.ok) return { ok: true, text: r.stdout };
  if (r.exitCode === 1 && /No such file or directory/.test(r.stderr ?? '')) return { ok: true, text: null };
  return { ok: false, error: r.error };
}

async function readNode(t: Transport, inventoryFile: string, options: LinuxDriverOptions): Promise<Step<NodeContent>> {
  // grep exits 1 when nothing matched and 2 when a named extra file does not exist;
  // the lines it did print are still the answer.
  const sysctlDump = sysctlCommand(options.sysctls);
  const dumps: EachCommand[] = [
    { command: COMMANDS.links },
    { command: COMMANDS.addresses },
    { command: COMMANDS.routes4 },
    { command: COMMANDS.routes6 },
    { command: COMMANDS.neighbors },
    { command: COMMANDS.xfrm },
    { command: sysctlDump, okExitCodes: [1, 2] },
  ];
  // Over ssh the inventory is read by `cat` in the same remote process as the dumps: the
  // whole observation is one round trip. Elsewhere it is a file of this machine.
  const remoteInventory = t.kind === 'ssh';
  const [outcomes, file] = await Promise.all([
    t.runEach(remoteInventory ? [...dumps, { command: ['cat', inventoryFile] }] : dumps),
    remoteInventory ? undefined : t.readFile(inventoryFile),
  ]);
  const read = file ?? catRead(outcomes[dumps.length]);
  const steps = [
    parsed(t, COMMANDS.links, outcomes[0], parseLinks),
    parsed(t, COMMANDS.addresses, outcomes[1], parseAddresses),
    parsed(t, COMMANDS.routes4, outcomes[2], (text) => parseRoutes(text, 4)),
    parsed(t, COMMANDS.routes6, outcomes[3], (text) => parseRoutes(text, 6)),
    parsed(t, COMMANDS.neighbors, outcomes[4], parseNeighbors),
    parsed(t, COMMANDS.xfrm, outcomes[5], parseXfrmPolicies),
    parsed(t, sysctlDump, outcomes[6], (text) => parseSysctl(text, options.sysctls)),
    ((): Step<Inventory> => {
      if (!read.ok) return read;
      const p = parseInventory(read.text, inventoryFile);
      return p.ok ? p : { ok: false, error: { kind: 'parse', message: p.message } };
    })(),
  ] as const;
  // Report the first failure in a fixed order, so the same broken node always gives the same error.
  for (const step of steps) if (!step.ok) return step;
  const [links, addresses, routes4, routes6, neighbors, xfrm, sysctl, inventory] = steps as unknown as [
    Ok<ObservedNode['links']>,
    Ok<ObservedNode['addresses']>,
    Ok<ObservedNode['routes']>,
    Ok<ObservedNode['routes']>,
    Ok<ObservedNode['neighbors']>,
    Ok<ObservedNode['xfrmPolicies']>,
    Ok<ObservedNode['sysctl']>,
    Ok<Inventory>,
  ];
  return {
    ok: true,
    value: {
      links: links.value,
      addresses: addresses.value,
      routes: [...routes4.value, ...routes6.value],
      neighbors: neighbors.value,
      xfrmPolicies: xfrm.value,
      sysctl: sysctl.value,
      inventory: inventory.value,
    },
  };
}

type Ok<T> = { ok: true; value: T };
