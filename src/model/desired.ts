// The desired state of an environment as typed, located values, and the lookups every
// rule and the planner need (built once, so rules stay linear in the fleet size).
import type { Diagnostic, SourcePos } from '../diagnostics.js';
import { locate, type PathSegment, type SourceDoc } from '../load/source.js';
import type {
  ClusterDocument,
  IKEConnectionDocument,
  IPsecPolicyDocument,
  Interface,
  NodeDocument,
  RelocatableAddressDocument,
  Segment,
  TandemDocument,
} from './generated/desired.js';
import { desiredIkeConnection, type DesiredIkeConnection } from './ike.js';
import { parseCidr, type ParsedCidr } from './ip.js';

export interface Entry<T extends TandemDocument> {
  name: string;
  doc: T;
  src: SourceDoc;
}

export interface InterfaceRef {
  node: Entry<NodeDocument>;
  iface: Interface;
  /** Index in spec.interfaces, for locating it. */
  index: number;
}

export interface StaticAddressRef extends InterfaceRef {
  addressIndex: number;
  text: string;
  cidr: ParsedCidr;
}

export interface DesiredModel {
  cluster?: Entry<ClusterDocument>;
  nodes: Entry<NodeDocument>[];
  relocatables: Entry<RelocatableAddressDocument>[];
  ipsecPolicies: Entry<IPsecPolicyDocument>[];
  /** IKEConnection documents, for locating their fields. */
  ikeEntries: Entry<IKEConnectionDocument>[];
  /** The same connections with defaults and carrying nodes (src/model/ike.ts), index-aligned with ikeEntries. */
  ikeConnections: DesiredIkeConnection[];
  nodeByName: Map<string, Entry<NodeDocument>>;
  relocatableByName: Map<string, Entry<RelocatableAddressDocument>>;
  segmentByName: Map<string, Segment>;
  /** Key `${node}/${interface}`; the first definition wins when a name repeats. */
  interfaceByKey: Map<string, InterfaceRef>;
  staticAddresses: StaticAddressRef[];
}

/** Position of a field of an entry's document, e.g. at(node, 'spec', 'interfaces', 0). */
export function at(entry: Entry<TandemDocument>, ...path: PathSegment[]): SourcePos {
  return locate(entry.src, path);
}

export function interfaceKey(node: string, iface: string): string {
  return `${node}/${iface}`;
}

/**
 * model.interfaceByKey again, as node -> interface -> ref, for the models buildModel
 * made: rules look up tens of thousands of placements, and nested maps on the names the
 * documents hold find them without building a key string per lookup. Keyed by the map
 * itself, which shallow copies of the model share.
 */
const interfacesByNode = new WeakMap<Map<string, InterfaceRef>, Map<string, Map<string, InterfaceRef>>>();

export function findInterface(model: DesiredModel, node: string, iface: string): InterfaceRef | undefined {
  const byNode = interfacesByNode.get(model.interfaceByKey);
  if (byNode) return byNode.get(node)?.get(iface);
  return model.interfaceByKey.get(interfaceKey(node, iface));
}

/**
 * Builds the model from schema-valid documents. Reports what only makes sense across
 * documents: the same kind and name defined twice, and the Cluster count.
 */
