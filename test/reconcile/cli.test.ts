// The reconcile, status, suspend and resume commands: exit codes, output, and a
// looping agent that stops cleanly on SIGTERM.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../../src/paths.js';
import type { ReconcileResult } from '../../src/reconcile/reconcile.js';
import { envFiles, makeRepos, runCli } from '../git/helpers.js';

const MAIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');

describe('reconcile commands', () => {
  it('reconcile --once, suspend, status and resume', async () => {
    const r = await makeRepos('tandem-reconcile-cli-');
    process.env.TANDEM_STATE_DIR = r.stateDir;
    const a = await r.commit(envFiles(), 'A');
    const run = (extra: string[] = []) =>
      runCli(['reconcile', 'environments/pair', '--repo', r.work, '--ref', 'main', '--once', ...extra], {
        stateDir: r.stateDir,
      });

    const none = await runCli(['status'], { stateDir: r.stateDir });
    assert.equal(none.code, 1);
    assert.match(none.stdout, /no reconcile status recorded/);

    const first = await run();
    assert.equal(first.code, 0, first.stderr + first.stdout);
    assert.match(first.stdout, new RegExp(`pair@${a.slice(0, 12)} applied \\(Ready, Applied\\)`));

    const sus = await runCli(['suspend', 'environments/pair', '--reason', 'freeze'], { stateDir: r.stateDir });
    assert.equal(sus.code, 0);
    const held = await run(['--format', 'json']);
    assert.equal(held.code, 0);
    assert.equal((JSON.parse(held.stdout) as Pick<ReconcileResult, 'result'>).result, 'suspended');
    const status = await runCli(['status'], { stateDir: r.stateDir });
    assert.equal(status.code, 0);
    assert.match(status.stdout, /suspended since .*: freeze/);
    assert.match(status.stdout, /last applied: {3}[0-9a-f]{12}/);
    assert.equal(
      (await runCli(['resume', 'pair'], { stateDir: r.stateDir })).stdout,
      'pair resumed: the next reconcile run applies the current revision\n',
    );

    await r.commit(
      {
        [`environments/pair/addresses.yaml`]: envFiles()['environments/pair/addresses.yaml'].replace(
          'active: alpha',
          'active: nobody',
        ),
      },
      'broken',
    );
    const broken = await run();
    assert.equal(broken.code, 3);
    assert.match(broken.stdout, /invalid \(Stalled, ValidationFailed\)/);

    const window = await run(['--window', 'Mon-Fri 25:00-26:00']);
    assert.equal(window.code, 1);
    assert.match(window.stderr, /--window: "25:00" is not a time/);
  });

  it('suspend of an environment that does not exist is an error; a folder of YAML is enough', async () => {
    const r = await makeRepos('tandem-reconcile-suspend-');
    await r.commit(envFiles(), 'A');
    const typo = await execa('node', [MAIN, 'suspend', 'environments/piar'], {
      cwd: r.work,
      env: { ...process.env, TANDEM_STATE_DIR: r.stateDir, NO_COLOR: '1' },
      reject: false,
    });
    assert.equal(typo.exitCode, 1, typo.stdout);
    assert.match(typo.stderr, /no environment "environments\/piar"/);
    assert.doesNotMatch(typo.stderr, /\n\s+at /, 'no stack trace');
    const status = await runCli(['status', 'piar'], { stateDir: r.stateDir });
    assert.doesNotMatch(status.stdout, /suspended/, 'nothing was recorded for the typo');
    const real = await runCli(['suspend', 'environments/pair'], { stateDir: r.stateDir, cwd: r.work });
    assert.equal(real.code, 0, real.stderr);
    assert.match(real.stdout, /pair suspended/);
  });

  it('a looping agent stops cleanly on SIGTERM', async () => {
    const r = await makeRepos('tandem-reconcile-sig-');
    await r.commit(envFiles(), 'A');
    const child = execa(
      'node',
      [MAIN, 'reconcile', 'environments/pair', '--repo', r.work, '--ref', 'main', '--interval', '1h'],
      {
        env: { ...process.env, TANDEM_STATE_DIR: r.stateDir, NO_COLOR: '1' },
        reject: false,
      },
    );
    let out = '';
    try {
      // Resolves on the first report, or when the agent exits before reporting.
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('next run in')) resolve();
        });
        void child.finally(() => resolve());
      });
      assert.match(out, /applied \(Ready, Applied\)/);
      assert.match(out, /next run in 1h(\d+m)?(\d+s)?\n/);
      const started = Date.now();
      child.kill('SIGTERM');
      const done = await child;
      assert.equal(done.exitCode, 0);
      assert.match(String(done.stderr), /SIGTERM received, stopping after the current run/);
      assert.ok(Date.now() - started < 5000);
    } finally {
      // Never leave an agent behind, whatever failed above.
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
