// IKE006 to IKE013 and IPSEC011 on an IKE connection's psk: each rule finds its case at
// the line it names, and stays quiet on the shipped example's shape.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadFromTexts } from '../../src/load/load-environment.js';
import { renderValidationText } from '../../src/render/diagnostics.js';
import { validateLoaded } from '../../src/validate/index.js';
import { expectAt, findings, none, one, validateTexts, type Files } from '../helpers/env.js';
import { ikeDoc, ikeEnv } from '../helpers/ike.js';

const PKG = `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: pkg }
spec:
  address: 192.0.2.98/24
  active: n1
  placements:
    - { node: n1, priority: 1, interface: eth0 }
    - { node: n2, priority: 2, interface: eth0 }
`;

const FOLLOWS = { appliesTo: '{ relocatableAddress: pkg }', local: '{ address: 192.0.2.98, auth: psk }' };

const env = (...docs: string[]): Files => ikeEnv({ 'pkg.yaml': PKG, 'ike.yaml': docs.join('---\n') });

describe('the clean cases', () => {
  it('a connection following a relocatable address, and a fixed one, raise no IKE finding', () => {
    const v = validateTexts(env(ikeDoc(FOLLOWS), ikeDoc({ name: 'fixed' }).replace('name: net', 'name: net2')));
    assert.deepEqual(
      v.diagnostics.map((d) => `${d.ruleId} ${d.summary}`),
      [],
    );
  });
});

describe('IKE006 scope', () => {
  it('neither nodes nor relocatableAddress', () => {
    const files = env(ikeDoc({ appliesTo: '{}' }));
    expectAt(one(files, 'IKE006'), files, 'ike.yaml', 'appliesTo');
  });
  it('both', () => {
    const files = env(ikeDoc({ appliesTo: '{ nodes: [n1], relocatableAddress: pkg }', local: FOLLOWS.local }));
    assert.match(one(files, 'IKE006').summary, /names both/);
  });
  it('an undefined node and an undefined address', () => {
    let files = env(ikeDoc({ appliesTo: '{ nodes: [n1, n9] }' }));
    assert.match(one(files, 'IKE006').summary, /Node\/n9, which is not defined/);
    files = env(ikeDoc({ appliesTo: '{ relocatableAddress: nope }' }));
    assert.match(one(files, 'IKE006').summary, /RelocatableAddress\/nope, which is not defined/);
  });
});

describe('duplicate connection names', () => {
  it('two IKEConnection documents of one name: LOAD003 at the second, relating the first', () => {
    const files = ikeEnv({
      'pkg.yaml': PKG,
      'a.yaml': ikeDoc(),
      'b.yaml': ikeDoc({ remote: '{ address: 198.51.100.20, auth: psk }' }),
    });
    const d = one(files, 'LOAD003');
    assert.match(d.summary, /IKEConnection\/site is defined twice/);
    expectAt(d, files, 'b.yaml', 'name: site', ['a.yaml', 'name: site']);
  });
});

describe('IKE007 local address', () => {
  it('following an address but binding another one', () => {
    const files = env(ikeDoc({ appliesTo: FOLLOWS.appliesTo }));
    const d = one(files, 'IKE007');
    assert.match(d.summary, /follows RelocatableAddress\/pkg \(192\.0\.2\.98\) but its local address is 192\.0\.2\.11/);
    expectAt(d, files, 'ike.yaml', 'local:', ['pkg.yaml', 'address:']);
  });
  it('a node that never holds the local address', () => {
    const files = env(ikeDoc({ appliesTo: '{ nodes: [n1, n2] }' }));
    assert.match(one(files, 'IKE007').summary, /Node\/n2 carries the connection but never holds its local address/);
  });
  it('a relocatable address placed on every listed node counts as held', () => {
    none(env(ikeDoc({ appliesTo: '{ nodes: [n1, n2] }', local: FOLLOWS.local })), 'IKE007');
  });
});

