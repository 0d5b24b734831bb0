// schema/snapshot.schema.json describes the files tandem observe --out writes and sim
// nodes keep: every shipped snapshot and every state tandem makes validates against it,
// and a broken copy fails both the schema and tandem's own loader.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type * as Ajv2020Module from 'ajv/dist/2020.js';
import { hardwareNode } from '../../src/observe/drivers/sim.js';
import { snapshotProblems } from '../../src/observe/snapshot-io.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020.js') as typeof Ajv2020Module;
const schema = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schema', 'snapshot.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function shipped(): Array<{ file: string; node: string; value: unknown }> {
  const out = [];
  for (const env of readdirSync(join(PACKAGE_ROOT, 'environments'))) {
    const dir = join(PACKAGE_ROOT, 'environments', env, 'observed');
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    } catch {
      continue;
    }
    for (const f of files)
      out.push({
        file: join(dir, f),
        node: f.replace(/\.json$/, ''),
        value: JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown,
      });
  }
  return out;
}

describe('the snapshot JSON Schema', () => {
  it('accepts every shipped snapshot, which the loader accepts too', () => {
    const all = shipped();
    assert.ok(all.length >= 8, `${all.length} snapshots`);
    for (const s of all) {
      assert.ok(validate(s.value), `${s.file}: ${JSON.stringify(validate.errors)}`);
      assert.deepEqual(snapshotProblems(s.value, s.node), [], s.file);
    }
  });

  it("accepts a sim node's declared hardware", () => {
    const state = hardwareNode('n1', [
      { name: 'eth0', type: 'physical' },
      { name: 'bond0', type: 'bond' },
    ]);
    assert.deepEqual(
      state.links.map((l) => [l.name, l.kind, l.adminUp, l.mtu]),
      [
        ['lo', 'loopback', true, 65536],
        ['eth0', 'physical', true, 1500],
      ],
    );
    assert.deepEqual(
      state.addresses.map((a) => a.cidr),
      ['127.0.0.1/8', '::1/128'],
    );
    assert.ok(validate(state), JSON.stringify(validate.errors));
    assert.deepEqual(snapshotProblems(state, 'n1'), []);
  });

  it('refuses a broken copy, as the loader does', () => {
    const s = shipped()[0];
    const broken = structuredClone(s.value) as { links: Array<Record<string, unknown>>; routes?: unknown };
    broken.links[0].mtu = '1500';
    delete broken.routes;
    assert.equal(validate(broken), false);
    const schemaPaths = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    assert.ok(
      schemaPaths.some((p) => p.startsWith('/links/0/mtu ')),
      schemaPaths.join('\n'),
    );
    assert.ok(
      schemaPaths.some((p) => p.includes("must have required property 'routes'")),
      schemaPaths.join('\n'),
    );
    const problems = snapshotProblems(broken, s.node);
    assert.ok(
      problems.some((p) => p.startsWith('links[0].mtu "1500"')),
      problems.join('\n'),
    );
    assert.ok(problems.includes('"routes" is missing or not a list'), problems.join('\n'));
  });
});
