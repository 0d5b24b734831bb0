// Names of the lab's kernel objects. A node whose connection is `netns` keeps its own
// namespace name; every other node gets `tdm-<node>`, so `tandem lab up` works for any
// environment (sim nodes included) and the netns driver can find the lab's nodes.
import { createHash } from 'node:crypto';
import type { NodeDocument } from '../model/generated/desired.js';

export const LAB_PREFIX = 'tdm-';

export function labNamespace(node: Pick<NodeDocument, 'metadata' | 'spec'>): string {
  const c = node.spec.connection;
  if (c.transport === 'netns' && c.namespace) return c.namespace;
  return `${LAB_PREFIX}${node.metadata.name}`;
}

// Shared namespaces of a lab. Segment and client namespaces carry the segment name (a
// validated DNS label); the management hub is per environment because every lab with a
// segment-less interface needs one and two labs must not share it.
export function segmentNamespace(segment: string): string {
  return `${LAB_PREFIX}seg-${segment}`;
}

export function clientNamespace(segment: string): string {
  return `${LAB_PREFIX}cli-${segment}`;
}

export function mgmtNamespace(env: string): string {
  return `${LAB_PREFIX}mgmt-${env}`;
}

/** The bridge inside a segment or management namespace. */
export const LAB_BRIDGE = 'br0';

/** The client's own end of its veth, inside the client namespace. */
export const CLIENT_INTERFACE = 'eth0';

/**
 * Name of the far end of a veth: `tv` and 12 hex digits of a hash of where the near end
 * lives, so it fits the kernel's 15 bytes whatever the node and interface are called,
 * and stays the same from one `lab up` to the next. `salt` separates the rare collision.
 */
export function vethPeerName(namespace: string, iface: string, salt = 0): string {
  const digest = createHash('sha256').update(`${namespace}/${iface}#${salt}`).digest('hex');
  return `tv${digest.slice(0, 12)}`;
}
