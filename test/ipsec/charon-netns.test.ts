// Real charon daemons in two network namespaces (kernel-libipsec: ESP in userspace), driven
// over VICI by tandem's own client: an SA established from rendered connections and pinged
// through ESP (tcpdump on the veth sees ESP, never ICMP); a wrong PSK fails and says why; a
// broken render is caught by the scratch charon while the live SA stays up; a rekey is
// observed. Run under the shared lock (flock /tmp/tandem-test.lock). Skips with a reason
// where charon, tcpdump or namespaces are missing; always cleans up.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runningPid, stopCharon } from '../../src/ipsec/charon.js';
import { initiateConnection, terminateConnection } from '../../src/ipsec/initiate.js';
import { checkThenLoad, loadLive, type SecretSource } from '../../src/ipsec/load.js';
import { observeCharon } from '../../src/ipsec/observed.js';
import { withVici } from '../../src/ipsec/vici.js';
import { renderConnection } from '../../src/render/swanctl.js';
import { capture, cannotRunCharon, destroyPair, makePair, pairConnection, ping, type IpsecPair } from './ipsec-lab.js';

const skip = await cannotRunCharon();
if (skip) console.log(`# IPsec integration tests skipped: ${skip}`);

// The key exists only in this process's memory and in the charons it is loaded into.
const KEY = `k-${process.pid}-${Math.random().toString(36).slice(2)}`;
const secrets = (key = KEY): SecretSource => ({ env: { TANDEM_TEST_PSK: key }, readFile: () => Promise.resolve(null) });

