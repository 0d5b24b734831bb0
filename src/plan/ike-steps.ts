// IKE connections in a plan: which connection to load, initiate or unload on which node,
// and in what order around a relocatable address's move (make before break, seed 003):
// the adoptive node loads the connection before the address arrives, initiates the SA
// after it has arrived, and the old node terminates its SA (or unloads the connection,
// when it no longer carries it) after the address has left. checkIkeOrder is the gate
// for these steps: it walks an order of address events and IKE steps and refuses one
// that leaves the address held by a node without the connection loaded, or initiates
// where the address is not. Pure.
import type { DesiredModel } from '../model/desired.js';
import type { DesiredIkeConnection } from '../model/ike.js';

export type IkeAction = 'load' | 'initiate' | 'terminate' | 'unload';

export interface IkeStep {
  kind: 'ike';
  id: string;
  node: string;
  connection: string;
  action: IkeAction;
  /** For initiate: the children to bring up. */
  children?: string[];
  description: string;
}

/** An address leaving or arriving on a node (the address steps of the plan). */
export interface AddressEvent {
  kind: 'address';
  node: string;
  address: string;
  action: 'add' | 'del';
}

export type MoveItem = IkeStep | AddressEvent;

/** What a node's charon has now, per connection. */
export interface IkeNodeView {
  loaded: ReadonlySet<string>;
  established: ReadonlySet<string>;
}

function step(node: string, c: DesiredIkeConnection, action: IkeAction): IkeStep {
  const what =
    action === 'load'
      ? `load IKE connection ${c.name}`
      : action === 'initiate'
        ? `initiate IKE connection ${c.name} (${c.children.map((ch) => ch.name).join(', ')})`
        : action === 'terminate'
          ? `terminate the SA of IKE connection ${c.name}`
          : `unload IKE connection ${c.name}`;
  return {
    kind: 'ike',
    id: `${node}:ike/${c.name}/${action}`,
    node,
    connection: c.name,
    action,
    ...(action === 'initiate' ? { children: c.children.map((ch) => ch.name) } : {}),
    description: what,
  };
}

/**
 * The order of one relocatable address's move from `from` to `to`, with the IKE steps of
 * every connection that follows it. Connections already loaded on `to` are not loaded
 * again; `from` may be undefined (the address comes up for the first time).
 */
export function moveOrder(
  model: DesiredModel,
  move: { address: string; from?: string; to: string },
  views: ReadonlyMap<string, IkeNodeView>,
): MoveItem[] {
  const conns = model.ikeConnections.filter((c) => c.followsAddress === move.address);
  const loadedOn = (n: string, c: string) => views.get(n)?.loaded.has(c) ?? false;
  const items: MoveItem[] = [];
  for (const c of conns) if (!loadedOn(move.to, c.name)) items.push(step(move.to, c, 'load'));
  if (move.from !== undefined) items.push({ kind: 'address', node: move.from, address: move.address, action: 'del' });
  items.push({ kind: 'address', node: move.to, address: move.address, action: 'add' });
  for (const c of conns) items.push(step(move.to, c, 'initiate'));
  // A standby placement keeps the connection loaded (it may adopt the address later) but
  // drops its SA, which the peer replaced; a node that no longer carries it unloads it.
  if (move.from !== undefined)
    for (const c of conns) items.push(step(move.from, c, c.nodes.includes(move.from) ? 'terminate' : 'unload'));
  return items;
}

/**
 * Steps for the nodes' charons without a move: load what a node should carry and lacks,
 * initiate where the node holds the address and no SA is up, unload what it should not
 * carry. `holds(node, connection)` says whether the node has the connection's local address.
 */
export function ikeSteps(
  model: DesiredModel,
  views: ReadonlyMap<string, IkeNodeView>,
  holds: (node: string, c: DesiredIkeConnection) => boolean,
): IkeStep[] {
  const out: IkeStep[] = [];
  for (const [node, view] of [...views].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const carried = model.ikeConnections.filter((c) => c.nodes.includes(node));
    for (const c of carried) {
      if (!view.loaded.has(c.name)) out.push(step(node, c, 'load'));
      if (holds(node, c) && !view.established.has(c.name)) out.push(step(node, c, 'initiate'));
    }
    const wanted = new Set(carried.map((c) => c.name));
    for (const name of [...view.loaded].sort()) {
      if (wanted.has(name)) continue;
      out.push({
        kind: 'ike',
        id: `${node}:ike/${name}/unload`,
        node,
        connection: name,
        action: 'unload',
        description: `unload IKE connection ${name}`,
      });
    }
  }
  return out;
}

export interface IkeRefusal {
  ruleId: 'TR015';
  item: string;
  explanation: string;
}

/**
 * Walks the order and refuses it where the address's traffic would be without a
 * connection: the address added on a node where a connection that follows it is not
 * loaded, a connection unloaded from a node that still holds the address, or an SA
 * initiated on a node that does not (yet) hold the address.
 */
export function checkIkeOrder(
  model: DesiredModel,
  order: readonly MoveItem[],
  start: { loaded: ReadonlyMap<string, ReadonlySet<string>>; holders: ReadonlyMap<string, ReadonlySet<string>> },
): IkeRefusal[] {
  const loaded = new Map([...start.loaded].map(([n, s]) => [n, new Set(s)]));
  const holders = new Map([...start.holders].map(([a, s]) => [a, new Set(s)]));
  const following = (address: string) => model.ikeConnections.filter((c) => c.followsAddress === address);
  const refusals: IkeRefusal[] = [];
  const refuse = (item: string, explanation: string) => refusals.push({ ruleId: 'TR015', item, explanation });
  for (const it of order) {
    if (it.kind === 'address') {
      const held = holders.get(it.address) ?? new Set<string>();
      holders.set(it.address, held);
      if (it.action === 'del') {
        held.delete(it.node);
        continue;
      }
      held.add(it.node);
      for (const c of following(it.address))
        if (!loaded.get(it.node)?.has(c.name))
          refuse(
            `${it.node}:address/${it.address}`,
            `${it.address} arrives on ${it.node} before IKE connection ${c.name} is loaded there: ` +
              'its traffic would leave unprotected or be dropped; load the connection first',
          );
      continue;
    }
    const set = loaded.get(it.node) ?? new Set<string>();
    loaded.set(it.node, set);
    const conn = model.ikeConnections.find((c) => c.name === it.connection);
    const address = conn?.followsAddress;
    if (it.action === 'load') set.add(it.connection);
    else if (it.action === 'unload' || it.action === 'terminate') {
      if (it.action === 'unload') set.delete(it.connection);
      if (address && holders.get(address)?.has(it.node))
        refuse(
          it.id,
          `IKE connection ${it.connection} is ${it.action === 'unload' ? 'unloaded from' : 'terminated on'} ` +
            `${it.node} while ${it.node} still holds ${address}: do it only after the address has left`,
        );
    } else {
      if (!set.has(it.connection))
        refuse(it.id, `IKE connection ${it.connection} is initiated on ${it.node} before it is loaded there`);
      if (address && !holders.get(address)?.has(it.node))
        refuse(
          it.id,
          `IKE connection ${it.connection} is initiated on ${it.node}, which does not hold ${address} at that point: ` +
            'initiate only after the address has arrived',
        );
    }
  }
  return refusals;
}
