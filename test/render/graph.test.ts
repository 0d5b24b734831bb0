// `tandem graph` (src/render/graph-mermaid.ts) on every shipped environment: each segment
// is drawn once with its subnets and cabled to exactly the interfaces that name it, each
// IPsec policy is drawn and tied to the nodes or the address it applies to, the legend
// explains every shape and line used, and no identifier or label can be broken out of.
// The rendering itself (mermaid) is not run here: mermaid is not a dependency.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { renderMermaid } from '../../src/render/graph-mermaid.js';
import { validateEnvironment } from '../../src/validate/index.js';

const ENVS = join(PACKAGE_ROOT, 'environments');
const shipped = readdirSync(ENVS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const ident = (...parts: string[]) => parts.join('__').replace(/[^A-Za-z0-9_]/g, '_');

describe('tandem graph on the shipped environments', () => {
  it('has environments to draw, some with IPsec policies', async () => {
    assert.ok(shipped.length >= 3, shipped.join(', '));
    let policies = 0;
    for (const env of shipped)
      policies += (await validateEnvironment(join(ENVS, env))).model?.ipsecPolicies.length ?? 0;
    assert.ok(policies > 0, 'some shipped environment has IPsec policies');
  });

  for (const env of shipped)
    it(`draws ${env}: segments, cabling, IPsec policies and the legend`, async () => {
      const v = await validateEnvironment(join(ENVS, env));
      assert.ok(v.model, `${env} is valid`);
      const model = v.model;
      const text = renderMermaid(model);
      const lines = text.split('\n');
      assert.equal(lines[0], 'flowchart LR');

      for (const seg of model.cluster?.doc.spec.segments ?? []) {
        const drawn = lines.filter((l) => l.trim().startsWith(`${ident('seg', seg.name)}{{`));
        assert.equal(drawn.length, 1, `segment ${seg.name} drawn once`);
        for (const subnet of seg.subnets) assert.ok(drawn[0].includes(subnet), `${seg.name} shows ${subnet}`);
        const cabled = model.nodes.flatMap((n) =>
          n.doc.spec.interfaces.filter((i) => i.segment === seg.name).map((i) => ident('if', n.name, i.name)),
        );
        const edges = lines
          .filter((l) => l.endsWith(` --- ${ident('seg', seg.name)}`))
          .map((l) => l.trim().split(' ')[0]);
        assert.deepEqual(edges.sort(), cabled.sort(), `the interfaces on ${seg.name}`);
      }

      for (const p of model.ipsecPolicies) {
        const pid = ident('ipsec', p.name);
        const node = lines.find((l) => l.trim().startsWith(`${pid}[/`));
        assert.ok(node, `policy ${p.name} drawn`);
        assert.ok(node.includes(p.doc.spec.selector.source) && node.includes(p.doc.spec.action), node);
        const targets = lines.filter((l) => l.trim().startsWith(`${pid} -. `)).map((l) => l.trim().split(' ').pop());
        const want = [
          ...(p.doc.spec.appliesTo.nodes ?? []).map((n) => ident('node', n)),
          ...(p.doc.spec.appliesTo.relocatableAddress ? [ident('ra', p.doc.spec.appliesTo.relocatableAddress)] : []),
        ];
        assert.deepEqual(targets.sort(), want.sort(), `what ${p.name} applies to`);
      }

      // The legend explains every shape and line kind the drawing uses.
      const legend = lines.slice(lines.findIndex((l) => l.includes('subgraph legend[')));
      assert.ok(legend.length > 5, 'a legend');
      for (const [shape, used] of [
        ['{{', text.includes('{{')],
        ['((', model.relocatables.length > 0],
        ['[/', model.ipsecPolicies.length > 0],
        ['==>', model.relocatables.length > 0],
        ['<-.', lines.some((l) => l.includes('<-. failover'))],
      ] as const)
        if (used)
          assert.ok(
            legend.some((l) => l.includes(shape)),
            `the legend shows ${shape}`,
          );

      // Every label is quoted and every identifier is plain.
      for (const l of lines.filter((x) => x.trim() && !x.trim().startsWith('classDef'))) {
        const outside = l.replace(/"[^"]*"/g, '""');
        assert.doesNotMatch(outside, /[^A-Za-z0-9_\s\-.=<>{}()[\]/":]/, `an unquoted character in: ${l}`);
      }
    });

  it('is what the CLI prints', async () => {
    const env = join(ENVS, shipped.includes('serviceguard') ? 'serviceguard' : shipped[0]);
    const r = await execa(process.execPath, [join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js'), 'graph', env], {
      reject: false,
    });
    assert.equal(r.exitCode, 0, r.stderr);
    const v = await validateEnvironment(env);
    assert.equal(r.stdout + '\n', renderMermaid(v.model!));
  });
});
