// The sim kernel: a pure model of what one Linux node does with each KernelOp. The
// planner's safety gate simulates plans with it and the sim driver applies with it, so
// both see the same side effects the real kernel has (secondaries removed with their
// primary, routes flushed with a link, DAD failing on a duplicate). Behaviours and their
// sources are documented in addresses.ts, routes.ts, links.ts and neighbors.ts.
//
// Inputs are never modified. applyOps works on one copy-on-write Draft per call, so a
// batch costs one shallow copy of each section it touches, not a deep clone per op, and
// a state nothing changed comes back as the same object.
import type { ObservedNode } from '../observe/model.js';
import type { KernelOp } from '../plan/ops.js';
import { addrAdd, addrDel, type KernelContext } from './addresses.js';
import { Draft } from './draft.js';
import { errors, type KernelError } from './errors.js';
import { linkAddBond, linkAddTunnel, linkDel, linkEnslave, linkRelease, linkSet } from './links.js';
import { neighDel, neighReplace, xfrmPolicyDel, xfrmPolicyUpdate } from './neighbors.js';
import { routeDel, routeReplace, routeSource } from './routes.js';

export type { KernelContext } from './addresses.js';
export type { KernelError, KernelErrorCode } from './errors.js';

export type ApplyOpResult = { ok: true; state: ObservedNode } | { ok: false; error: KernelError };

export type ApplyOpsResult =
  | { ok: true; state: ObservedNode; changed: boolean }
  | {
      ok: false;
      /** Index in `ops` of the op that failed; the ops before it took effect, as with `ip -batch`. */
      index: number;
      error: KernelError;
      /** State after the ops before `index` (and whatever the failing op did before failing). */
      state: ObservedNode;
      changed: boolean;
    };

const NO_CONTEXT: KernelContext = {};

export function applyOp(state: ObservedNode, op: KernelOp, ctx: KernelContext = NO_CONTEXT): ApplyOpResult {
  const d = new Draft(state);
  const error = step(d, op, ctx);
  return error ? { ok: false, error } : { ok: true, state: d.finish() };
}

export function applyOps(
  state: ObservedNode,
  ops: readonly KernelOp[],
  ctx: KernelContext = NO_CONTEXT,
): ApplyOpsResult {
  const d = new Draft(state);
  for (let index = 0; index < ops.length; index++) {
    const error = step(d, ops[index], ctx);
    if (error) return { ok: false, index, error, state: d.finish(), changed: d.changed };
  }
  return { ok: true, state: d.finish(), changed: d.changed };
}

function step(d: Draft, op: KernelOp, ctx: KernelContext): KernelError | undefined {
  switch (op.op) {
    case 'link-set':
      return linkSet(d, op, ctx);
    case 'link-add-bond':
      return linkAddBond(d, op);
    case 'link-add-tunnel':
      return linkAddTunnel(d, op);
    case 'link-del':
      return linkDel(d, op);
    case 'link-enslave':
      return linkEnslave(d, op, ctx);
    case 'link-release':
      return linkRelease(d, op);
    case 'addr-add':
      return addrAdd(d, op, ctx);
    case 'addr-del':
      return addrDel(d, op);
    case 'route-replace':
      return routeReplace(d, op);
    case 'route-src':
      return routeSource(d, op);
    case 'route-del':
      return routeDel(d, op);
    case 'neigh-replace':
      return neighReplace(d, op);
    case 'neigh-del':
      return neighDel(d, op);
    case 'xfrm-policy-update':
      return xfrmPolicyUpdate(d, op);
    case 'xfrm-policy-del':
      return xfrmPolicyDel(d, op);
    case 'sysctl-set':
      return sysctlSet(d, op);
    default:
      // Ops arrive from plan files too; an unknown one is refused, not ignored.
      return { code: 'EINVAL', message: `unknown kernel op ${JSON.stringify((op as { op?: unknown }).op)}` };
  }
}

const SYSCTL_NAME = /^net\.(ipv4|ipv6|core)\.[A-Za-z0-9_.-]{1,200}$/;

/** Per-interface sysctls exist only while their interface does. */
function sysctlSet(d: Draft, op: Extract<KernelOp, { op: 'sysctl-set' }>): KernelError | undefined {
  if (!SYSCTL_NAME.test(op.name)) return errors.badSysctl(op.name);
  const parts = op.name.split('.');
  if (
    (parts[1] === 'ipv4' || parts[1] === 'ipv6') &&
    (parts[2] === 'conf' || parts[2] === 'neigh') &&
    parts.length >= 5
  ) {
    const iface = parts[3];
    if (iface !== 'all' && iface !== 'default' && !d.link(iface)) return errors.noSuchSysctl(op.name);
  }
  const value = String(op.value).trim();
  if (d.sysctl[op.name] !== value) d.writableSysctl()[op.name] = value;
  return undefined;
}

/** A node with nothing but its loopback link, as a fresh network namespace has once lo is up. */
export function emptyNode(node: string, driver = 'sim'): ObservedNode {
  return {
    node,
    driver,
    observedAt: new Date(0).toISOString(),
    links: [{ name: 'lo', kind: 'loopback', adminUp: true, operState: 'UNKNOWN', mtu: 65536 }],
    addresses: [
      {
        interface: 'lo',
        family: 4,
        cidr: '127.0.0.1/8',
        secondary: false,
        tentative: false,
        dadfailed: false,
        scope: 'host',
      },
      {
        interface: 'lo',
        family: 6,
        cidr: '::1/128',
        secondary: false,
        tentative: false,
        dadfailed: false,
        scope: 'host',
      },
    ],
    routes: [],
    neighbors: [],
    xfrmPolicies: [],
    sysctl: {},
    inventory: { owned: [] },
  };
}
