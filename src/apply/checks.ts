// The checks around a step's kernel writes (seed 004, LifeKeeper IP Recovery Kit), run
// for real. On linux nodes, through the node's transport:
// - uniqueness: `arping -D -q -c 2 -w <s> -I IFACE IP`; exit 1 means a duplicate
//   answered; any other failure means uniqueness could not be proven, which fails too;
// - gratuitous ARP: `count` runs of `arping -U -q -c 1 -I IFACE IP`, each STARTED
//   `intervalMs` after the one before, not after it ends: iputils arping takes whole
//   seconds for -i and lingers about a second after its one packet, so waiting for each
//   would space the announcements a second apart whatever the desired state says;
// - DAD wait: polls `ip -j addr show dev IFACE` until the address is no longer
//   tentative; dadfailed (a duplicate answered) or the time limit fail;
// - health: link up, address present (`ip -j addr show dev IFACE`), then the ping list
//   (`ping -c N -W s -I ADDRESS TARGET`, one answering target is enough, as LifeKeeper's
//   ping list) or a broadcast ping (`ping -b` to the subnet's broadcast address);
// - confirm-absent: the address is no longer on any interface of the node.
// On sim nodes, uniqueness asks the simulated segment (src/sim/network.ts); link, address
// and DAD checks read the node's state; ARP and ping have no simulated wire and are
// recorded as not applicable, with a note.
import { hostPart, ipv4Edges, parseCidr, parseIp } from '../model/ip.js';
import type { SimDriver } from '../observe/drivers/sim.js';
import { parseAddresses } from '../observe/drivers/linux/parse-addresses.js';
import { parseLinks } from '../observe/drivers/linux/parse-links.js';
import type { RunOutcome, Transport } from '../observe/drivers/linux/transport.js';
import type { ObservedAddress } from '../observe/model.js';
import type { Check } from '../plan/checks.js';
import type { CheckResult } from './writable-node.js';

const DAD_POLL_MS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));

/**
 * iputils arping takes whole seconds only (`-w`, `-i`), so a check shorter than a second
 * sends one probe and coreutils' `timeout` interrupts arping at the configured time:
 * on SIGINT, arping -D exits 0 when nobody answered and 1 when somebody did, as on its
 * own deadline (`--preserve-status` passes that on). Without this, a 300 ms check took
 * a whole second, and every failover waited for it.
 */
export function uniquenessCommand(iface: string, address: string, timeoutMs: number): string[] {
  const arping = ['arping', '-D', '-q', '-I', iface, address];
  if (timeoutMs >= 1000) return [...arping.slice(0, 3), '-c', '2', '-w', seconds(timeoutMs), ...arping.slice(3)];
  const s = (Math.max(timeoutMs, 50) / 1000).toFixed(3);
  return [
    'timeout',
    '--preserve-status',
    '-s',
    'INT',
    s,
    ...arping.slice(0, 3),
    '-c',
    '1',
    '-w',
    '1',
    ...arping.slice(3),
  ];
}
const sameIp = (cidr: string, ip: string) => parseIp(hostPart(cidr))?.address === parseIp(ip)?.address;

/** A link counts as up when it is administratively up and not reported down. */
function linkUp(adminUp: boolean, operState: string): boolean {
  return adminUp && !['DOWN', 'LOWERLAYERDOWN', 'NOTPRESENT'].includes(operState);
}