describe('IKE008 child names', () => {
  it('twice in one connection', () => {
    const files = env(
      ikeDoc({
        children:
          '    - { name: net, espProposals: [aes256gcm16] }\n    - { name: net, espProposals: [aes128gcm16] }\n',
      }),
    );
    const d = one(files, 'IKE008');
    assert.match(d.summary, /child net is defined twice/);
    expectAt(d, files, 'ike.yaml', 'espProposals: [aes128gcm16]');
  });
  it('in two connections carried by one node', () => {
    const files = env(ikeDoc(), ikeDoc({ name: 'other', remote: '{ address: 198.51.100.20, auth: psk }' }));
    assert.match(
      one(files, 'IKE008').summary,
      /IKEConnection\/other: child net has the name of a child of IKEConnection\/site, both on Node\/n1/,
    );
  });
});

describe('IKE009 version', () => {
  it('IKEv1 is a warning', () => {
    const files = env(ikeDoc({ version: '1' }));
    const d = one(files, 'IKE009');
    assert.equal(d.severity, 'warning');
    expectAt(d, files, 'ike.yaml', 'version: 1');
    none(env(ikeDoc({ version: '2' })), 'IKE009');
  });
});

describe('IKE010 authentication fields', () => {
  const cases: Array<[string, Parameters<typeof ikeDoc>[0], RegExp]> = [
    ['psk auth without psk', { psk: null }, /psk authentication without psk/],
    [
      'psk without psk auth',
      {
        local: '{ address: 192.0.2.11, auth: ecdsa, certificate: { file: /etc/tandem/ike/n1.pem } }',
        remote: '{ address: 198.51.100.10, auth: ecdsa, caCertificate: { file: /etc/tandem/ike/ca.pem } }',
      },
      /psk given but neither end authenticates with psk/,
    ],
    [
      'signature auth without a certificate',
      { local: '{ address: 192.0.2.11, auth: pubkey }' },
      /local.auth pubkey without local.certificate/,
    ],
    [
      'signature auth without a CA',
      { remote: '{ address: 198.51.100.10, auth: rsa/pss-sha256 }' },
      /remote.auth rsa\/pss-sha256 without remote.caCertificate/,
    ],
    [
      'a certificate with psk auth',
      { local: '{ address: 192.0.2.11, auth: psk, certificate: { file: /etc/tandem/ike/n1.pem } }' },
      /local.certificate with local.auth psk/,
    ],
    [
      "the peer's certificate",
      { remote: '{ address: 198.51.100.10, auth: psk, certificate: { file: /etc/tandem/ike/gw.pem } }' },
      /remote.certificate with remote.auth psk/,
    ],
  ];
  for (const [name, fields, summary] of cases) {
    it(name, () => {
      const found = findings(env(ikeDoc(fields)), 'IKE010');
      assert.ok(
        found.some((d) => summary.test(d.summary)),
        JSON.stringify(found.map((d) => d.summary)),
      );
    });
  }
});

describe('IKE011 psk and certificate files', () => {
  it('a psk file inside the repository, a relative one, one with ..', () => {
    const dir = '/repo/environments/x';
    const base = env(ikeDoc({ psk: '{ file: /repo/secrets/site.psk }' }));
    const texts = new Map(Object.entries(base).map(([k, v]) => [`${dir}/${k}`, v]));
    const inside = validateLoaded(loadFromTexts(dir, texts), { envDir: dir }).diagnostics.filter(
      (d) => d.ruleId === 'IKE011',
    );
    assert.equal(inside.length, 1);
    assert.match(inside[0].summary, /psk file \/repo\/secrets\/site.psk lies inside the repository \(\/repo\)/);
    const relative = findings(env(ikeDoc({ psk: '{ file: keys/site.psk }' })), 'IKE011');
    assert.match(relative[0].summary, /psk file keys\/site.psk is not an absolute path/);
    const dots = findings(env(ikeDoc({ psk: '{ file: /etc/../repo/site.psk }' })), 'IKE011');
    assert.match(dots[0].summary, /contains '\.\.'/);
    none(env(ikeDoc({ psk: '{ file: /etc/tandem/ike/site.psk }' })), 'IKE011');
  });
  it('a certificate file that is not absolute is refused by the schema; one with .. by IKE011', () => {
    const files = env(
      ikeDoc({ local: '{ address: 192.0.2.11, auth: ecdsa, certificate: { file: /etc/tandem/../n1.pem } }' }),
    );
    assert.match(findings(files, 'IKE011')[0].summary, /local.certificate file \/etc\/tandem\/..\/n1.pem contains/);
    const rel = env(ikeDoc({ local: '{ address: 192.0.2.11, auth: ecdsa, certificate: { file: n1.pem } }' }));
    assert.equal(findings(rel, 'SCHEMA').length, 1);
  });
  it('a psk file that is not path-like is not quoted', () => {
    const found = findings(env(ikeDoc({ psk: '{ file: hunter2hunter2 }' })), 'IKE011');
    assert.equal(found.length, 1);
    assert.doesNotMatch(found[0].summary, /hunter2/);
    assert.equal(found[0].source?.redact, true);
  });
});

