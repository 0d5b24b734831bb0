import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AuditLog, auditFile, type AuditEvent } from '../../src/apply/audit.js';

describe('audit log', () => {
  it('defaults to $TANDEM_STATE_DIR/audit.ndjson', () => {
    assert.equal(auditFile({ env: { TANDEM_STATE_DIR: '/s' }, cwd: '/w' }), '/s/audit.ndjson');
    assert.equal(auditFile({ env: {}, cwd: '/w' }), '/w/.tandem/audit.ndjson');
  });

  it('appends one JSON event per line and never rewrites what is there', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'tandem-audit-')), 'sub', 'audit.ndjson');
    const streamed: AuditEvent[] = [];
    const clock = () => new Date('2026-02-03T04:05:06Z');
    const a = new AuditLog(file, 'plan1', (e) => streamed.push(e), clock);
    a.record({ event: 'apply-start' });
    a.record({
      event: 'batch',
      node: 'n1',
      wave: 1,
      command: ['ip', '-n', 'x', '-batch', '-'],
      result: 'ok',
      durationMs: 12.345,
    });
    await a.flush();
    const b = new AuditLog(file, 'plan2', undefined, clock);
    b.record({ event: 'step', node: 'n1', step: 'n1:addr:192.0.2.5', wave: 1, result: 'failed', error: 'Error: nope' });
    await b.flush();
    await b.flush(); // nothing buffered: nothing written
    const lines = (await readFile(file, 'utf8')).split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    const events = lines.map((l) => JSON.parse(l) as AuditEvent);
    assert.deepEqual(
      events.map((e) => [e.planId, e.event]),
      [
        ['plan1', 'apply-start'],
        ['plan1', 'batch'],
        ['plan2', 'step'],
      ],
    );
    assert.equal(events[0].time, '2026-02-03T04:05:06.000Z');
    assert.equal(events[1].durationMs, 12.3);
    assert.deepEqual(events[1].command, ['ip', '-n', 'x', '-batch', '-']);
    assert.equal(events[2].error, 'Error: nope');
    assert.deepEqual(
      streamed.map((e) => e.event),
      ['apply-start', 'batch'],
      'onEvent sees the same events as they happen',
    );
    assert.equal(a.count, 2);
  });

  it('keeps lines written by others before it', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'tandem-audit-')), 'audit.ndjson');
    await writeFile(file, '{"earlier":true}\n');
    const a = new AuditLog(file, 'p');
    a.record({ event: 'nothing-to-do' });
    await a.flush();
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    assert.equal(lines[0], '{"earlier":true}');
    assert.equal((JSON.parse(lines[1]) as AuditEvent).event, 'nothing-to-do');
  });
});
