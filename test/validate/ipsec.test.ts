import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadFromTexts } from '../../src/load/load-environment.js';
import { renderValidationJson, renderValidationText } from '../../src/render/diagnostics.js';
import { validateLoaded } from '../../src/validate/index.js';
import { keyFileProblem } from '../../src/validate/rules/ipsec.js';
import { CLUSTER, findingsOf, one as oneFinding, type Files, validateTexts, nodeDoc } from '../helpers/env.js';
import { joinRegExp } from '../helpers/regex.js';

const node = (name: string, ifaces: string[]) => nodeDoc(name, ifaces);

// n1/eth0 and n2/eth0 are a failover pair; pkg relocates between n1 and n2 on eth1; n3 stands alone.
const BASE = {
  'c.yaml': CLUSTER,
  'n1.yaml': node('n1', [
    '{ name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24], ' +
      'failover: { node: n2, interface: eth0 } }',
    '{ name: eth1, type: physical, segment: private, addresses: [198.51.100.11/24] }',
  ]),
  'n2.yaml': node('n2', [
    '{ name: eth0, type: physical, segment: public, addresses: [192.0.2.12/24], ' +
      'failover: { node: n1, interface: eth0 } }',
    '{ name: eth1, type: physical, segment: private, addresses: [198.51.100.12/24] }',
  ]),
  'n3.yaml': node('n3', ['{ name: eth0, type: physical, segment: public, addresses: [192.0.2.13/24] }']),
  'pkg.yaml': `apiVersion: tandem/v1
kind: RelocatableAddress
metadata: { name: pkg }
spec:
  address: 198.51.100.50/24
  active: n1
  placements:
    - { node: n1, priority: 1, interface: eth1 }
    - { node: n2, priority: 2, interface: eth1 }
`,
};

const FIELDS = [
  'selector',
  'directions',
  'action',
  'protocol',
  'mode',
  'level',
  'tunnel',
  'priority',
  'keys',
  'appliesTo',
] as const;
type Fields = Partial<Record<(typeof FIELDS)[number], string | null>>;

const DEFAULTS: Fields = {
  selector: '{ source: 198.51.100.50/32, destination: 203.0.113.0/24 }',
  directions: '[out, in]',
  action: 'protect',
  protocol: 'esp',
  mode: 'transport',
  keys: '{ env: PKG_KEY }',
  appliesTo: '{ relocatableAddress: pkg }',
};

/** A policy document; a field set to null is left out. Fields come in FIELDS order from line 5. */
function policy(name: string, fields: Fields = {}): string {
  const merged = { ...DEFAULTS, ...fields };
  const lines = FIELDS.filter((f) => merged[f] != null).map((f) => `  ${f}: ${merged[f]}\n`);
  return `apiVersion: tandem/v1\nkind: IPsecPolicy\nmetadata: { name: ${name} }\nspec:\n${lines.join('')}`;
}

function lineOf(field: (typeof FIELDS)[number], fields: Fields = {}): number {
  const merged = { ...DEFAULTS, ...fields };
  return 5 + FIELDS.filter((f) => merged[f] != null).indexOf(field);
}

const run = (files: Record<string, string>) => validateTexts({ ...BASE, ...files });

const one = (files: Files, ruleId: string): Diagnostic => oneFinding({ ...BASE, ...files }, ruleId);

function expectAt(d: Diagnostic, file: string, line: number, severity = 'error') {
  assert.equal(d.severity, severity);
  assert.equal(d.source?.file, `env/${file}`);
  assert.equal(d.source?.line, line);
}

const NODE_POLICY: Fields = {
  selector: '{ source: 192.0.2.0/24, destination: 203.0.113.0/24 }',
  appliesTo: '{ nodes: [n1, n2] }',
};

