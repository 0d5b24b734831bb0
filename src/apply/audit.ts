// The audit log: append-only NDJSON, one event per line, in `$TANDEM_STATE_DIR/audit.ndjson`
// (default `.tandem/audit.ndjson`). The file is only ever opened for appending. Events
// are buffered and flushed before every kernel write and at the end, so a crash loses at
// most what happened since the last write began, and the log always says what was about
// to be written. The same events go to `onEvent` (`tandem apply --json` streams them).
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stateDir } from '../state-dir.js';

export type AuditEventName =
  | 'apply-start'
  | 'nothing-to-do'
  | 'refused'
  | 'stale'
  | 'locked'
  | 'lock'
  | 'lock-takeover'
  | 'lock-broken'
  | 'unlock'
  | 'wave-start'
  | 'check'
  | 'batch'
  | 'step'
  | 'verify'
  | 'inventory'
  | 'rollback'
  | 'restore'
  | 'conflict'
  | 'wave-done'
  | 'wave-aborted'
  | 'apply-done'
  | 'trial-start'
  | 'trial-confirm'
  | 'trial-rollback';

export interface AuditEvent {
  time: string;
  planId: string;
  event: AuditEventName;
  node?: string;
  step?: string;
  wave?: number;
  command?: string[];
  /** Mostly 'ok', 'failed', 'skipped' or 'not-applicable'; apply-done has the outcome, some events a sentence. */
  result?: string;
  durationMs?: number;
  error?: string;
  detail?: unknown;
}

export function auditFile(loc: { env: NodeJS.ProcessEnv; cwd: string }): string {
  return stateDir(loc, 'audit.ndjson');
}

export class AuditLog {
  private buffer: string[] = [];
  private ready?: Promise<void>;
  count = 0;

  constructor(
    readonly file: string | undefined,
    readonly planId: string,
    private readonly onEvent?: (e: AuditEvent) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(event: Omit<AuditEvent, 'time' | 'planId'>): AuditEvent {
    const e: AuditEvent = { time: this.now().toISOString(), planId: this.planId, ...event };
    if (e.durationMs !== undefined) e.durationMs = Math.round(e.durationMs * 10) / 10;
    this.count++;
    this.buffer.push(JSON.stringify(e));
    this.onEvent?.(e);
    return e;
  }

  async flush(): Promise<void> {
    if (!this.file || this.buffer.length === 0) {
      this.buffer = [];
      return;
    }
    const lines = this.buffer.join('\n') + '\n';
    this.buffer = [];
    this.ready ??= mkdir(dirname(this.file), { recursive: true }).then(() => undefined);
    await this.ready;
    await appendFile(this.file, lines, { flag: 'a' });
  }
}
