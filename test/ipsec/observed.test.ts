// Parsing of list-sas/list-conns answers (as charon 5.9.8 sends them) and drift: a desired
// connection not loaded, or loaded without an ESTABLISHED SA on the node that holds its
// address, is drift; a standby node only needs it loaded.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ikeDrift } from '../../src/diff/ike-drift.js';
import { parseConnections, parseSas, type ObservedIke } from '../../src/ipsec/observed.js';
import { failureReason } from '../../src/ipsec/initiate.js';
import type { DesiredIkeConnection } from '../../src/model/ike.js';

const conn = (name: string, children = ['net']): DesiredIkeConnection => ({
  name,
  nodes: ['a', 'b'],
  version: 2,
  local: { address: '192.0.2.98', auth: 'psk' },
  remote: { address: '198.18.0.10', auth: 'psk' },
  ikeProposals: ['aes256gcm16-prfsha384-ecp384'],
  children: children.map((n, index) => ({
    name: n,
    mode: 'tunnel',
    localTs: ['192.0.2.98/32'],
    remoteTs: ['198.18.0.10/32'],
    espProposals: ['aes256gcm16-ecp384'],
    startAction: 'none',
    closeAction: 'none',
    index,
  })),
});

const listSa = {
  name: 'dr',
  sa: {
    uniqueid: '3',
    version: '2',
    state: 'ESTABLISHED',
    'local-host': '192.0.2.98',
    'remote-host': '198.18.0.10',
    established: '12',
    'rekey-time': '14150',
    'child-sas': {
      'net-4': {
        name: 'net',
        uniqueid: '4',
        state: 'INSTALLED',
        mode: 'TUNNEL',
        'spi-in': 'c1a2b3c4',
        'spi-out': 'd1e2f3a4',
        'bytes-in': '336',
        'packets-in': '4',
        'bytes-out': '336',
        'packets-out': '4',
        'rekey-time': '3300',
        'install-time': '12',
        'local-ts': ['192.0.2.98/32'],
        'remote-ts': ['198.18.0.10/32'],
      },
    },
  },
};

describe('observed IKE state', () => {
  it('parses SAs with their children, bytes and rekey times', () => {
    const [sa] = parseSas([listSa]);
    assert.equal(sa.connection, 'dr');
    assert.equal(sa.state, 'ESTABLISHED');
    assert.equal(sa.rekeyInSeconds, 14150);
    assert.deepEqual(sa.children[0], {
      name: 'net',
      state: 'INSTALLED',
      mode: 'TUNNEL',
      spiIn: 'c1a2b3c4',
      spiOut: 'd1e2f3a4',
      bytesIn: 336,
      bytesOut: 336,
      packetsIn: 4,
      packetsOut: 4,
      rekeyInSeconds: 3300,
      installedSeconds: 12,
      localTs: ['192.0.2.98/32'],
      remoteTs: ['198.18.0.10/32'],
    });
    assert.deepEqual(
      parseConnections({ dr: { local_addrs: ['192.0.2.98'], remote_addrs: ['198.18.0.10'], children: { net: {} } } }),
      [{ name: 'dr', localAddrs: ['192.0.2.98'], remoteAddrs: ['198.18.0.10'], children: ['net'] }],
    );
  });

  it('reports drift: not loaded, no SA, a child not installed, a connection not desired', () => {
    const observed: ObservedIke = {
      connections: [
        { name: 'dr', localAddrs: [], remoteAddrs: [], children: ['net', 'mgmt'] },
        { name: 'old', localAddrs: [], remoteAddrs: [], children: [] },
      ],
      sas: parseSas([listSa]),
    };
    assert.deepEqual(
      ikeDrift([conn('dr'), conn('missing')], observed, () => true).map((d) => [d.connection, d.kind]),
      [
        ['missing', 'not-loaded'],
        ['old', 'not-desired'],
      ],
    );
    const twoChildren = ikeDrift(
      [conn('dr', ['net', 'mgmt'])],
      { ...observed, connections: observed.connections.slice(0, 1) },
      () => true,
    );
    assert.deepEqual(twoChildren, [{ connection: 'dr', kind: 'no-sa', detail: 'no INSTALLED CHILD_SA for mgmt' }]);
    const noSa = ikeDrift([conn('dr')], { connections: observed.connections.slice(0, 1), sas: [] }, () => true);
    assert.deepEqual(noSa, [{ connection: 'dr', kind: 'no-sa', detail: 'no IKE_SA is up' }]);
    // A standby node (not holding the address) only needs the connection loaded.
    assert.deepEqual(
      ikeDrift([conn('dr')], { connections: observed.connections.slice(0, 1), sas: [] }, () => false),
      [],
    );
  });

  it('names why an initiate failed from the control log', () => {
    const log = [
      'initiating IKE_SA dr[1] to 198.18.0.10',
      'received AUTHENTICATION_FAILED notify error',
      'establishing CHILD_SA net failed',
    ];
    assert.equal(
      failureReason('establishing CHILD_SA failed', log),
      'establishing CHILD_SA failed: received AUTHENTICATION_FAILED notify error',
    );
    assert.equal(failureReason('', []), 'initiate failed');
  });
});