describe('IPSEC011 on an IKE connection psk', () => {
  const SECRET = 'c2VjcmV0LXByZS1zaGFyZWQta2V5LTQy';
  it('a literal psk is refused and never shown, in the message nor in the excerpt', () => {
    const files = env(ikeDoc({ psk: `"${SECRET}"` }));
    const d = one(files, 'IPSEC011');
    assert.match(d.summary, /IKEConnection\/site: psk is a literal value/);
    expectAt(d, files, 'ike.yaml', 'psk:');
    const text = renderValidationText([validateTexts(files)]);
    assert.ok(!text.includes(SECRET), text);
  });
  it('a literal psk is refused even when another schema error stops the rules', () => {
    const files = env(ikeDoc({ psk: `{ value: ${SECRET} }`, version: '3' }));
    const v = validateTexts(files);
    assert.ok(v.diagnostics.some((d) => d.ruleId === 'IPSEC011'));
    assert.ok(!renderValidationText([v]).includes(SECRET));
  });
  it('both env and file', () => {
    assert.match(
      one(env(ikeDoc({ psk: '{ env: A_B, file: /etc/x }' })), 'IPSEC011').summary,
      /names both env and file/,
    );
  });
});

describe('IKE012 lifetimes', () => {
  it('lifeSeconds at or below the rekey time (default 3600)', () => {
    let files = env(ikeDoc({ children: '    - { name: net, espProposals: [aes256gcm16], lifeSeconds: 3600 }\n' }));
    expectAt(one(files, 'IKE012'), files, 'ike.yaml', 'lifeSeconds');
    files = env(
      ikeDoc({ children: '    - { name: net, espProposals: [aes256gcm16], rekeySeconds: 600, lifeSeconds: 660 }\n' }),
    );
    none(files, 'IKE012');
  });
});

describe('IKE013 parity on every node an address may live on', () => {
  it('a connection on the address carried by one placement node only', () => {
    const files = env(ikeDoc({ appliesTo: '{ nodes: [n1] }', local: FOLLOWS.local }));
    const d = one(files, 'IKE013');
    assert.match(
      d.summary,
      /RelocatableAddress\/pkg \(192\.0\.2\.98\) may live on n1, n2, but IKEConnection\/site is carried only by n1 \(/,
    );
    assert.match(d.summary, /\(nothing identical on n2\)$/);
    expectAt(d, files, 'ike.yaml', 'appliesTo', ['pkg.yaml', 'address:']);
  });
  it('one connection per node that differ (a proposal) on each node', () => {
    const a = ikeDoc({ name: 'on-n1', appliesTo: '{ nodes: [n1] }', local: FOLLOWS.local });
    const b = ikeDoc({
      name: 'on-n2',
      appliesTo: '{ nodes: [n2] }',
      local: FOLLOWS.local,
      ikeProposals: '[aes128-sha256-modp2048]',
    }).replace('name: net', 'name: net2');
    assert.equal(findings(env(a, b), 'IKE013').length, 2);
  });
  it('one connection per node, identical but for the name and the key reference: no finding', () => {
    const a = ikeDoc({ name: 'on-n1', appliesTo: '{ nodes: [n1] }', local: FOLLOWS.local });
    const b = ikeDoc({ name: 'on-n2', appliesTo: '{ nodes: [n2] }', local: FOLLOWS.local, psk: '{ env: OTHER }' });
    none(env(a, b), 'IKE013');
  });
  it('following the address is parity by construction', () => {
    none(env(ikeDoc(FOLLOWS)), 'IKE013');
  });
});
