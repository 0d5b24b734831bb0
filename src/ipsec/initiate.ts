// Bringing a connection's SAs up from this side, and saying why when they do not come up:
// charon streams its control log during initiate; the line that names the failure
// (authentication, no proposal chosen, peer not responding) is the reason reported.
import { withVici } from './vici.js';

export interface InitiateOutcome {
  connection: string;
  ok: boolean;
  /** On failure: charon's error and the log line that explains it. Never a key. */
  reason?: string;
}

const EXPLAINING = [
  /AUTHENTICATION_FAILED/,
  /authentication of .* failed/i,
  /NO_PROPOSAL_CHOSEN/,
  /no (matching )?proposal/i,
  /TS_UNACCEPTABLE/,
  /giving up after \d+ retransmits/,
  /unable to (resolve|find|establish)/i,
  /no local address found/i,
];

/** The log line that best says why an initiate failed (pure). */
export function failureReason(errmsg: string, log: string[]): string {
  for (const pattern of EXPLAINING) {
    const line = log.find((l) => pattern.test(l));
    if (line) return `${errmsg || 'initiate failed'}: ${line.trim()}`;
  }
  return errmsg || 'initiate failed';
}

/** Initiates every child of the connection (the first brings up the IKE_SA). */
export async function initiateConnection(
  vici: string,
  connection: string,
  children: string[],
  timeoutMs = 10_000,
): Promise<InitiateOutcome> {
  return withVici(vici, async (c) => {
    for (const child of children) {
      const r = await c.initiate(child, connection, timeoutMs);
      if (!r.ok) return { connection, ok: false, reason: failureReason(r.errmsg, r.log) };
    }
    return { connection, ok: true };
  });
}

/**
 * Terminates the connection's IKE_SA (and with it its children); a missing SA is not an
 * error. `force`: without waiting for the peer (the local address has gone).
 */
export async function terminateConnection(vici: string, connection: string, force = false): Promise<void> {
  await withVici(vici, async (c) => {
    const up = await c.listSas(connection);
    if (up.length > 0) await c.terminate(connection, 5_000, force);
  });
}