describe('charon in namespaces, driven over VICI', { skip }, () => {
  let p: IpsecPair | undefined;
  before(async () => {
    p = await makePair('c');
  });
  after(async () => {
    await destroyPair(p);
  });

  it('establishes an IKE_SA and CHILD_SA from rendered connections, and pings through ESP', async () => {
    const pair = p!;
    for (const side of ['a', 'b'] as const) {
      const r = await checkThenLoad({
        vici: pair.charon[side].vici,
        rendered: [renderConnection(pairConnection(pair, side, 'lab'))],
        secrets: secrets(),
      });
      assert.deepEqual(r.scratch, []);
      assert.deepEqual(r.live, { loaded: ['lab'], unloaded: [], failed: [] });
    }
    const up = await initiateConnection(pair.charon.a.vici, 'lab', ['net']);
    assert.deepEqual(up, { connection: 'lab', ok: true });
    const seen = await observeCharon(pair.charon.a.vici);
    const sa = seen.sas.find((s) => s.connection === 'lab');
    assert.equal(sa?.state, 'ESTABLISHED');
    assert.equal(sa?.children[0]?.state, 'INSTALLED');
    assert.deepEqual(sa?.children[0]?.remoteTs, [`${pair.inner.b}/32`]);
    const lines = await capture(pair.ns.b, pair.veth.b, async () => {
      assert.ok(await ping(pair.ns.a, pair.inner.a, pair.inner.b, 3), 'ping through the tunnel');
    });
    assert.ok(lines.filter((l) => l.includes('ESP(spi=')).length >= 6, `ESP on the wire:\n${lines.join('\n')}`);
    assert.deepEqual(
      lines.filter((l) => /ICMP echo/.test(l)),
      [],
      'no ICMP in clear on the veth',
    );
    const after = await observeCharon(pair.charon.a.vici);
    const child = after.sas.find((s) => s.connection === 'lab')!.children[0];
    assert.ok(child.packetsOut >= 3 && child.bytesOut > 0, `counters: ${JSON.stringify(child)}`);
  });

  it('a wrong pre-shared key fails, and the failure says authentication', async () => {
    const pair = p!;
    const name = 'wrongkey';
    await loadLive({
      vici: pair.charon.a.vici,
      rendered: [renderConnection(pairConnection(pair, 'a', name))],
      secrets: secrets(),
    });
    await loadLive({
      vici: pair.charon.b.vici,
      rendered: [renderConnection(pairConnection(pair, 'b', name))],
      secrets: secrets(`${KEY}-other`),
      unload: [],
    });
    const r = await initiateConnection(pair.charon.a.vici, name, ['net'], 8000);
    assert.equal(r.ok, false);
    assert.match(r.reason ?? '', /AUTHENTICATION_FAILED|authentication of .* failed/);
    assert.ok(!(r.reason ?? '').includes(KEY), 'the reason never shows a key');
    const seen = await observeCharon(pair.charon.a.vici);
    assert.equal(
      seen.sas.find((s) => s.connection === name && s.state === 'ESTABLISHED'),
      undefined,
    );
    // the established connection of the first test is untouched
    assert.equal(seen.sas.find((s) => s.connection === 'lab')?.state, 'ESTABLISHED');
  });

  it('a broken render is caught by the scratch charon; the live charon keeps its connections and SA', async () => {
    const pair = p!;
    const before = await withVici(pair.charon.a.vici, (c) => c.getConns());
    const good = renderConnection(pairConnection(pair, 'a', 'lab'));
    const broken = renderConnection(pairConnection(pair, 'a', 'broken'));
    // What a renderer bug could produce: a proposal strongSwan cannot parse.
    (broken.vici.broken as { proposals: string[] }).proposals = ['aes256gcm16-prfsha384-nosuchgroup'];
    const missingChild = renderConnection(pairConnection(pair, 'a', 'nochild'));
    (
      (missingChild.vici.nochild as { children: Record<string, unknown> }).children.net as Record<string, unknown>
    ).mode = 'sideways';
    const r = await checkThenLoad({
      vici: pair.charon.a.vici,
      rendered: [good, broken, missingChild],
      secrets: secrets(),
    });
    assert.equal(r.live, undefined, 'nothing reached the live charon');
    assert.deepEqual(
      r.scratch.map((s) => s.connection),
      ['broken', 'nochild'],
    );
    assert.match(r.scratch[0].problem, /load-conn failed: invalid value for: proposals/);
    assert.deepEqual(await withVici(pair.charon.a.vici, (c) => c.getConns()), before);
    const seen = await observeCharon(pair.charon.a.vici);
    assert.equal(seen.sas.find((s) => s.connection === 'lab')?.state, 'ESTABLISHED');
    assert.ok(await ping(pair.ns.a, pair.inner.a, pair.inner.b, 1), 'still pings through the tunnel');
  });

  it('observes a CHILD_SA rekey (rekey time 3 s): new SPIs, the SA stays up', async () => {
    const pair = p!;
    await terminateConnection(pair.charon.a.vici, 'lab');
    for (const side of ['a', 'b'] as const)
      await loadLive({
        vici: pair.charon[side].vici,
        rendered: [renderConnection(pairConnection(pair, side, 'lab', {}, { rekeySeconds: 3, lifeSeconds: 6 }))],
        secrets: secrets(),
        unload: [],
      });
    assert.equal((await initiateConnection(pair.charon.a.vici, 'lab', ['net'])).ok, true);
    const installed = async () =>
      (await observeCharon(pair.charon.a.vici)).sas
        .find((s) => s.connection === 'lab' && s.state === 'ESTABLISHED')
        ?.children.find((c) => c.state === 'INSTALLED');
    const first = (await installed())!;
    assert.ok(first, 'an installed CHILD_SA');
    // The rekey time is listed by the side that scheduled the rekey (charon randomizes it
    // within the lifetime, and either peer may hold it): one of the two shows it, within 3 s.
    let rekeyIn: number | undefined;
    for (let i = 0; i < 20 && rekeyIn === undefined; i++) {
      for (const side of ['a', 'b'] as const) {
        const sa = (await observeCharon(pair.charon[side].vici)).sas.find((x) => x.connection === 'lab');
        rekeyIn ??= sa?.children.find((c) => c.rekeyInSeconds !== undefined)?.rekeyInSeconds;
      }
      if (rekeyIn === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    // charon subtracts a random margin (up to life − rekey) from the rekey time; on a busy
    // machine the listing can miss it on both peers, and then only the replacement below
    // proves the rekey. A listed time must be within the configured 3 s.
    if (rekeyIn === undefined) console.log('# no rekey time listed by either peer before the rekey');
    else assert.ok(rekeyIn <= 3, `rekey in ${rekeyIn}`);
    let rekeyed: string | undefined;
    for (let i = 0; i < 40 && !rekeyed; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const sa = (await observeCharon(pair.charon.a.vici)).sas.find((s) => s.connection === 'lab');
      const now = sa?.children.find((c) => c.state === 'INSTALLED' && c.spiIn !== first.spiIn);
      if (now) rekeyed = now.spiIn;
    }
    assert.ok(rekeyed, `a new CHILD_SA replaced ${first.spiIn}`);
    assert.ok(await ping(pair.ns.a, pair.inner.a, pair.inner.b, 1), 'pings after the rekey');
  });

  it('stops its charons by pid', async () => {
    const pair = p!;
    const pid = await runningPid(pair.charon.a);
    assert.ok(pid);
    assert.equal(await stopCharon(pair.charon.a), true);
    assert.equal(await runningPid(pair.charon.a), undefined);
    assert.equal(await stopCharon(pair.charon.a), false);
  });
});
