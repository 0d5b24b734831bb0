// IKE014 to IKE019: a child's selectors against tandem's XFRM policies and the node,
// and two connections that are each other's peer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectAt, findings, none, one, type Files } from '../helpers/env.js';
import { ikeDoc, ikeEnv } from '../helpers/ike.js';

function policy(name: string, selector: string, action: string, extra = '', directions = '[out]'): string {
  return `apiVersion: tandem/v1
kind: IPsecPolicy
metadata: { name: ${name} }
spec:
  selector: ${selector}
  directions: ${directions}
  action: ${action}
  appliesTo: { nodes: [n1] }
${extra}`;
}

const CHILD =
  '    - { name: net, localTs: [192.0.2.0/24], remoteTs: [198.51.100.0/24], espProposals: [aes256gcm16] }\n';
const env = (ike: string, ...policies: string[]): Files =>
  ikeEnv({ 'ike.yaml': ike, ...(policies.length ? { 'pol.yaml': policies.join('---\n') } : {}) });

describe('IKE014 and IKE015: tandem XFRM policies meeting a child', () => {
  it('an allow policy matching all of the child traffic: error, at the child, relating the selector', () => {
    const files = env(
      ikeDoc({ children: CHILD }),
      policy('clear', '{ source: 192.0.2.0/23, destination: 198.51.100.0/24 }', 'allow'),
    );
    const d = one(files, 'IKE014');
    assert.match(
      d.summary,
      /child net's traffic \(out\) is all matched first by IPsecPolicy\/clear on n1: it would be sent in clear/,
    );
    expectAt(d, files, 'ike.yaml', 'name: net', ['pol.yaml', 'selector']);
  });
  it('a block policy for the return direction', () => {
    const files = env(
      ikeDoc({ children: CHILD }),
      policy('drop', '{ source: 198.51.100.0/24, destination: 192.0.2.0/24 }', 'block', '', '[in, fwd]'),
    );
    assert.match(one(files, 'IKE014').summary, /\(in\).*it would be dropped/);
  });
  it('a manually keyed protect policy over the same traffic', () => {
    const files = env(
      ikeDoc({ children: CHILD }),
      policy(
        'manual',
        '{ source: 192.0.2.0/24, destination: 198.51.100.0/24 }',
        'protect',
        '  protocol: esp\n  mode: transport\n  keys: { env: MANUAL_KEY }\n',
      ),
    );
    assert.match(
      one(files, 'IKE014').summary,
      /protected by manually keyed SAs \(protect esp transport level required\)/,
    );
  });
  it('a policy matching part of the traffic (a narrower prefix, or one port): warning', () => {
    let files = env(
      ikeDoc({ children: CHILD }),
      policy('part', '{ source: 192.0.2.0/25, destination: 198.51.100.0/24 }', 'allow'),
    );
    assert.equal(one(files, 'IKE015').severity, 'warning');
    none(files, 'IKE014');
    files = env(
      ikeDoc({ children: CHILD }),
      policy(
        'dns',
        '{ source: 192.0.2.0/24, destination: 198.51.100.0/24, protocol: udp, destinationPort: 53 }',
        'allow',
      ),
    );
    assert.match(one(files, 'IKE015').summary, /part of child net's traffic/);
  });
  it('disjoint selectors, or a policy on a node that does not carry the child: nothing', () => {
    none(
      env(
        ikeDoc({ children: CHILD }),
        policy('mgmt', '{ source: 203.0.113.0/24, destination: 203.0.113.0/24 }', 'allow'),
      ),
      'IKE015',
    );
    const elsewhere = policy('n2only', '{ source: 192.0.2.0/24, destination: 198.51.100.0/24 }', 'allow').replace(
      '[n1]',
      '[n2]',
    );
    none(env(ikeDoc({ children: CHILD }), elsewhere), 'IKE014');
  });
});

describe('IKE016 transport mode is host-to-host', () => {
  it('transport with subnet selectors', () => {
    const files = env(
      ikeDoc({
        children:
          '    - { name: net, mode: transport, localTs: [192.0.2.0/24], remoteTs: [198.51.100.10/32], ' +
          'espProposals: [aes256gcm16] }\n',
      }),
    );
    const d = one(files, 'IKE016');
    assert.match(
      d.summary,
      /transport mode but its localTs 192\.0\.2\.0\/24 is not the local address 192\.0\.2\.11 alone/,
    );
    expectAt(d, files, 'ike.yaml', 'localTs');
  });
  it('transport with the default selectors (the endpoints) is fine', () => {
    none(env(ikeDoc({ children: '    - { name: net, mode: transport, espProposals: [aes256gcm16] }\n' })), 'IKE016');
  });
});

describe('IKE017 orphan local selector', () => {
  it('a local selector outside every address, subnet and route of the node: warning', () => {
    const files = env(
      ikeDoc({
        children:
          '    - { name: net, localTs: [10.99.0.0/16], remoteTs: [198.51.100.0/24], espProposals: [aes256gcm16] }\n',
      }),
    );
    const d = one(files, 'IKE017');
    assert.equal(d.severity, 'warning');
    assert.match(d.summary, /child net localTs 10\.99\.0\.0\/16 is no address, subnet or route of n1/);
  });
  it('a subnet the node is on is no orphan', () => {
    none(env(ikeDoc({ children: CHILD })), 'IKE017');
  });
});

// n1 (192.0.2.11) and n2 (192.0.2.12) each carry one end.
const END1 = { name: 'a-to-b', remote: '{ address: 192.0.2.12, auth: psk }' };
const END2 = {
  name: 'b-to-a',
  appliesTo: '{ nodes: [n2] }',
  local: '{ address: 192.0.2.12, auth: psk }',
  remote: '{ address: 192.0.2.11, auth: psk }',
};
const child = (name: string, esp: string, mode = 'transport') =>
  `    - { name: ${name}, mode: ${mode}, espProposals: [${esp}] }\n`;
const peers = (a: Parameters<typeof ikeDoc>[0], b: Parameters<typeof ikeDoc>[0]) =>
  ikeEnv({
    'a.yaml': ikeDoc({ ...END1, children: child('ab', 'aes256gcm16'), ...a }),
    'b.yaml': ikeDoc({ ...END2, children: child('ba', 'aes256gcm16'), ...b }),
  });

describe('IKE018 proposals that can never match the peer', () => {
  it('matching ends: nothing', () => {
    const files = peers({}, {});
    none(files, 'IKE018');
    none(files, 'IKE019');
  });
  it('no IKE proposal in common', () => {
    const files = peers(
      { ikeProposals: '[aes256gcm16-prfsha384-ecp384]' },
      { ikeProposals: '[aes256gcm16-prfsha256-ecp384]' },
    );
    const d = one(files, 'IKE018');
    assert.match(d.summary, /IKEConnection\/a-to-b and its peer IKEConnection\/b-to-a have no IKE proposal in common/);
    expectAt(d, files, 'a.yaml', 'ikeProposals', ['b.yaml', 'ikeProposals']);
  });
  it('no ESP proposal in common for mirrored children (PFS group on one side only)', () => {
    const files = peers({ children: child('ab', 'aes256gcm16-ecp384') }, {});
    assert.match(one(files, 'IKE018').summary, /child ab and its peer's child ba .* have no ESP proposal in common/);
  });
  it('a common proposal among several is enough', () => {
    none(peers({ ikeProposals: '[aes128-sha256-modp2048, aes256gcm16-prfsha384-ecp384]' }, {}), 'IKE018');
  });
});

describe('IKE019 peers that do not mirror each other', () => {
  it('IKE version', () => {
    assert.match(one(peers({ version: '1' }, {}), 'IKE019').summary, /IKE version 1 against 2/);
  });
  it('authentication method', () => {
    const files = peers(
      {},
      { local: '{ address: 192.0.2.12, auth: ecdsa, certificate: { file: /etc/tandem/ike/b.pem } }' },
    );
    assert.match(one(files, 'IKE019').summary, /remote.auth psk against the peer's local.auth ecdsa/);
  });
  it('identities', () => {
    const files = peers({ remote: '{ address: 192.0.2.12, id: b.example.net, auth: psk }' }, {});
    assert.match(
      one(files, 'IKE019').summary,
      /remote identity b\.example\.net against the peer's local identity 192\.0\.2\.12/,
    );
  });
  it('mode of mirrored children', () => {
    const files = peers({}, { children: child('ba', 'aes256gcm16', 'tunnel') });
    assert.match(one(files, 'IKE019').summary, /child ab is transport mode, the peer's ba .* tunnel/);
    assert.equal(findings(files, 'IKE019').length, 1);
  });
});
