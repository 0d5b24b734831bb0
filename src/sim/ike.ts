// A sim node's charon: no daemon and no peer, only a record in the node's state file of
// the connections loaded and the SAs up, so plan and apply treat sim nodes like lab nodes
// (docs/ipsec.md, "Sim nodes"). A load records the connection; an initiate records an
// ESTABLISHED IKE_SA with every child INSTALLED, as if the peer answered, but only where
// the node holds the connection's local address (charon: "no local address found"); a
// terminate drops the SA; an unload drops the SA and the connection. No key is read: the
// sim negotiates nothing. Pure.
import type { DesiredIkeConnection } from '../model/ike.js';
import { canonicalIp, hostPart } from '../model/ip.js';
import type { ObservedIke, ObservedNode } from '../observe/model.js';
import type { IkeStepSpec } from '../plan/step-types.js';

export type SimIkeResult = { ok: true; state: ObservedNode } | { ok: false; error: string };

export function applySimIke(
  state: ObservedNode,
  step: IkeStepSpec,
  connection: DesiredIkeConnection | undefined,
): SimIkeResult {
  const ike: ObservedIke = structuredClone(state.ike ?? { connections: [], sas: [] });
  const name = step.connection;
  const done = (): SimIkeResult => ({ ok: true, state: { ...state, ike } });
  const dropSas = () => (ike.sas = ike.sas.filter((s) => s.connection !== name));
  switch (step.action) {
    case 'load': {
      if (!connection) return { ok: false, error: `connection ${name} is not in the desired state` };
      ike.connections = ike.connections.filter((c) => c.name !== name);
      ike.connections.push({
        name,
        localAddrs: [connection.local.address],
        remoteAddrs: [connection.remote.address],
        children: connection.children.map((c) => c.name).sort(),
      });
      ike.connections.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return done();
    }
    case 'initiate': {
      if (!connection || !ike.connections.some((c) => c.name === name))
        return { ok: false, error: `connection ${name} is not loaded` };
      const local = canonicalIp(connection.local.address);
      if (!state.addresses.some((a) => hostPart(a.cidr) === local))
        return { ok: false, error: `no local address found: ${state.node} does not hold ${local}` };
      dropSas();
      const uniqueId = String(Math.max(0, ...ike.sas.map((s) => Number(s.uniqueId) || 0)) + 1);
      ike.sas.push({
        connection: name,
        uniqueId,
        state: 'ESTABLISHED',
        localHost: local,
        remoteHost: canonicalIp(connection.remote.address),
        establishedSeconds: 0,
        children: connection.children
          .filter((c) => (step.children ?? []).includes(c.name))
          .map((c) => ({
            name: c.name,
            state: 'INSTALLED',
            mode: c.mode.toUpperCase(),
            spiIn: '',
            spiOut: '',
            bytesIn: 0,
            bytesOut: 0,
            packetsIn: 0,
            packetsOut: 0,
            localTs: c.localTs,
            remoteTs: c.remoteTs,
          })),
      });
      return done();
    }
    case 'terminate':
      dropSas();
      return done();
    case 'unload':
      dropSas();
      ike.connections = ike.connections.filter((c) => c.name !== name);
      return done();
  }
}
