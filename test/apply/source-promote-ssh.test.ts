// sourceAddress and promoteSecondaries over ssh against a real sshd in each namespace
// node (root; skips without namespaces or openssh-server): the CLI's apply sets
// promote_secondaries with one `sysctl -w` and the subnet route's source in the node's
// `ip -batch`, still one ssh connection per node, and a switchover gives the source back
// to the old node's primary before the address leaves it.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import { addressesYaml, canMakeNamespaces, CLI, type Lab } from './netns-lab.js';
import { acceptedConnections, canRunSshd, destroySshLab, makeSshLab, type SshLab } from './ssh-lab.js';

const schema = JSON.parse(await readFile('schema/tandem.schema.json', 'utf8')) as {
  $defs: { Connection: { properties: Record<string, unknown> } };
};
const skip =
  (await canMakeNamespaces()) ??
  (await canRunSshd()) ??
  ('knownHosts' in schema.$defs.Connection.properties ? undefined : 'the schema has no connection.knownHosts yet');
if (skip) console.log(`# sourceAddress/promoteSecondaries ssh tests skipped: ${skip}`);

const labs: SshLab[] = [];

async function apply(l: SshLab) {
  const before = [await acceptedConnections(l.nodes.a), await acceptedConnections(l.nodes.b)];
  const r = await execa(process.execPath, [CLI, 'apply', l.dir, '--yes'], {
    cwd: l.root,
    env: l.env,
    reject: false,
    extendEnv: false,
  });
  await new Promise((res) => setTimeout(res, 100));
  const conns = {
    a: (await acceptedConnections(l.nodes.a)) - before[0],
    b: (await acceptedConnections(l.nodes.b)) - before[1],
  };
  return { r, conns };
}

async function subnetSource(ns: string): Promise<string[]> {
  const r = await execa('ip', ['-n', ns, '-j', 'route', 'show', 'table', 'main', '192.0.2.0/24', 'dev', 'eth0']);
  return (JSON.parse(String(r.stdout)) as Array<{ protocol?: string; prefsrc?: string }>).map(
    (x) => `${x.protocol} ${x.prefsrc}`,
  );
}

const promote = async (ns: string) =>
  (await execa('ip', ['netns', 'exec', ns, 'cat', '/proc/sys/net/ipv4/conf/eth0/promote_secondaries'])).stdout.trim();

const withSourceAddress = (l: Pick<Lab, 'sfx'>, active: 'a' | 'b') =>
  addressesYaml(l, active).replace('  switchback: intelligent\n', '  switchback: intelligent\n  sourceAddress: true\n');

describe('sourceAddress and promoteSecondaries over ssh', { skip: skip ?? false }, () => {
  after(async () => {
    for (const l of labs) await destroySshLab(l);
  });

  it('applies both with one connection per node, and moves the source with the address', async () => {
    const l = await makeSshLab();
    labs.push(l);
    const cluster = join(l.dir, 'cluster.yaml');
    await writeFile(
      cluster,
      (await readFile(cluster, 'utf8')).replace('  defaults:\n', '  defaults:\n    promoteSecondaries: true\n'),
    );
    await writeFile(join(l.dir, 'addresses.yaml'), withSourceAddress(l, 'a'));

    const first = await apply(l);
    assert.equal(first.r.exitCode, 0, String(first.r.stdout) + String(first.r.stderr));
    assert.deepEqual(first.conns, { a: 1, b: 1 }, 'one connection per node');
    assert.equal(await promote(l.ns.a), '1');
    assert.equal(await promote(l.ns.b), '1');
    assert.deepEqual(await subnetSource(l.ns.a), ['kernel 192.0.2.100']);
    assert.deepEqual(await subnetSource(l.ns.b), ['kernel 192.0.2.12']);

    await writeFile(join(l.dir, 'addresses.yaml'), withSourceAddress(l, 'b'));
    const moved = await apply(l);
    assert.equal(moved.r.exitCode, 0, String(moved.r.stdout) + String(moved.r.stderr));
    assert.deepEqual(moved.conns, { a: 1, b: 1 });
    assert.deepEqual(await subnetSource(l.ns.a), ['kernel 192.0.2.11']);
    assert.deepEqual(await subnetSource(l.ns.b), ['kernel 192.0.2.100']);

    const again = await apply(l);
    assert.equal(again.r.exitCode, 0);
    assert.match(String(again.r.stdout), /nothing to do/);
  });
});