describe('IPsec rules', () => {
  it('policies installed wherever their addresses may live pass every IPSEC rule', () => {
    const r = run({
      'p.yaml': policy('pkg'),
      'q.yaml': policy('pair', NODE_POLICY),
      'r.yaml': policy('icmp', {
        selector: '{ source: 192.0.2.13/32, destination: 203.0.113.0/24, protocol: tcp, destinationPort: 443 }',
        action: 'allow',
        protocol: null,
        mode: null,
        keys: null,
        appliesTo: '{ nodes: [n3] }',
      }),
    });
    assert.deepEqual(
      r.diagnostics.filter((d) => d.ruleId.startsWith('IPSEC')),
      [],
    );
  });

  it('IPSEC001 rejects a selector mixing IPv4 and IPv6', () => {
    const fields = { selector: '{ source: 192.0.2.0/24, destination: "2001:db8::/32" }' };
    const d = one({ 'p.yaml': policy('mixed', fields) }, 'IPSEC001');
    assert.match(
      d.summary,
      /IPsecPolicy\/mixed: selector source 192\.0\.2\.0\/24 is IPv4 but destination 2001:db8::\/32 is IPv6/,
    );
    assert.deepEqual(d.objects, ['IPsecPolicy/mixed']);
    expectAt(d, 'p.yaml', lineOf('selector', fields));
  });

  it('IPSEC002 checks protocol, mode and tunnel endpoints against the action', () => {
    const noProto = { protocol: null };
    const a = one({ 'p.yaml': policy('a', noProto) }, 'IPSEC002');
    assert.match(a.summary, /IPsecPolicy\/a: action protect without protocol/);
    expectAt(a, 'p.yaml', lineOf('action', noProto));
    const tunnelNoEnds = { mode: 'tunnel' };
    const b = one({ 'p.yaml': policy('b', tunnelNoEnds) }, 'IPSEC002');
    assert.match(b.summary, /tunnel mode without tunnel endpoints/);
    expectAt(b, 'p.yaml', lineOf('mode', tunnelNoEnds));
    const v6Ends = { mode: 'tunnel', tunnel: '{ source: "2001:db8::1", destination: 203.0.113.1 }' };
    const c = one({ 'p.yaml': policy('c', v6Ends) }, 'IPSEC002');
    assert.match(c.summary, /tunnel source 2001:db8::1 is IPv6 but the selector is IPv4/);
    expectAt(c, 'p.yaml', lineOf('tunnel', v6Ends));
    const transportEnds = { tunnel: '{ source: 198.51.100.50, destination: 203.0.113.1 }' };
    const d = one({ 'p.yaml': policy('d', transportEnds) }, 'IPSEC002');
    assert.match(d.summary, /transport mode with tunnel endpoints/);
    const blockMode = { action: 'block', protocol: null, keys: null };
    const e = one({ 'p.yaml': policy('e', blockMode) }, 'IPSEC002');
    assert.match(e.summary, /IPsecPolicy\/e: action block with mode/);
    expectAt(e, 'p.yaml', lineOf('mode', blockMode));
    const tunnelOk = { mode: 'tunnel', tunnel: '{ source: 198.51.100.50, destination: 203.0.113.1 }' };
    assert.deepEqual(findingsOf(run({ 'p.yaml': policy('f', tunnelOk) }), 'IPSEC002'), []);
  });

  it('IPSEC003 rejects an empty scope and undefined nodes or addresses', () => {
    const empty = { appliesTo: '{ nodes: [] }' };
    const a = one({ 'p.yaml': policy('a', empty) }, 'IPSEC003');
    assert.match(a.summary, /IPsecPolicy\/a: appliesTo names no node and no relocatable address/);
    expectAt(a, 'p.yaml', lineOf('appliesTo', empty));
    const b = one({ 'p.yaml': policy('b', { appliesTo: '{ nodes: [n1, n9] }' }) }, 'IPSEC003');
    assert.match(b.summary, /appliesTo names Node\/n9, which is not defined/);
    assert.deepEqual(b.objects, ['IPsecPolicy/b', 'Node/n9']);
    const c = one({ 'p.yaml': policy('c', { appliesTo: '{ relocatableAddress: nope }' }) }, 'IPSEC003');
    assert.match(c.summary, /RelocatableAddress\/nope, which is not defined/);
  });

  it('IPSEC004 rejects a policy missing on the failover node of a static address', () => {
    const d = one(
      {
        'p.yaml': policy('pair', {
          selector: '{ source: 203.0.113.0/24, destination: 192.0.2.11/32 }',
          appliesTo: '{ nodes: [n1] }',
        }),
      },
      'IPSEC004',
    );
    assert.equal(
      d.summary,
      'Node/n1: eth0 address 192.0.2.11 can fail over between n1 and n2, but ' +
        'IPsecPolicy/pair covers it only on n1 (nothing identical on n2)',
    );
    assert.deepEqual(d.objects, ['Node/n1', 'IPsecPolicy/pair', 'Node/n1', 'Node/n2']);
    expectAt(d, 'n1.yaml', 8);
    assert.equal(d.related?.[0].source.file, 'env/p.yaml');
  });

  it(
    'IPSEC004 rejects a policy missing on a placement of a relocatable address, ' + 'and names both when they differ',
    () => {
      const d = one({ 'p.yaml': policy('pkg', { appliesTo: '{ nodes: [n2] }' }) }, 'IPSEC004');
      assert.match(
        d.summary,
        joinRegExp(
          /RelocatableAddress\/pkg: 198\.51\.100\.50 may live on n1, n2, /,
          /but IPsecPolicy\/pkg covers it only on n2 \(nothing identical on n1\)/,
        ),
      );
      expectAt(d, 'pkg.yaml', 5);
      const differ = findingsOf(
        run({
          'p.yaml': policy('pkg1', { appliesTo: '{ nodes: [n1] }' }),
          'q.yaml': policy('pkg2', { appliesTo: '{ nodes: [n2] }', protocol: 'ah' }),
        }),
        'IPSEC004',
      );
      assert.deepEqual(
        differ.map((x) => x.summary.replace(/.*but /, '')),
        [
          'IPsecPolicy/pkg1 covers it only on n1 (nothing identical on n2)',
          'IPsecPolicy/pkg2 covers it only on n2 (nothing identical on n1)',
        ],
      );
    },
  );

  it('IPSEC004 accepts identical policies written once per node', () => {
    const r = run({
      'p.yaml': policy('pkg1', { appliesTo: '{ nodes: [n1] }' }),
      'q.yaml': policy('pkg2', { appliesTo: '{ nodes: [n2] }' }),
    });
    assert.deepEqual(findingsOf(r, 'IPSEC004'), []);
  });

  const WIDE: Fields = {
    selector: '{ source: 192.0.2.0/24, destination: 203.0.113.0/24 }',
    priority: '10',
    appliesTo: '{ nodes: [n3] }',
  };
  const NARROW: Fields = {
    selector: '{ source: 192.0.2.13/32, destination: 203.0.113.5/32 }',
    directions: '[out]',
    priority: '20',
    appliesTo: '{ nodes: [n3] }',
  };

  it('IPSEC005 rejects a policy shadowed by a higher-precedence policy with another action', () => {
    const d = one(
      {
        'p.yaml': policy('wide', { ...WIDE, action: 'block', protocol: null, mode: null, keys: null }),
        'q.yaml': policy('narrow', NARROW),
      },
      'IPSEC005',
    );
    assert.equal(
      d.summary,
      'IPsecPolicy/narrow (protect esp transport level required) never applies: ' +
        'IPsecPolicy/wide (block, priority 10 before 20) matches all its traffic',
    );
    assert.deepEqual(d.objects, ['IPsecPolicy/narrow', 'IPsecPolicy/wide']);
    expectAt(d, 'q.yaml', 5);
    assert.equal(d.related?.[0].source.file, 'env/p.yaml');
  });

  it('IPSEC005/006 judge a policy by its highest-precedence shadower', () => {
    const r = run({
      'p.yaml': policy('wide', { ...WIDE, priority: '15' }),
      'q.yaml': policy('narrow', NARROW),
      's.yaml': policy('deny', { ...WIDE, priority: '1', action: 'block', protocol: null, mode: null, keys: null }),
    });
    const conflicts = findingsOf(r, 'IPSEC005').filter((d) => d.objects[0] === 'IPsecPolicy/narrow');
    assert.deepEqual(
      conflicts.map((d) => d.objects),
      [['IPsecPolicy/narrow', 'IPsecPolicy/deny']],
    );
    assert.deepEqual(
      findingsOf(r, 'IPSEC006').filter((d) => d.objects[0] === 'IPsecPolicy/narrow'),
      [],
    );
  });

  it('IPSEC006 warns about a redundant policy, and neither fires when the narrow one wins', () => {
    const d = one({ 'p.yaml': policy('wide', WIDE), 'q.yaml': policy('narrow', NARROW) }, 'IPSEC006');
    assert.match(
      d.summary,
      joinRegExp(
        /IPsecPolicy\/narrow is redundant: IPsecPolicy\/wide \(priority 10 before 20\) /,
        /matches all its traffic with the same action/,
      ),
    );
    expectAt(d, 'q.yaml', 5, 'warning');
    const r = run({
      'p.yaml': policy('wide', { ...WIDE, priority: '30', action: 'block', protocol: null, mode: null, keys: null }),
      'q.yaml': policy('narrow', NARROW),
    });
    assert.deepEqual([...findingsOf(r, 'IPSEC005'), ...findingsOf(r, 'IPSEC006')], []);
    const otherNode = run({
      'p.yaml': policy('wide', { ...WIDE, appliesTo: '{ nodes: [n1] }' }),
      'q.yaml': policy('narrow', NARROW),
    });
    assert.deepEqual(findingsOf(otherNode, 'IPSEC006'), []);
  });

  it('IPSEC007 rejects key files that are relative, climb with .., or lie in the environment', () => {
    for (const file of ['keys/pkg.key', '/etc/tandem/../../tmp/pkg.key']) {
      const fields = { keys: `{ file: "${file}" }` };
      const d = one({ 'p.yaml': policy('pkg', fields) }, 'IPSEC007');
      assert.ok(d.summary.startsWith(`IPsecPolicy/pkg: key file ${file} `), d.summary);
      expectAt(d, 'p.yaml', lineOf('keys', fields));
    }
    // Where the environment lives is given by whoever read it, never taken from the working directory.
    const texts = new Map([
      ...Object.entries(BASE).map(([f, t]) => [`environments/prod/${f}`, t] as [string, string]),
      ['environments/prod/p.yaml', policy('pkg', { keys: '{ file: /srv/repo/environments/prod/keys/pkg.key }' })],
    ]);
    const loaded = loadFromTexts('environments/prod', texts);
    const located = validateLoaded(loaded, { envDir: '/srv/repo/environments/prod' });
    assert.deepEqual(
      findingsOf(located, 'IPSEC007').map((d) => d.summary),
      ['IPsecPolicy/pkg: key file /srv/repo/environments/prod/keys/pkg.key lies inside the repository (/srv/repo)'],
    );
    // Read from nowhere on this machine (a remote revision): only the path itself can be judged.
    assert.deepEqual(findingsOf(validateLoaded(loaded), 'IPSEC007'), []);
    assert.deepEqual(
      findingsOf(run({ 'p.yaml': policy('pkg', { keys: '{ file: /etc/tandem/keys/pkg.key }' }) }), 'IPSEC007'),
      [],
    );
  });

  it('IPSEC007 never quotes a value that does not read as a path, and masks its line', () => {
    const d = one({ 'p.yaml': policy('pkg', { keys: '{ file: hunter2 }' }) }, 'IPSEC007');
    assert.equal(
      d.summary,
      'IPsecPolicy/pkg: keys.file is not an absolute path (the value is not shown: it may be key material)',
    );
    assert.equal(d.source?.redact, true);
    assert.doesNotMatch(JSON.stringify(d), /hunter2/);
  });

  it('IPSEC007 treats the repository above an environments/ folder as off limits', () => {
    assert.match(
      keyFileProblem('/repo/secrets/k', '/repo/environments/prod') ?? '',
      /inside the repository \(\/repo\)/,
    );
    assert.match(keyFileProblem('/repo/environments/prod/k', '/repo/environments/prod/') ?? '', /\(\/repo\)/);
    assert.match(keyFileProblem('/srv/env/k', '/srv/env') ?? '', /inside the repository \(\/srv\/env\)/);
    assert.equal(keyFileProblem('/srv/keys/k', '/repo/environments/prod'), undefined);
    assert.equal(keyFileProblem('/repo-keys/k', '/repo/environments/prod'), undefined);
    // Unknown or relative locations are never resolved against the working directory.
    assert.equal(keyFileProblem('/srv/keys/k'), undefined);
    assert.equal(keyFileProblem(`${process.cwd()}/k`, 'environments/prod'), undefined);
  });

  describe('IPSEC011: keys is a reference, never the key, and the key is never shown', () => {
    const HEX = '0x3f1c9a7e5b2d4c6f8a0b1c2d3e4f5a6b';
    const UPPER_HEX = '3F1C9A7E5B2D4C6F8A0B1C2D3E4F5A6B';
    const B64 = 'q3ZkR9sT1uVw2xYz4AbCdEfGhIj=';
    const cases: Array<[string, string, string, string[]]> = [
      ['a key in place of the mapping', HEX, HEX, ['keys is a literal value, not a reference to where the key is']],
      [
        'a number in place of the mapping',
        '12345678901234567890123',
        '12345678901234567890123',
        ['keys is a literal value, not a reference to where the key is'],
      ],
      ['a list holding the key', `[${HEX}]`, HEX, ['keys is a literal value, not a reference to where the key is']],
      ['a block scalar', `|\n    ${B64}`, B64, ['keys is a literal value, not a reference to where the key is']],
      [
        'a value field',
        `{ value: ${HEX} }`,
        HEX,
        ['keys.value is not a reference: keys holds only env or file, never the key itself'],
      ],
      [
        'a psk field',
        `{ psk: "${B64}" }`,
        B64,
        ['keys.psk is not a reference: keys holds only env or file, never the key itself'],
      ],
      [
        'a secret field beside env',
        `{ env: PKG_KEY, secret: ${HEX} }`,
        HEX,
        ['keys.secret is not a reference: keys holds only env or file, never the key itself'],
      ],
      [
        'the key as a field name',
        `{ ${HEX}: x }`,
        HEX,
        ['a field of keys is not a reference: keys holds only env or file, never the key itself'],
      ],
      ['a key in env', `{ env: ${HEX} }`, HEX, ['keys.env is not the name of an environment variable']],
      [
        'a key in env that fits a variable name',
        `{ env: ${UPPER_HEX} }`,
        UPPER_HEX,
        ['keys.env is not the name of an environment variable'],
      ],
      ['a key in file', `{ file: ${HEX} }`, HEX, ['keys.file is not a path']],
      ['a base64 key in file', `{ file: "${B64}" }`, B64, ['keys.file is not a path']],
    ];
    for (const [what, keys, secret, summaries] of cases) {
      it(`refuses ${what} without echoing it`, () => {
        const files = { 'p.yaml': policy('pkg', { keys }) };
        const r = run(files);
        const found = findingsOf(r, 'IPSEC011');
        assert.deepEqual(
          found.map((d) => d.summary),
          summaries.map((x) => `IPsecPolicy/pkg: ${x} (the value is not shown: it may be key material)`),
        );
        for (const d of found) {
          assert.equal(d.severity, 'error');
          assert.equal(d.source?.redact, true, 'the source line is marked secret');
          assert.equal(d.source?.line, lineOf('keys', { keys }));
        }
        assert.equal(r.valid, false);
        const shown = [renderValidationText([r]), renderValidationJson([r]), JSON.stringify(r.diagnostics)];
        for (const out of shown) assert.ok(!out.includes(secret), `the key is shown:\n${out}`);
        assert.match(renderValidationText([r]), /error\[IPSEC011\] env\/p\.yaml:\d+:\d+: /);
      });
    }

    it('refuses both or neither of env and file, and an empty keys', () => {
      const summaries = (keys: string) =>
        findingsOf(run({ 'p.yaml': policy('pkg', { keys }) }), 'IPSEC011').map((d) => d.summary.split(' (the')[0]);
      assert.deepEqual(summaries('{ env: PKG_KEY, file: /etc/tandem/keys/pkg.key }'), [
        'IPsecPolicy/pkg: keys names both env and file: name one',
      ]);
      assert.deepEqual(summaries('{}'), ['IPsecPolicy/pkg: keys names neither env nor file']);
      assert.deepEqual(summaries('~'), ['IPsecPolicy/pkg: keys is empty: it names neither env nor file']);
      assert.deepEqual(summaries('{ env: PKG_KEY }'), []);
      assert.deepEqual(summaries('{ file: /etc/tandem/keys/pkg.key }'), []);
    });
  });

  it('IPSEC008 requires keys for action protect', () => {
    const fields = { keys: null };
    const d = one({ 'p.yaml': policy('pkg', fields) }, 'IPSEC008');
    assert.match(d.summary, /IPsecPolicy\/pkg: action protect without keys/);
    expectAt(d, 'p.yaml', lineOf('action', fields));
  });

  it('IPSEC009 rejects selector ports without a port protocol', () => {
    const fields = { selector: '{ source: 198.51.100.50/32, destination: 203.0.113.0/24, destinationPort: 443 }' };
    const d = one({ 'p.yaml': policy('pkg', fields) }, 'IPSEC009');
    assert.match(d.summary, /selector destinationPort 443 with protocol any/);
    expectAt(d, 'p.yaml', 5);
  });
});

