// Drift of a node's charon against the connections it should carry: a desired
// connection that is not loaded, or has no ESTABLISHED IKE_SA with every child
// INSTALLED where the node holds its address, or a loaded connection not desired. Pure.
import type { DesiredIkeConnection } from '../model/ike.js';
import type { ObservedIke } from '../observe/model.js';

export interface IkeDrift {
  connection: string;
  /** not-loaded: charon does not have it; no-sa: loaded, no ESTABLISHED IKE_SA with every child INSTALLED. */
  kind: 'not-loaded' | 'no-sa' | 'not-desired';
  detail: string;
}

/**
 * Drift of one node: what it should carry (`desired`), and whether it should have the SA
 * up (`expectSa`: the node holds the connection's local address; a node that only stands
 * by for a relocatable address carries the connection loaded, without an SA).
 */
export function ikeDrift(
  desired: DesiredIkeConnection[],
  observed: ObservedIke,
  expectSa: (c: DesiredIkeConnection) => boolean,
): IkeDrift[] {
  const out: IkeDrift[] = [];
  const loaded = new Set(observed.connections.map((c) => c.name));
  for (const c of desired) {
    if (!loaded.has(c.name)) {
      out.push({ connection: c.name, kind: 'not-loaded', detail: 'the connection is not loaded in charon' });
      continue;
    }
    if (!expectSa(c)) continue;
    const sa = observed.sas.find((s) => s.connection === c.name && s.state === 'ESTABLISHED');
    if (!sa) {
      const other = observed.sas.find((s) => s.connection === c.name);
      out.push({
        connection: c.name,
        kind: 'no-sa',
        detail: other ? `its IKE_SA is ${other.state}, not ESTABLISHED` : 'no IKE_SA is up',
      });
      continue;
    }
    const missing = c.children
      .map((ch) => ch.name)
      .filter((n) => !sa.children.some((x) => x.name === n && x.state === 'INSTALLED'));
    if (missing.length > 0)
      out.push({ connection: c.name, kind: 'no-sa', detail: `no INSTALLED CHILD_SA for ${missing.join(', ')}` });
  }
  const wanted = new Set(desired.map((c) => c.name));
  for (const c of observed.connections)
    if (!wanted.has(c.name))
      out.push({ connection: c.name, kind: 'not-desired', detail: 'loaded in charon, not in the desired state' });
  return out;
}
