// The etcd client over TLS with client certificates, against a real etcd started with
// https client URLs and --client-cert-auth (certificates made by openssl in a temp
// folder, test/helpers/etcd-tls.ts): kv, txn, lease and watch work with the client
// certificate; without it, or trusting the wrong CA, the error names the endpoint and
// says what is wrong; the CLI takes the files as flags and as TANDEM_ETCD_* variables;
// a certificate without its key is refused before any request.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { execa } from 'execa';
import { EtcdClient, EtcdError, type EtcdTls } from '../../src/fleet/etcd/client.js';
import { agentKey } from '../../src/fleet/keys.js';
import type { AgentStatus } from '../../src/fleet/status-types.js';
import { etcdMissing, startEtcdCluster, type EtcdCluster } from '../helpers/etcd-cluster.js';
import { makeEtcdCertificates, type EtcdCertificates } from '../helpers/etcd-tls.js';

const opensslMissing = () =>
  execa('openssl', ['version'], { reject: false }).then((r) =>
    r.exitCode === 0 ? undefined : 'openssl is not installed',
  );
const skip = etcdMissing() ?? (await opensslMissing());
if (skip) console.log(`# etcd TLS tests skipped: ${skip}`);

const CLI = resolve('dist/src/cli/main.js');
const CLUSTER = 'tlsdemo';
const NODE = 'server1';

/** Runs the CLI as a real process, with only the environment given (no TANDEM_* of ours). */
function tandem(args: string[], env: Record<string, string> = {}, cwd = tmpdir()) {
  return execa(process.execPath, [CLI, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
    extendEnv: false,
    reject: false,
    all: true,
  });
}

async function expectEtcdError(what: string, p: Promise<unknown>): Promise<EtcdError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof EtcdError, `${what}: ${String(err)}`);
    return err;
  }
  assert.fail(`${what}: succeeded`);
}

