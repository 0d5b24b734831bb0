import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateEnvironment } from '../../src/validate/index.js';
import { renderConnection, renderNodeConnections, renderNodeSwanctlConf } from '../../src/render/swanctl.js';
import type { DesiredIkeConnection } from '../../src/model/ike.js';
import { CLUSTER, validateTexts } from '../helpers/env.js';

const BASE: DesiredIkeConnection = {
  name: 'site',
  nodes: ['n1'],
  version: 2,
  local: { address: '192.0.2.98', auth: 'psk' },
  remote: { address: '198.18.0.10', id: 'C=CH, O=Example, CN=gw', auth: 'psk' },
  ikeProposals: ['aes256gcm16-prfsha384-ecp384', 'aes128-sha256-modp2048'],
  psk: { env: 'SITE_PSK' },
  dpd: { delaySeconds: 30, action: 'restart' },
  rekeySeconds: 14400,
  children: [
    {
      name: 'net',
      mode: 'tunnel',
      localTs: ['10.1.0.0/16', '10.2.0.0/16'],
      remoteTs: ['10.9.0.0/16'],
      espProposals: ['aes256gcm16-ecp384'],
      startAction: 'start',
      closeAction: 'none',
      rekeySeconds: 3600,
      lifeSeconds: 3960,
      index: 0,
    },
  ],
};