export async function linuxCheck(t: Transport, check: Check): Promise<CheckResult> {
  const started = performance.now();
  const took = () => performance.now() - started;
  const pass = (extra: { note?: string; command?: string[] } = {}): CheckResult => ({
    ok: true,
    ...extra,
    durationMs: took(),
  });
  const failWith = (error: string, command?: string[]): CheckResult => ({
    ok: false,
    error,
    durationMs: took(),
    ...(command ? { command } : {}),
  });
  const addressesFrom = (r: RunOutcome): { ok: true; list: ObservedAddress[] } | { ok: false; error: string } => {
    if (!r.ok) return { ok: false, error: r.error.message };
    const p = parseAddresses(r.stdout);
    return p.ok ? { ok: true, list: p.value } : { ok: false, error: p.message };
  };
  const addressesOf = async (iface?: string) =>
    addressesFrom(await t.run(iface ? ['ip', '-j', 'addr', 'show', 'dev', iface] : ['ip', '-j', 'addr', 'show']));

  switch (check.kind) {
    case 'uniqueness': {
      const cmd = uniquenessCommand(check.iface, check.address, check.timeoutMs);
      const r = await t.run(cmd, { okExitCodes: [1] });
      if (!r.ok)
        return failWith(`uniqueness of ${check.address} could not be checked: ${r.error.message}`, t.argv(cmd));
      if (r.exitCode === 1)
        return failWith(
          `${check.address} is already in use on ${check.iface}'s segment: another host answered arping -D`,
          t.argv(cmd),
        );
      return pass({ command: t.argv(cmd) });
    }
    case 'gratuitous-arp': {
      const cmd = ['arping', '-U', '-q', '-c', '1', '-I', check.iface, check.address];
      const runs = Array.from({ length: check.count }, async (_, i) => {
        if (i > 0) await sleep(i * check.intervalMs);
        return t.run(cmd);
      });
      const results = await Promise.all(runs);
      const failed = results.findIndex((r) => !r.ok);
      if (failed >= 0) {
        const r = results[failed];
        return failWith(
          `gratuitous ARP ${failed + 1}/${check.count} for ${check.address} failed: ${r.ok ? '' : r.error.message}`,
          t.argv(cmd),
        );
      }
      return pass({ command: t.argv(cmd), note: `${check.count} sent, ${check.intervalMs} ms apart` });
    }
    case 'dad-wait': {
      const deadline = Date.now() + check.timeoutMs;
      for (;;) {
        const got = await addressesOf(check.iface);
        if (!got.ok) return failWith(`DAD of ${check.address}: ${got.error}`);
        const a = got.list.find((x) => sameIp(x.cidr, check.address));
        if (!a) return failWith(`DAD of ${check.address}: the address is not on ${check.iface}`);
        if (a.dadfailed)
          return failWith(
            `DAD failed for ${check.address} on ${check.iface}: another host on the segment uses it (dadfailed)`,
          );
        if (!a.tentative) return pass();
        if (Date.now() >= deadline)
          return failWith(
            `DAD of ${check.address} on ${check.iface} did not finish within ${check.timeoutMs} ms (still tentative)`,
          );
        await sleep(DAD_POLL_MS);
      }
    }
    case 'confirm-absent': {
      const got = await addressesOf();
      if (!got.ok) return failWith(`cannot confirm ${check.address} is gone: ${got.error}`);
      const still = got.list.find((a) => sameIp(a.cidr, check.address));
      return still ? failWith(`${check.address} is still on ${still.interface}`) : pass();
    }
    case 'health': {
      // The link and the address are read together (over ssh, one round trip) and judged
      // in that order.
      const reads = await t.runEach([
        ...(check.link ? [{ command: ['ip', '-j', 'link', 'show', 'dev', check.iface] }] : []),
        { command: ['ip', '-j', 'addr', 'show', 'dev', check.iface] },
      ]);
      if (check.link) {
        const r = reads[0];
        if (!r.ok) return failWith(`health of ${check.address}: ${r.error.message}`);
        const links = parseLinks(r.stdout);
        const l = links.ok ? links.value.find((x) => x.name === check.iface) : undefined;
        if (!l) return failWith(`health of ${check.address}: link ${check.iface} not found`);
        if (!linkUp(l.adminUp, l.operState))
          return failWith(
            `health of ${check.address}: link ${check.iface} is ${l.adminUp ? l.operState : 'administratively down'}`,
          );
      }
      const got = addressesFrom(reads[reads.length - 1]);
      if (!got.ok) return failWith(`health of ${check.address}: ${got.error}`);
      const a = got.list.find((x) => sameIp(x.cidr, check.address));
      if (!a) return failWith(`health of ${check.address}: the address is not on ${check.iface}`);
      if (!check.ping) return pass();
      const w = seconds(check.ping.timeoutMs);
      if (check.ping.broadcast) {
        const edges = ipv4Edges(parseCidr(a.cidr)!);
        if (!edges)
          return failWith(`health of ${check.address}: ${a.cidr} has no broadcast address for a broadcast ping`);
        const cmd = [
          'ping',
          '-b',
          '-n',
          '-q',
          '-c',
          String(check.ping.count),
          '-W',
          w,
          '-I',
          check.iface,
          edges.broadcast,
        ];
        const r = await t.run(cmd);
        if (r.ok) return pass({ command: t.argv(cmd) });
        if (check.ping.targets.length === 0)
          return failWith(
            `health of ${check.address}: nobody answered a broadcast ping to ${edges.broadcast}`,
            t.argv(cmd),
          );
      }
      const errors: string[] = [];
      for (const target of check.ping.targets) {
        const cmd = ['ping', '-n', '-q', '-c', String(check.ping.count), '-W', w, '-I', check.address, target];
        const r = await t.run(cmd);
        if (r.ok) return pass({ command: t.argv(cmd), note: `${target} answered` });
        errors.push(`${target}: ${r.error.message}`);
      }
      return failWith(`health of ${check.address}: no ping-list target answered (${errors.join('; ')})`);
    }
    default:
      return unknownCheck(check, took());
  }
}

