// The commands the uniqueness check runs (src/apply/checks.ts): iputils arping takes whole
// seconds, so a sub-second check is one probe cut short by timeout(1); and a missing
// arping behind timeout(1) is still reported as a missing program.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uniquenessCommand } from '../../src/apply/checks.js';
import { classifyFailure } from '../../src/observe/drivers/linux/process-transport.js';

describe('uniqueness check command', () => {
  it('a check of a second or more is two probes with arping’s own deadline', () => {
    assert.deepEqual(uniquenessCommand('eth0', '192.0.2.5', 1000), [
      'arping',
      '-D',
      '-q',
      '-c',
      '2',
      '-w',
      '1',
      '-I',
      'eth0',
      '192.0.2.5',
    ]);
    assert.deepEqual(uniquenessCommand('eth0', '192.0.2.5', 2500).slice(4, 7), ['2', '-w', '3']);
  });

  it('a shorter check is one probe interrupted at the asked time, keeping arping’s exit status', () => {
    assert.deepEqual(uniquenessCommand('eth1', '192.0.2.5', 300), [
      'timeout',
      '--preserve-status',
      '-s',
      'INT',
      '0.300',
      'arping',
      '-D',
      '-q',
      '-c',
      '1',
      '-w',
      '1',
      '-I',
      'eth1',
      '192.0.2.5',
    ]);
  });

  it('timeout(1) failing to start arping names arping and its package', () => {
    const e = classifyFailure(['ip', 'netns', 'exec', 'ns1', 'timeout', '0.300', 'arping'], {
      timedOut: false,
      timeoutMs: 5000,
      exitCode: 127,
      stderr: "timeout: failed to run command 'arping': No such file or directory\n",
    });
    assert.equal(e.kind, 'missing-binary');
    assert.match(e.message, /arping is not installed/);
    assert.match(e.message, /iputils-arping/);
  });
});