describe('swanctl renderer', () => {
  it('renders one connections block with every field, lists joined by commas and a distinguished name quoted', () => {
    const r = renderConnection(BASE);
    assert.equal(
      r.text,
      [
        'connections {',
        '  site {',
        '    version = 2',
        '    local_addrs = 192.0.2.98',
        '    remote_addrs = 198.18.0.10',
        '    proposals = aes256gcm16-prfsha384-ecp384,aes128-sha256-modp2048',
        '    dpd_delay = 30s',
        '    rekey_time = 14400s',
        '    local {',
        '      auth = psk',
        '    }',
        '    remote {',
        '      auth = psk',
        '      id = "C=CH, O=Example, CN=gw"',
        '    }',
        '    children {',
        '      net {',
        '        mode = tunnel',
        '        local_ts = 10.1.0.0/16,10.2.0.0/16',
        '        remote_ts = 10.9.0.0/16',
        '        esp_proposals = aes256gcm16-ecp384',
        '        start_action = start',
        '        close_action = none',
        '        dpd_action = restart',
        '        rekey_time = 3600s',
        '        life_time = 3960s',
        '      }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('gives the same content as a VICI load-conn body, lists as lists', () => {
    const r = renderConnection(BASE);
    assert.deepEqual(r.vici, {
      site: {
        version: '2',
        local_addrs: ['192.0.2.98'],
        remote_addrs: ['198.18.0.10'],
        proposals: ['aes256gcm16-prfsha384-ecp384', 'aes128-sha256-modp2048'],
        dpd_delay: '30s',
        rekey_time: '14400s',
        local: { auth: 'psk' },
        remote: { auth: 'psk', id: 'C=CH, O=Example, CN=gw' },
        children: {
          net: {
            mode: 'tunnel',
            local_ts: ['10.1.0.0/16', '10.2.0.0/16'],
            remote_ts: ['10.9.0.0/16'],
            esp_proposals: ['aes256gcm16-ecp384'],
            start_action: 'start',
            close_action: 'none',
            dpd_action: 'restart',
            rekey_time: '3600s',
            life_time: '3960s',
          },
        },
      },
    });
    assert.deepEqual(r.viciFiles, []);
  });

  it('names the PSK by reference with its owners (id, or address without id); the text has no secrets section', () => {
    const r = renderConnection(BASE);
    assert.deepEqual(r.sharedSecret, {
      id: 'ike-site',
      type: 'IKE',
      ref: { env: 'SITE_PSK' },
      owners: ['192.0.2.98', 'C=CH, O=Example, CN=gw'],
    });
    assert.doesNotMatch(r.text, /secrets|SITE_PSK/);
  });

  it('pubkey: the text names certificate files, the VICI lists are left for the runtime to fill from them', () => {
    const r = renderConnection({
      ...BASE,
      psk: undefined,
      local: { address: '192.0.2.98', auth: 'pubkey', certificateFile: '/etc/tandem/ike/n1.pem' },
      remote: { address: '198.18.0.10', auth: 'pubkey', caCertificateFile: '/etc/tandem/ike/ca.pem' },
    });
    assert.match(r.text, /^ {6}certs = \/etc\/tandem\/ike\/n1\.pem$/m);
    assert.match(r.text, /^ {6}cacerts = \/etc\/tandem\/ike\/ca\.pem$/m);
    assert.deepEqual(r.viciFiles, [
      { path: ['site', 'local', 'certs'], files: ['/etc/tandem/ike/n1.pem'] },
      { path: ['site', 'remote', 'cacerts'], files: ['/etc/tandem/ike/ca.pem'] },
    ]);
    assert.deepEqual((r.vici.site as { local: unknown }).local, { auth: 'pubkey', certs: [] });
    assert.equal(r.sharedSecret, undefined);
  });

  it('the shipped serviceguard connection follows pkga: identical on node1 and node2, defaults filled in', async () => {
    const v = await validateEnvironment('environments/serviceguard');
    assert.ok(v.valid && v.model, JSON.stringify(v.diagnostics));
    const [c] = v.model.ikeConnections;
    assert.equal(c.followsAddress, 'pkga');
    assert.deepEqual(c.nodes, ['node1', 'node2']);
    const one = renderNodeConnections(v.model, 'node1');
    assert.deepEqual(renderNodeConnections(v.model, 'node2'), one);
    assert.deepEqual(
      one.map((r) => r.name),
      ['pkga-dr'],
    );
    assert.match(one[0].text, /^ {8}mode = transport$/m);
    assert.deepEqual(one[0].sharedSecret?.ref, { env: 'TANDEM_PKGA_PSK' });
    assert.equal(renderNodeSwanctlConf(v.model, 'node1'), one[0].text);
  });

  it('defaults: IKEv2, tunnel mode, trap, endpoint hosts as selectors; a node carrying nothing gets nothing', () => {
    const v = validateTexts({
      'c.yaml': CLUSTER,
      'n.yaml': `apiVersion: tandem/v1
kind: Node
metadata: { name: n1 }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24] }
---
apiVersion: tandem/v1
kind: Node
metadata: { name: n2 }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: ["2001:db8:1::12/64"] }
`,
      'ike.yaml': `apiVersion: tandem/v1
kind: IKEConnection
metadata: { name: v6 }
spec:
  appliesTo: { nodes: [n2] }
  local: { address: "2001:db8:1::12", auth: psk }
  remote: { address: "2001:db8:9::0:1", auth: psk }
  ikeProposals: [aes256gcm16-prfsha384-ecp384]
  psk: { file: /etc/tandem/v6.psk }
  children:
    - { name: all, espProposals: [aes256gcm16] }
`,
    });
    assert.ok(v.model, JSON.stringify(v.diagnostics));
    const [c] = v.model.ikeConnections;
    assert.equal(c.version, 2);
    assert.deepEqual(c.children[0], {
      name: 'all',
      mode: 'tunnel',
      localTs: ['2001:db8:1::12/128'],
      remoteTs: ['2001:db8:9::1/128'],
      espProposals: ['aes256gcm16'],
      startAction: 'trap',
      closeAction: 'none',
      index: 0,
    });
    assert.deepEqual(renderNodeConnections(v.model, 'n1'), []);
    assert.equal(renderNodeConnections(v.model, 'n2')[0].sharedSecret?.ref.file, '/etc/tandem/v6.psk');
  });

  it('mobike = no when the local address is relocatable (followed, or named by a fixed node), else absent', () => {
    const files = {
      'c.yaml': CLUSTER,
      'n.yaml': ['n1', 'n2']
        .map(
          (n, i) => `apiVersion: tandem/v1
kind: Node
metadata: { name: ${n} }
spec:
  provider: p1
  connection: { transport: sim }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.1${i + 1}/24] }
`,
        )
        .join('---\n'),
      'r.yaml': `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: pkg }
spec:
  address: 192.0.2.98/24
  active: n1
  placements:
    - { node: n1, priority: 1, interface: eth0 }
    - { node: n2, priority: 2, interface: eth0 }
`,
      'ike.yaml': ['follows', 'fixed-reloc', 'fixed-static']
        .map(
          (name) => `apiVersion: tandem/v1
kind: IKEConnection
metadata: { name: ${name} }
spec:
  appliesTo: ${name === 'follows' ? '{ relocatableAddress: pkg }' : '{ nodes: [n1] }'}
  local: { address: ${name === 'fixed-static' ? '192.0.2.11' : '192.0.2.98'}, auth: psk }
  remote: { address: 198.18.0.${name.length}, auth: psk }
  ikeProposals: [aes256gcm16-prfsha384-ecp384]
  psk: { env: PSK_${name.replace('-', '_').toUpperCase()} }
  children:
    - { name: ${name}-c, espProposals: [aes256gcm16] }
`,
        )
        .join('---\n'),
    };
    const v = validateTexts(files);
    assert.ok(v.model, JSON.stringify(v.diagnostics));
    const byName = new Map(renderNodeConnections(v.model, 'n1').map((r) => [r.name, r]));
    for (const name of ['follows', 'fixed-reloc']) {
      assert.match(byName.get(name)!.text, /^ {4}mobike = no$/m, name);
      assert.equal((byName.get(name)!.vici[name] as Record<string, unknown>).mobike, 'no', name);
    }
    assert.doesNotMatch(byName.get('fixed-static')!.text, /mobike/);
    assert.equal((byName.get('fixed-static')!.vici['fixed-static'] as Record<string, unknown>).mobike, undefined);
  });
});
