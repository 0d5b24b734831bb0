// Kernel operations: the vocabulary shared by the planner (steps carry them), the sim
// kernel model (applies them to an ObservedNode), and the linux applier (renders each
// as one `ip -batch` line). One op is one kernel write on one node.
import type { ObservedXfrmPolicy } from '../observe/model.js';

export type KernelOp =
  | { op: 'link-set'; iface: string; up?: boolean; mtu?: number }
  | { op: 'link-add-bond'; iface: string; mode: string; miimonMs?: number }
  | { op: 'link-add-tunnel'; iface: string; mode: string; local: string; remote: string; ttl?: number }
  | { op: 'link-del'; iface: string }
  | { op: 'link-enslave'; iface: string; master: string }
  | { op: 'link-release'; iface: string }
  | { op: 'addr-add'; iface: string; cidr: string; label?: string }
  | { op: 'addr-del'; iface: string; cidr: string }
  | { op: 'route-replace'; to: string; via?: string; dev: string; metric?: number; table?: number; src?: string }
  /** The preferred source of a connected IPv4 route (proto kernel scope link), replaced in place. */
  | { op: 'route-src'; iface: string; to: string; src: string }
  | { op: 'route-del'; to: string; via?: string; dev: string; metric?: number; table?: number }
  | { op: 'neigh-replace'; iface: string; address: string; lladdr: string }
  | { op: 'neigh-del'; iface: string; address: string }
  | { op: 'xfrm-policy-update'; policy: ObservedXfrmPolicy }
  | { op: 'xfrm-policy-del'; selector: ObservedXfrmPolicy['selector']; dir: ObservedXfrmPolicy['dir'] }
  | { op: 'sysctl-set'; name: string; value: string };

export type KernelOpName = KernelOp['op'];
