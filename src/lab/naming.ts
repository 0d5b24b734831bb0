// Names of the lab's kernel objects. A node whose connection is `netns` keeps its own
// namespace name; every other node gets `tdm-<node>`, so `tandem lab up` works for any
// environment (sim nodes included) and the netns driver can find the lab's nodes.
import type { NodeDocument } from '../model/generated/desired.js';

export const LAB_PREFIX = 'tdm-';

export function labNamespace(node: Pick<NodeDocument, 'metadata' | 'spec'>): string {
  const c = node.spec.connection;
  if (c.transport === 'netns' && c.namespace) return c.namespace;
  return `${LAB_PREFIX}${node.metadata.name}`;
}
