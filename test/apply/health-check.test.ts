// The health check's link and address reads (one runEach: over ssh one round trip), on
// this machine's loopback through the local transport: judged in order, link first,
// each failure named as before. Reading links and addresses needs no privilege.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { linuxCheck } from '../../src/apply/checks.js';
import { transportFor } from '../../src/observe/drivers/linux/transport.js';

const made = transportFor({ transport: 'local' }, { timeoutMs: 5000 });
if (!made.ok) throw new Error(made.error.message);
const t = made.transport;
const health = (iface: string, address: string, link = true) =>
  linuxCheck(t, { kind: 'health', node: 'here', iface, address, link });

describe('the health check reads link and address together', { skip: process.platform !== 'linux' }, () => {
  it('passes for an address on an up link, with or without the link part', async () => {
    for (const link of [true, false]) {
      const r = await health('lo', '127.0.0.1', link);
      assert.ok(r.ok, r.ok ? '' : r.error);
    }
  });

  it('names an address that is not on the link', async () => {
    const r = await health('lo', '127.0.0.77');
    assert.ok(!r.ok);
    assert.equal(r.error, 'health of 127.0.0.77: the address is not on lo');
  });

  it('names a link that is not there before anything about the address', async () => {
    const r = await health('tandem-nosuch0', '127.0.0.1');
    assert.ok(!r.ok);
    assert.match(r.error, /^health of 127\.0\.0\.1: exit \d+: Device "tandem-nosuch0" does not exist/);
  });
});
