// Time for the reconcile loop, pure: durations ('30s', '5m', '1h30m'), the delay to
// the next run (interval plus jitter, exponential backoff after failures) and
// maintenance windows.
//
// A window is `DAYS HH:MM-HH:MM`, several joined by `;`, in the machine's local time
// (set TZ to choose another zone):
//   'Mon-Fri 22:00-06:00'    weekday nights; a window that ends at or before it starts
//                            crosses midnight and belongs to the day it starts on, so
//                            this one includes Saturday 03:00 but not Monday 03:00
//   'Sat,Sun 00:00-24:00'    whole weekend days
//   '02:00-04:00'            every day ('*' or 'daily' may be written as DAYS)
// Days: Mon Tue Wed Thu Fri Sat Sun or the full names (any case), single or as ranges, ranges may wrap
// (Fri-Mon).

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses '30s', '5m', '1h30m', '250ms' or a bare number of seconds; throws on anything else. */
export function parseDuration(text: string): number {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let at = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    total += Number(m[1]) * UNITS[m[2]];
    at = re.lastIndex;
  }
  if (at === 0 || at !== s.length)
    throw new Error(`${JSON.stringify(text)} is not a duration (use forms like 30s, 5m, 1h30m)`);
  return Math.round(total);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const parts: string[] = [];
  if (s >= 3600) parts.push(`${Math.floor(s / 3600)}h`);
  if (Math.floor(s / 60) % 60) parts.push(`${Math.floor(s / 60) % 60}m`);
  if (s % 60) parts.push(`${s % 60}s`);
  return parts.join('');
}

export interface DelayPolicy {
  intervalMs: number;
  jitterMs: number;
  /** First retry delay after a failure; doubles with each consecutive failure, capped at the interval. */
  retryBaseMs: number;
}

/**
 * The wait before the next run. `failures` counts consecutive retryable failures;
 * `random` is in [0, 1) (injected so tests are deterministic).
 */
export function nextDelay(policy: DelayPolicy, failures: number, random: number): number {
  const jitter = Math.floor(random * policy.jitterMs);
  if (failures <= 0) return policy.intervalMs + jitter;
  const backoff = Math.min(policy.intervalMs, policy.retryBaseMs * 2 ** Math.min(failures - 1, 30));
  return backoff + Math.floor(random * Math.min(policy.jitterMs, backoff));
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface WindowSpan {
  /** Days of the week a span starts on, 0 = Sunday. */
  days: Set<number>;
  /** Minutes after midnight. */
  start: number;
  /** Minutes after midnight, up to 1440; at or before start means the next day. */
  end: number;
}

export interface MaintenanceWindow {
  text: string;
  spans: WindowSpan[];
}

const FULL_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A day's short or full name, any case; anything else ('Monkey', 'Mo', 'Thurs') is refused, never guessed. */
function parseDay(d: string): number {
  const lower = d.toLowerCase();
  const i = lower.length === 3 ? DAYS.indexOf(lower) : FULL_DAYS.indexOf(lower);
  if (i < 0) throw new Error(`${JSON.stringify(d)} is not a day (Mon Tue Wed Thu Fri Sat Sun, or the full names)`);
  return i;
}

function parseDays(text: string): Set<number> {
  if (text === '*' || text.toLowerCase() === 'daily') return new Set([0, 1, 2, 3, 4, 5, 6]);
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [a, b] = part.split('-');
    if (b === undefined) {
      out.add(parseDay(a));
      continue;
    }
    const from = parseDay(a);
    const to = parseDay(b);
    for (let d = from; ; d = (d + 1) % 7) {
      out.add(d);
      if (d === to) break;
    }
  }
  return out;
}

function parseTime(t: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minutes > 1440)
    throw new Error(`${JSON.stringify(t)} is not a time (HH:MM, 00:00 to 24:00)`);
  return minutes;
}

export function parseWindow(text: string): MaintenanceWindow {
  const spans: WindowSpan[] = [];
  for (const raw of text.split(';')) {
    const part = raw.trim();
    if (!part) continue;
    const m = /^(?:(\S+)\s+)?(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$/.exec(part);
    if (!m) throw new Error(`${JSON.stringify(part)} is not a window (use 'Mon-Fri 22:00-06:00' or '02:00-04:00')`);
    const start = parseTime(m[2]);
    const end = parseTime(m[3]);
    if (start === end) throw new Error(`window ${JSON.stringify(part)} starts and ends at the same time`);
    spans.push({ days: parseDays(m[1] ?? '*'), start, end });
  }
  if (spans.length === 0) throw new Error('empty maintenance window');
  return { text, spans };
}

/** Whether `at` (local time) is inside the window. */
export function inWindow(w: MaintenanceWindow, at: Date): boolean {
  const day = at.getDay();
  const minute = at.getHours() * 60 + at.getMinutes();
  const yesterday = (day + 6) % 7;
  return w.spans.some((s) => {
    if (s.end > s.start) return s.days.has(day) && minute >= s.start && minute < s.end;
    // Crosses midnight: the evening part on its own day, the morning part on the next.
    return (s.days.has(day) && minute >= s.start) || (s.days.has(yesterday) && minute < s.end);
  });
}
