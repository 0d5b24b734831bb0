// A real etcd cluster on loopback for the fleet tests: `etcd` from PATH (Debian's
// etcd-server), members on free ports chosen at start, data in a temp folder, logs beside
// the data (`member-<i>.log`, worth reading when a test fails). Short raft timings so that
// a killed member's loss is noticed in well under a second. With `tls`, the client URLs are
// https and every client must present a certificate signed by the given CA (peers stay
// on plain http: the tests are about the client's side).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EtcdCluster {
  /** Client URLs, member 0 first. */
  endpoints: string[];
  dataDir: string;
  stop(): Promise<void>;
  /** SIGKILL of member i, resolved once the process is gone. */
  killMember(i: number): Promise<void>;
  /** Starts member i again on its data folder and ports. */
  restartMember(i: number): Promise<void>;
  /** SIGSTOP / SIGCONT of member i (a member that hangs rather than dies). */
  pauseMember(i: number): void;
  /** Process ids of the running members (CPU measurements in bench/fleet.bench.ts). */
  pids(): number[];
  resumeMember(i: number): void;
}

/** Why etcd tests cannot run here, or undefined when they can (for `test(name, { skip })`). */
export function etcdMissing(): string | undefined {
  const r = spawnSync('etcd', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : 'etcd is not installed (Debian package etcd-server)';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

/** The files of an etcd started with --client-cert-auth, and a client certificate it takes. */
export interface EtcdClusterTls {
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

/** GET /health with the client certificate: fetch cannot present one (transport.ts). */
function healthyTls(url: string, tls: EtcdClusterTls): Promise<boolean> {
  return new Promise((resolve) => {
    const req = https.get(
      `${url}/health`,
      {
        ca: readFileSync(tls.ca),
        cert: readFileSync(tls.clientCert),
        key: readFileSync(tls.clientKey),
        timeout: 500,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(/"health":\s*"true"/.test(body)));
        res.on('error', () => resolve(false));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

async function healthy(url: string, tls?: EtcdClusterTls): Promise<boolean> {
  if (tls) return healthyTls(url, tls);
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) });
    const body = (await res.json()) as { health?: string };
    return body.health === 'true';
  } catch {
    return false;
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`etcd cluster: ${what} not reached within ${timeoutMs} ms`);
}

export async function startEtcdCluster(options: {
  members?: number;
  name: string;
  /** etcd's own raft timings (100 ms heartbeat, 1 s election) instead of the tests' fast ones. */
  defaultRaftTimings?: boolean;
  /** https client URLs with --client-cert-auth (test/helpers/etcd-tls.ts makes the files). */
  tls?: EtcdClusterTls;
}): Promise<EtcdCluster> {
  const { tls } = options;
  const members = options.members ?? 3;
  const dataDir = mkdtempSync(join(tmpdir(), `tandem-etcd-${options.name}-`));
  const clientPorts: number[] = [];
  const peerPorts: number[] = [];
  for (let i = 0; i < members; i++) {
    clientPorts.push(await freePort());
    peerPorts.push(await freePort());
  }
  const names = clientPorts.map((_, i) => `${options.name}-m${i}`);
  const endpoints = clientPorts.map((p) => `${tls ? 'https' : 'http'}://127.0.0.1:${p}`);
  const tlsArgs = tls
    ? ['--cert-file', tls.serverCert, '--key-file', tls.serverKey, '--client-cert-auth', '--trusted-ca-file', tls.ca]
    : [];
  const initialCluster = names.map((n, i) => `${n}=http://127.0.0.1:${peerPorts[i]}`).join(',');
  const children: (ChildProcess | undefined)[] = new Array<ChildProcess | undefined>(members).fill(undefined);

  const start = (i: number) => {
    const log = openSync(join(dataDir, `member-${i}.log`), 'a');
    const child = spawn(
      'etcd',
      [
        '--name',
        names[i],
        '--data-dir',
        join(dataDir, `member-${i}`),
        '--listen-client-urls',
        endpoints[i],
        '--advertise-client-urls',
        endpoints[i],
        '--listen-peer-urls',
        `http://127.0.0.1:${peerPorts[i]}`,
        '--initial-advertise-peer-urls',
        `http://127.0.0.1:${peerPorts[i]}`,
        '--initial-cluster',
        initialCluster,
        '--initial-cluster-token',
        `tandem-${options.name}`,
        '--initial-cluster-state',
        'new',
        '--heartbeat-interval',
        options.defaultRaftTimings ? '100' : '50',
        '--election-timeout',
        options.defaultRaftTimings ? '1000' : '500',
        '--logger',
        'zap',
        '--log-level',
        'warn',
        ...tlsArgs,
      ],
      { stdio: ['ignore', log, log] },
    );
    closeSync(log);
    alive.add(child);
    child.once('exit', () => alive.delete(child));
    children[i] = child;
  };

  const kill = async (i: number, signal: NodeJS.Signals) => {
    const child = children[i];
    children[i] = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  };

  for (let i = 0; i < members; i++) start(i);
  try {
    await waitFor(
      'every member healthy',
      async () => (await Promise.all(endpoints.map((e) => healthy(e, tls)))).every(Boolean),
      20_000,
    );
  } catch (err) {
    await Promise.all(children.map((_, i) => kill(i, 'SIGKILL')));
    throw new Error(`${(err as Error).message}; logs in ${dataDir}`);
  }

  return {
    endpoints,
    dataDir,
    killMember: (i) => kill(i, 'SIGKILL'),
    async restartMember(i) {
      await kill(i, 'SIGKILL');
      start(i);
      await waitFor(`member ${i} healthy again`, () => healthy(endpoints[i], tls), 20_000);
    },
    pids() {
      return children.flatMap((c) => (c?.pid !== undefined && c.exitCode === null ? [c.pid] : []));
    },
    pauseMember(i) {
      children[i]?.kill('SIGSTOP');
    },
    resumeMember(i) {
      children[i]?.kill('SIGCONT');
    },
    async stop() {
      for (const child of children) child?.kill('SIGCONT');
      await Promise.all(children.map((_, i) => kill(i, 'SIGTERM')));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