describe('IPSEC010 one policy per selector and direction on a node', () => {
  const policy = (name: string, action: string, priority: number) => `apiVersion: tandem/v1
kind: IPsecPolicy
metadata: { name: ${name} }
spec:
  selector: { source: 192.0.2.50/32, destination: 198.51.100.0/24 }
  directions: [out]
  action: ${action}
  priority: ${priority}
  appliesTo: { nodes: [n1] }
`;
  it('reports two policies with the same selector and direction on one node, whatever their priorities', () => {
    const files = {
      'c.yaml': CLUSTER,
      'n.yaml': nodeDoc('n1', ['{ name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24] }']),
      'p.yaml': `${policy('a-allow', 'allow', 100)}---\n${policy('b-block', 'block', 100)}`,
    };
    const found = findingsOf(validateTexts(files), 'IPSEC010');
    assert.equal(found.length, 1, JSON.stringify(found.map((d) => d.summary)));
    assert.equal(found[0].severity, 'error');
    assert.match(
      found[0].summary,
      /IPsecPolicy\/b-block and IPsecPolicy\/a-allow both install out 192\.0\.2\.50\/32 -> 198\.51\.100\.0\/24 on n1/,
    );
    assert.equal(found[0].source?.line, 15);
    assert.equal(found[0].related?.[0].source.line, 5);
  });

  it('passes policies whose selectors differ', () => {
    const files = {
      'c.yaml': CLUSTER,
      'n.yaml': nodeDoc('n1', ['{ name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24] }']),
      'p.yaml':
        `${policy('a-allow', 'allow', 100)}---\n` +
        `${policy('b-block', 'block', 100).replace('192.0.2.50/32', '192.0.2.51/32')}`,
    };
    assert.deepEqual(findingsOf(validateTexts(files), 'IPSEC010'), []);
  });
});