export function buildModel(
  documents: ReadonlyArray<{ value: TandemDocument; src: SourceDoc }>,
  envDir: string,
): { model: DesiredModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const model: DesiredModel = {
    nodes: [],
    relocatables: [],
    ipsecPolicies: [],
    ikeEntries: [],
    ikeConnections: [],
    nodeByName: new Map(),
    relocatableByName: new Map(),
    segmentByName: new Map(),
    interfaceByKey: new Map(),
    staticAddresses: [],
  };
  // Per kind, the first entry of each name: no "kind/name" string built per document.
  const firstByKind = new Map<string, Map<string, Entry<TandemDocument>>>();
  const clusters: Entry<ClusterDocument>[] = [];
  for (const { value, src } of documents) {
    const entry = { name: value.metadata.name, doc: value, src } as Entry<TandemDocument>;
    let firstByName = firstByKind.get(value.kind);
    if (!firstByName) firstByKind.set(value.kind, (firstByName = new Map<string, Entry<TandemDocument>>()));
    const first = firstByName.get(entry.name);
    if (first) {
      const key = `${value.kind}/${value.metadata.name}`;
      diagnostics.push({
        severity: 'error',
        ruleId: 'LOAD003',
        summary: `${key} is defined twice`,
        detail: 'Names are unique per kind within an environment; rename or remove one of them.',
        objects: [key],
        source: at(entry, 'metadata', 'name'),
        related: [{ source: at(first, 'metadata', 'name'), note: 'first defined here' }],
        reference: 'docs/decisions.md (Desired-state format)',
      });
      continue;
    }
    firstByName.set(entry.name, entry);
    switch (value.kind) {
      case 'Cluster':
        clusters.push(entry as Entry<ClusterDocument>);
        break;
      case 'Node':
        model.nodes.push(entry as Entry<NodeDocument>);
        model.nodeByName.set(entry.name, entry as Entry<NodeDocument>);
        break;
      case 'RelocatableAddress':
        model.relocatables.push(entry as Entry<RelocatableAddressDocument>);
        model.relocatableByName.set(entry.name, entry as Entry<RelocatableAddressDocument>);
        break;
      case 'IPsecPolicy':
        model.ipsecPolicies.push(entry as Entry<IPsecPolicyDocument>);
        break;
      case 'IKEConnection':
        model.ikeEntries.push(entry as Entry<IKEConnectionDocument>);
        break;
    }
  }
  if (clusters.length === 0) {
    diagnostics.push({
      severity: 'error',
      ruleId: 'LOAD004',
      summary: `environment ${envDir} has no Cluster document`,
      detail: 'Add one document of kind Cluster with the segments of the environment.',
      objects: [],
      source: { file: envDir, line: 1, col: 1 },
      reference: 'docs/decisions.md (Desired-state format)',
    });
  } else {
    model.cluster = clusters[0];
    for (const extra of clusters.slice(1)) {
      diagnostics.push({
        severity: 'error',
        ruleId: 'LOAD004',
        summary: `Cluster/${extra.name} is a second Cluster document (Cluster/${clusters[0].name} exists)`,
        detail: 'An environment has exactly one Cluster; merge them.',
        objects: [`Cluster/${extra.name}`, `Cluster/${clusters[0].name}`],
        source: at(extra, 'metadata', 'name'),
        related: [{ source: at(clusters[0], 'metadata', 'name'), note: 'first Cluster' }],
        reference: 'docs/decisions.md (Desired-state format)',
      });
    }
    for (const segment of model.cluster.doc.spec.segments) {
      if (!model.segmentByName.has(segment.name)) model.segmentByName.set(segment.name, segment);
    }
  }
  const byNode = new Map<string, Map<string, InterfaceRef>>();
  for (const node of model.nodes) {
    let byName = byNode.get(node.name);
    if (!byName) byNode.set(node.name, (byName = new Map<string, InterfaceRef>()));
    const interfaces = byName;
    node.doc.spec.interfaces.forEach((iface, index) => {
      const key = interfaceKey(node.name, iface.name);
      if (!model.interfaceByKey.has(key)) {
        const ref = { node, iface, index };
        model.interfaceByKey.set(key, ref);
        interfaces.set(iface.name, ref);
      }
      (iface.addresses ?? []).forEach((text, addressIndex) => {
        const cidr = parseCidr(text);
        if (cidr) model.staticAddresses.push({ node, iface, index, addressIndex, text, cidr });
      });
    });
  }
  interfacesByNode.set(model.interfaceByKey, byNode);
  for (const e of model.ikeEntries) model.ikeConnections.push(desiredIkeConnection(e.doc, model.relocatableByName));
  return { model, diagnostics };
}

/** The IKE connections node `node` carries, in document order. */
export function ikeConnectionsOn(model: DesiredModel, node: string): DesiredIkeConnection[] {
  return model.ikeConnections.filter((c) => c.nodes.includes(node));
}