describe('etcd over TLS with client certificates', { skip }, () => {
  let certs: EtcdCertificates;
  let cluster: EtcdCluster;
  const clients: EtcdClient[] = [];
  const client = (tls: EtcdTls, endpoints = cluster.endpoints) => {
    const c = new EtcdClient({ endpoints, requestTimeoutMs: 2000, tls });
    clients.push(c);
    return c;
  };
  const full = (): EtcdTls => ({ caFile: certs.ca, certFile: certs.clientCert, keyFile: certs.clientKey });

  before(async () => {
    certs = await makeEtcdCertificates();
    cluster = await startEtcdCluster({
      members: 3,
      name: 'fc-tls',
      tls: {
        ca: certs.ca,
        serverCert: certs.serverCert,
        serverKey: certs.serverKey,
        clientCert: certs.clientCert,
        clientKey: certs.clientKey,
      },
    });
  });
  after(async () => {
    for (const c of clients) c.close();
    await cluster?.stop();
    if (certs) await rm(certs.dir, { recursive: true, force: true });
  });

  it('put, get, txn, lease grant, renewal and revoke, a watch: over https with the client certificate', async () => {
    assert.ok(cluster.endpoints.every((e) => e.startsWith('https://127.0.0.1:')));
    const c = client(full());
    const watcher = new AbortController();
    const seen: string[] = [];
    const watching = (async () => {
      for await (const batch of c.watch('/t/tls/', { signal: watcher.signal }))
        for (const e of batch) seen.push(`${e.type} ${e.kv.key}`);
    })();
    // The watch stream is open once a put under its prefix is delivered.
    const deadline = Date.now() + 10_000;
    while (seen.length === 0 && Date.now() < deadline) {
      await c.put('/t/tls/ping', String(Date.now()));
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(seen.length > 0, 'the watch delivered nothing');

    const { revision } = await c.put('/t/tls/a', 'one');
    assert.equal((await c.get('/t/tls/a'))?.value, 'one');
    const lease = await c.leaseGrant(20);
    assert.equal(lease.ttl, 20);
    const created = await c.createIfAbsent('/t/tls/owned', 'mine', lease.id);
    assert.equal(created.created, true);
    assert.equal(created.kv.lease, lease.id);
    const txn = await c.txn({
      compare: [{ key: '/t/tls/a', target: 'MOD', result: 'EQUAL', modRevision: revision }],
      success: [{ put: { key: '/t/tls/a', value: 'two' } }],
    });
    assert.equal(txn.succeeded, true);
    assert.ok((await c.leaseKeepAlive(lease.id)).ttl > 0);
    await c.leaseRevoke(lease.id);
    assert.equal(await c.get('/t/tls/owned'), undefined, 'the leased key went with its lease');

    const until = Date.now() + 10_000;
    while (!seen.includes('DELETE /t/tls/owned') && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    watcher.abort();
    await watching;
    const after = seen.filter((e) => !e.endsWith('/ping'));
    assert.deepEqual(after, ['PUT /t/tls/a', 'PUT /t/tls/owned', 'PUT /t/tls/a', 'DELETE /t/tls/owned']);
  });

  it('without the client certificate: an error naming the endpoint that says a certificate is required', async () => {
    const endpoint = cluster.endpoints[0];
    const err = await expectEtcdError(
      'get without a client certificate',
      client({ caFile: certs.ca }, [endpoint]).get('/t/x'),
    );
    assert.equal(err.endpoint, endpoint);
    assert.ok(err.message.includes(endpoint), err.message);
    assert.match(err.message, /requires a client certificate/);
    assert.ok(err.message.includes('--etcd-cert'), `says what to give: ${err.message}`);
    assert.doesNotMatch(err.message, /\n|SSL routines/, 'no OpenSSL trace');
  });

  it('a client certificate from a CA the members do not trust: refused, naming the certificate', async () => {
    const endpoint = cluster.endpoints[0];
    const tls = { caFile: certs.ca, certFile: certs.strangerCert, keyFile: certs.strangerKey };
    const err = await expectEtcdError('get with a stranger certificate', client(tls, [endpoint]).get('/t/x'));
    assert.ok(err.message.includes(endpoint), err.message);
    assert.ok(err.message.includes(`refused the client certificate ${certs.strangerCert}`), err.message);
    assert.doesNotMatch(err.message, /\n|SSL routines/, 'no OpenSSL trace');
  });

  it('trusting the wrong CA: an error naming the endpoint that says its certificate is not trusted', async () => {
    const endpoint = cluster.endpoints[0];
    const err = await expectEtcdError(
      'get with the wrong CA',
      client({ ...full(), caFile: certs.otherCa }, [endpoint]).get('/t/x'),
    );
    assert.equal(err.endpoint, endpoint);
    assert.ok(err.message.includes(endpoint), err.message);
    assert.match(err.message, /certificate is not trusted/);
    assert.ok(err.message.includes(`the CA file ${certs.otherCa} (--etcd-ca) did not sign it`), err.message);
  });

  it('every endpoint failing: each is named with its reason', async () => {
    const err = await expectEtcdError(
      'put with the wrong CA',
      client({ ...full(), caFile: certs.otherCa }).put('/t/x', 'y'),
    );
    for (const endpoint of cluster.endpoints)
      assert.ok(err.message.includes(`${endpoint}: its certificate is not trusted`), err.message);
  });

  describe('the CLI', () => {
    let lease: string;
    let cwd: string;
    before(async () => {
      cwd = await mkdtemp(join(tmpdir(), 'tandem-tls-cli-'));
      const c = client(full());
      lease = (await c.leaseGrant(60)).id;
      const status: AgentStatus = {
        version: 1,
        node: NODE,
        agent: `host1:4242`,
        pid: 4242,
        host: 'host1',
        lease,
        ttlS: 60,
        startedAt: new Date().toISOString(),
        heartbeatAt: new Date().toISOString(),
        source: 'environments/tlsdemo',
        revision: 'a1b2c3d4e5f6a7b8c9d0',
        condition: 'Ready',
        message: 'converged',
        owned: [],
      };
      await c.put(agentKey(CLUSTER, NODE), JSON.stringify(status), { lease });
    });
    after(async () => {
      if (cwd) await rm(cwd, { recursive: true, force: true });
    });

    it('status --fleet with --etcd https://... --etcd-ca --etcd-cert --etcd-key reads the fleet', async () => {
      const r = await tandem(
        [
          'status',
          '--fleet',
          CLUSTER,
          '--format',
          'json',
          '--etcd',
          cluster.endpoints.join(','),
          '--etcd-ca',
          certs.ca,
          '--etcd-cert',
          certs.clientCert,
          '--etcd-key',
          certs.clientKey,
        ],
        {},
        cwd,
      );
      assert.equal(r.exitCode, 0, r.all);
      const out = JSON.parse(r.stdout) as { clusters: { cluster: string; agents: { node: string }[] }[] };
      assert.deepEqual(
        out.clusters.map((s) => [s.cluster, s.agents.map((a) => a.node)]),
        [[CLUSTER, [NODE]]],
      );
    });

    it('status --fleet with TANDEM_ETCD, TANDEM_ETCD_CA, _CERT and _KEY', async () => {
      const r = await tandem(
        ['status', '--fleet', CLUSTER],
        {
          TANDEM_ETCD: cluster.endpoints.join(','),
          TANDEM_ETCD_CA: certs.ca,
          TANDEM_ETCD_CERT: certs.clientCert,
          TANDEM_ETCD_KEY: certs.clientKey,
        },
        cwd,
      );
      assert.equal(r.exitCode, 0, r.all);
      assert.ok(r.stdout.includes(NODE), r.all);
      assert.match(r.stdout, /Ready/);
    });

    it('the wrong CA: exit 1, the endpoint named, "not trusted", no stack trace', async () => {
      const endpoint = cluster.endpoints[0];
      const r = await tandem(
        ['status', '--fleet', CLUSTER, '--etcd', endpoint],
        { TANDEM_ETCD_CA: certs.otherCa, TANDEM_ETCD_CERT: certs.clientCert, TANDEM_ETCD_KEY: certs.clientKey },
        cwd,
      );
      assert.equal(r.exitCode, 1, r.all);
      assert.ok(r.stderr.includes(endpoint), r.all);
      assert.match(r.stderr, /certificate is not trusted/);
      assert.doesNotMatch(r.all, /^\s+at /m, 'no stack trace');
    });

    it('without the client certificate: exit 1, the endpoint named, no stack trace', async () => {
      const endpoint = cluster.endpoints[0];
      const r = await tandem(['status', '--fleet', CLUSTER, '--etcd', endpoint, '--etcd-ca', certs.ca], {}, cwd);
      assert.equal(r.exitCode, 1, r.all);
      assert.ok(r.stderr.includes(endpoint), r.all);
      assert.match(r.stderr, /requires a client certificate/);
      assert.doesNotMatch(r.all, /^\s+at /m, 'no stack trace');
    });

    it('a certificate without its key is refused with exit 1 before any request', async () => {
      // A listener that counts connections stands in for etcd: nothing may reach it.
      let connections = 0;
      const server: Server = createServer((s) => {
        connections++;
        s.destroy();
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const address = server.address();
      const url = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      try {
        const flags = await tandem(
          ['status', '--fleet', CLUSTER, '--etcd', url, '--etcd-ca', certs.ca, '--etcd-cert', certs.clientCert],
          {},
          cwd,
        );
        assert.equal(flags.exitCode, 1, flags.all);
        assert.match(flags.stderr, /needs both the certificate and its key/);
        const env = await tandem(
          ['status', '--fleet', CLUSTER],
          { TANDEM_ETCD: url, TANDEM_ETCD_CERT: certs.clientCert },
          cwd,
        );
        assert.equal(env.exitCode, 1, env.all);
        assert.match(env.stderr, /needs both the certificate and its key/);
        const agent = await tandem(
          ['agent', resolve('environments/demo'), '--node', 'server1', '--etcd', url, '--etcd-key', certs.clientKey],
          { TANDEM_STATE_DIR: join(cwd, 'state') },
          cwd,
        );
        assert.equal(agent.exitCode, 1, agent.all);
        assert.match(agent.stderr, /needs both the certificate and its key/);
        const unreadable = await tandem(
          ['status', '--fleet', CLUSTER, '--etcd', url, '--etcd-ca', join(cwd, 'no-such-ca.crt')],
          {},
          cwd,
        );
        assert.equal(unreadable.exitCode, 1, unreadable.all);
        assert.ok(unreadable.stderr.includes(`CA file ${join(cwd, 'no-such-ca.crt')} cannot be read`), unreadable.all);
        for (const r of [flags, env, agent, unreadable]) assert.doesNotMatch(r.all, /^\s+at /m, 'no stack trace');
        assert.equal(connections, 0, 'no request was sent');
      } finally {
        await new Promise((r) => server.close(r));
      }
    });
  });
});
