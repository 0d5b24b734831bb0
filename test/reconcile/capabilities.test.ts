// reconcile on namespace nodes without the capabilities to enter them: the run fails
// as ObserveFailed (retryable), never as a refused plan, and the message names
// CAP_SYS_ADMIN (setns into a network namespace), not only CAP_NET_ADMIN. Run as a real
// process with every capability dropped by setpriv, against namespaces made here.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { makeRepos } from '../git/helpers.js';

const MAIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

async function why(): Promise<string | undefined> {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (process.getuid?.() !== 0) return 'making network namespaces needs root';
  const s = await execa('setpriv', ['--version'], { reject: false }).catch(() => ({ exitCode: 127 }));
  if (s.exitCode !== 0) return 'setpriv (util-linux) is not installed';
  return undefined;
}

const skip = await why();
if (skip) console.log(`# capability tests skipped: ${skip}`);

describe('reconcile without capabilities', { skip: skip ?? false }, () => {
  const sfx = `${(process.pid % 1296).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const namespaces = [`tdm-cap-a-${sfx}`, `tdm-cap-b-${sfx}`];
  let root: string | undefined;
  after(async () => {
    for (const ns of namespaces) await execa('ip', ['netns', 'del', ns], { reject: false });
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('reports ObserveFailed naming CAP_SYS_ADMIN, not a refused plan', async () => {
    for (const ns of namespaces) await execa('ip', ['netns', 'add', ns]);
    const r = await makeRepos('tandem-reconcile-caps-');
    root = r.root;
    const node = (name: string, ns: string, host: number) => `apiVersion: tandem/v1
kind: Node
metadata: { name: ${name} }
spec:
  provider: p1
  connection: { transport: netns, namespace: ${ns} }
  interfaces:
    - { name: eth0, type: physical, segment: public, addresses: [192.0.2.${host}/24] }
`;
    await r.commit(
      {
        'environments/caps/cluster.yaml': `apiVersion: tandem/v1
kind: Cluster
metadata: { name: caps }
spec:
  segments:
    - { name: public, subnets: [192.0.2.0/24] }
`,
        'environments/caps/nodes.yaml': `${node('alpha', namespaces[0], 11)}---\n${node('beta', namespaces[1], 12)}`,
      },
      'A',
    );
    const run = await execa(
      'setpriv',
      [
        '--inh-caps=-all',
        '--ambient-caps=-all',
        '--bounding-set=-all',
        '--',
        process.execPath,
        MAIN,
        'reconcile',
        'environments/caps',
        '--repo',
        r.work,
        '--ref',
        'main',
        '--once',
      ],
      { env: { ...process.env, TANDEM_STATE_DIR: r.stateDir, NO_COLOR: '1' }, reject: false, timeout: 60_000 },
    );
    const out = `${run.stdout}\n${run.stderr}`;
    assert.equal(run.exitCode, 1, out);
    assert.match(out, /ObserveFailed/, out);
    assert.doesNotMatch(out, /PlanRefused/, out);
    assert.match(out, /CAP_SYS_ADMIN/, out);
  });
});
