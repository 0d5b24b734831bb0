// Two namespaces joined by one veth, each with a live charon of tandem's (kernel-libipsec),
// for the IPsec integration tests; plus tcpdump on a veth to prove traffic went as ESP.
// Names carry the test process's pid so a later suite never meets them.
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { CHARON, nodeCharonPaths, startCharon, stopCharon, type CharonPaths } from '../../src/ipsec/charon.js';
import type { DesiredIkeConnection } from '../../src/model/ike.js';

export interface IpsecPair {
  root: string;
  sfx: string;
  ns: { a: string; b: string };
  veth: { a: string; b: string };
  addr: { a: string; b: string };
  inner: { a: string; b: string };
  charon: { a: CharonPaths; b: CharonPaths };
}

export async function cannotRunCharon(): Promise<string | undefined> {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'the IPsec tests need root on Linux';
  try {
    await access(CHARON);
  } catch {
    return `strongSwan's charon is not installed (${CHARON}, Debian strongswan-charon)`;
  }
  const r = await execa('tcpdump', ['--version'], { reject: false }).catch(() => ({ exitCode: 127 }));
  if (r.exitCode !== 0) return 'tcpdump is not installed';
  return undefined;
}

export async function makePair(tag: string): Promise<IpsecPair> {
  const sfx = `${tag}${process.pid.toString(36)}`.slice(0, 8);
  const root = await mkdtemp(join(tmpdir(), `tandem-ipsec-${sfx}-`));
  const p: IpsecPair = {
    root,
    sfx,
    ns: { a: `tdmi-a-${sfx}`, b: `tdmi-b-${sfx}` },
    veth: { a: `ia-${sfx}`, b: `ib-${sfx}` },
    addr: { a: '198.51.100.1', b: '198.51.100.2' },
    inner: { a: '10.91.1.1', b: '10.91.2.1' },
    charon: { a: nodeCharonPaths(`tdmi-a-${sfx}`, root), b: nodeCharonPaths(`tdmi-b-${sfx}`, root) },
  };
  const ip = (...args: string[]) => execa('ip', args);
  await ip('netns', 'add', p.ns.a);
  await ip('netns', 'add', p.ns.b);
  await ip('link', 'add', p.veth.a, 'netns', p.ns.a, 'type', 'veth', 'peer', 'name', p.veth.b, 'netns', p.ns.b);
  for (const side of ['a', 'b'] as const) {
    const n = p.ns[side];
    await ip('-n', n, 'addr', 'add', `${p.addr[side]}/24`, 'dev', p.veth[side]);
    await ip('-n', n, 'addr', 'add', `${p.inner[side]}/32`, 'dev', 'lo');
    await ip('-n', n, 'link', 'set', 'lo', 'up');
    await ip('-n', n, 'link', 'set', p.veth[side], 'up');
  }
  await startCharon({ paths: p.charon.a, kind: 'live', namespace: p.ns.a });
  await startCharon({ paths: p.charon.b, kind: 'live', namespace: p.ns.b });
  return p;
}

export async function destroyPair(p: IpsecPair | undefined): Promise<void> {
  if (!p) return;
  await stopCharon(p.charon.a);
  await stopCharon(p.charon.b);
  for (const n of [p.ns.a, p.ns.b]) await execa('ip', ['netns', 'del', n], { reject: false });
  await rm(p.root, { recursive: true, force: true });
}

/** A connection from one side of the pair to the other, as the model would carry it. */
export function pairConnection(
  p: IpsecPair,
  from: 'a' | 'b',
  name: string,
  over: Partial<DesiredIkeConnection> = {},
  child: Partial<DesiredIkeConnection['children'][number]> = {},
): DesiredIkeConnection {
  const to = from === 'a' ? 'b' : 'a';
  return {
    name,
    nodes: [from],
    version: 2,
    local: { address: p.addr[from], id: `${name}-${from}.test`, auth: 'psk' },
    remote: { address: p.addr[to], id: `${name}-${to}.test`, auth: 'psk' },
    ikeProposals: ['aes256gcm16-prfsha384-ecp384'],
    psk: { env: 'TANDEM_TEST_PSK' },
    children: [
      {
        name: 'net',
        mode: 'tunnel',
        localTs: [`${p.inner[from]}/32`],
        remoteTs: [`${p.inner[to]}/32`],
        espProposals: ['aes256gcm16-ecp384'],
        startAction: 'none',
        closeAction: 'none',
        index: 0,
        ...child,
      },
    ],
    ...over,
  };
}

/** Captures on a veth of a namespace while `during` runs; returns tcpdump's lines. */
export async function capture(ns: string, dev: string, during: () => Promise<void>): Promise<string[]> {
  const td: ResultPromise = execa('ip', ['netns', 'exec', ns, 'tcpdump', '-l', '-n', '-i', dev, 'not arp'], {
    reject: false,
    all: true,
    buffer: true,
  });
  // tcpdump announces itself on stderr once it listens.
  await new Promise<void>((resolve) => {
    const t = setTimeout(resolve, 3000);
    td.stderr?.on('data', (d: Buffer) => {
      if (d.toString().includes('listening on')) {
        clearTimeout(t);
        resolve();
      }
    });
  });
  try {
    await during();
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    td.kill('SIGINT');
  }
  const r = await td;
  return String(r.stdout ?? '')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

export async function ping(ns: string, from: string, to: string, count = 2): Promise<boolean> {
  const r = await execa(
    'ip',
    ['netns', 'exec', ns, 'ping', '-c', String(count), '-i', '0.2', '-W', '1', '-I', from, to],
    {
      reject: false,
    },
  );
  return r.exitCode === 0;
}
