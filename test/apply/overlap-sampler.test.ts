// The overlap sampler the namespace and fleet tests rely on (overlap-sampler.ts): it must
// see an address on both nodes when it is, see where it was, and sample every few ms.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import { canMakeNamespaces } from './netns-lab.js';
import { AddressReader, OverlapSampler } from './overlap-sampler.js';

const skip = await canMakeNamespaces();
const ns = { a: `tdmo-a-${process.pid}`, b: `tdmo-b-${process.pid}` };
const ip = (...args: string[]) => execa('ip', args);
const until = async (what: string, probe: () => boolean) => {
  for (const end = Date.now() + 10_000; !probe(); await new Promise((r) => setTimeout(r, 10)))
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
};

describe('the overlap sampler', { skip: skip ?? false }, () => {
  after(async () => {
    for (const n of Object.values(ns)) await execa('ip', ['netns', 'del', n], { reject: false });
  });

  it('reads eth0 through one ip -batch, sees an address on both nodes, and samples every few ms', async () => {
    // Two ends of one veth (this kernel has no dummy links), each a namespace's eth0.
    const veth = { a: `tdmo-va-${process.pid}`, b: `tdmo-vb-${process.pid}` };
    await ip('link', 'add', veth.a, 'type', 'veth', 'peer', 'name', veth.b);
    for (const x of ['a', 'b'] as const) {
      await ip('netns', 'add', ns[x]);
      await ip('link', 'set', veth[x], 'netns', ns[x], 'name', 'eth0');
      await ip('-n', ns[x], 'link', 'set', 'eth0', 'up');
    }
    const reader = new AddressReader(ns.a);
    await ip('-n', ns.a, 'addr', 'add', '192.0.2.7/24', 'dev', 'eth0');
    await ip('-n', ns.a, 'addr', 'add', '2001:db8::7/64', 'dev', 'eth0', 'nodad');
    assert.deepEqual((await reader.read()).sort(), ['192.0.2.7/24', '2001:db8::7/64']);
    await reader.close();

    const s = new OverlapSampler(ns, '192.0.2.7');
    await until('a sample with the address on a', () => s.seenOn.has('a'));
    assert.equal(s.overlaps, 0);
    await ip('-n', ns.b, 'addr', 'add', '192.0.2.7/24', 'dev', 'eth0');
    await until('the overlap seen', () => s.overlaps > 0);
    await ip('-n', ns.a, 'addr', 'del', '192.0.2.7/24', 'dev', 'eth0');
    const seen = s.overlaps;
    await new Promise((r) => setTimeout(r, 300));
    const r = await s.stop();
    assert.equal(r.overlaps, seen, 'no overlap counted once a lost the address');
    assert.deepEqual([...r.seenOn].sort(), ['a', 'b']);
    // Every few ms on an idle machine; a loaded one still manages far more than a process per read.
    assert.ok(s.rate() >= 30, `${s.rate()} samples per second`);
    console.log(`# ${r.samples} samples, ${s.rate()} per second`);
  });
});