// Checks arrive from plan files too: an unknown kind fails rather than passing unseen.
function unknownCheck(check: never, durationMs: number): CheckResult {
  return { ok: false, error: `unknown check kind ${JSON.stringify((check as { kind?: unknown }).kind)}`, durationMs };
}

export async function simCheck(driver: SimDriver, check: Check): Promise<CheckResult> {
  const started = performance.now();
  const took = () => performance.now() - started;
  const pass = (note?: string, notApplicable = false): CheckResult => ({
    ok: true,
    durationMs: took(),
    ...(note ? { note } : {}),
    ...(notApplicable ? { notApplicable } : {}),
  });
  const failWith = (error: string): CheckResult => ({ ok: false, error, durationMs: took() });
  if (check.kind === 'uniqueness') {
    const holders = await driver.addressInUse(check.iface, check.address);
    if (holders.length > 0)
      return failWith(
        `${check.address} is already in use on ${check.iface}'s segment: ` +
          `${holders.map((h) => `${h.node}/${h.iface}`).join(', ')} answer for it (simulated arping -D)`,
      );
    return pass('checked on the simulated segment');
  }
  if (check.kind === 'gratuitous-arp')
    return pass('not applicable on a sim node: the simulated segment has no ARP caches to update', true);
  const obs = await driver.observe();
  if (!obs.ok) return failWith(`${check.kind} of ${check.address}: ${obs.error.message}`);
  const state = obs.state;
  const addr = state.addresses.find(
    (a) => sameIp(a.cidr, check.address) && (check.kind === 'confirm-absent' || a.interface === check.iface),
  );
  switch (check.kind) {
    case 'confirm-absent':
      return addr ? failWith(`${check.address} is still on ${addr.interface}`) : pass();
    case 'dad-wait':
      if (!addr) return failWith(`DAD of ${check.address}: the address is not on ${check.iface}`);
      if (addr.dadfailed)
        return failWith(
          `DAD failed for ${check.address} on ${check.iface}: ` +
            'another node on the simulated segment uses it (dadfailed)',
        );
      if (addr.tentative)
        return failWith(
          `DAD of ${check.address} on ${check.iface} cannot finish: the address is still tentative (is the link down?)`,
        );
      return pass();
    case 'health': {
      if (check.link) {
        const l = state.links.find((x) => x.name === check.iface);
        if (!l) return failWith(`health of ${check.address}: link ${check.iface} not found`);
        if (!linkUp(l.adminUp, l.operState))
          return failWith(
            `health of ${check.address}: link ${check.iface} is ${l.adminUp ? l.operState : 'administratively down'}`,
          );
      }
      if (!addr) return failWith(`health of ${check.address}: the address is not on ${check.iface}`);
      return pass(
        check.ping ? 'link and address checked; ping not applicable on a sim node (no simulated wire)' : undefined,
      );
    }
    default:
      return unknownCheck(check, took());
  }
}
