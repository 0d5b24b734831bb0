// Carrying out the IKE steps of a plan (src/plan/ike-steps.ts) on a node's charon: a load
// goes through the scratch check first and then into the live charon (that one
// connection, with its key); an initiate waits for the SA and reports charon's reason on
// failure; an unload terminates the connection's SA and unloads it with its key.
import { initiateConnection, terminateConnection } from '../ipsec/initiate.js';
import { checkThenLoad, sharedIdOf, type SecretSource } from '../ipsec/load.js';
import { withVici } from '../ipsec/vici.js';
import type { IkeStep } from '../plan/ike-steps.js';
import type { RenderedConnection } from '../render/swanctl.js';

export interface IkeStepContext {
  /** The node's charon VICI socket. */
  vici: string;
  /** The node's rendered connections (renderNodeConnections). */
  rendered: readonly RenderedConnection[];
  secrets: SecretSource;
  initiateTimeoutMs?: number;
}

export interface IkeStepOutcome {
  step: string;
  ok: boolean;
  error?: string;
}

export async function runIkeStep(step: IkeStep, ctx: IkeStepContext): Promise<IkeStepOutcome> {
  const fail = (error: string): IkeStepOutcome => ({ step: step.id, ok: false, error });
  switch (step.action) {
    case 'load': {
      const r = ctx.rendered.find((c) => c.name === step.connection);
      if (!r) return fail(`connection ${step.connection} is not rendered for ${step.node}`);
      const out = await checkThenLoad({ vici: ctx.vici, rendered: [r], secrets: ctx.secrets, unload: [] });
      if (out.scratch.length > 0)
        return fail(`scratch charon refused it, nothing loaded: ${out.scratch.map((p) => p.problem).join('; ')}`);
      if (out.live?.failed.length) return fail(out.live.failed.map((p) => p.problem).join('; '));
      return { step: step.id, ok: true };
    }
    case 'initiate': {
      const r = await initiateConnection(ctx.vici, step.connection, step.children ?? [], ctx.initiateTimeoutMs);
      return r.ok ? { step: step.id, ok: true } : fail(r.reason ?? 'initiate failed');
    }
    case 'terminate':
      // The plan terminates only after the address has left (TR015): the peer cannot be
      // told from an address the node no longer has, and has replaced the SA anyway.
      await terminateConnection(ctx.vici, step.connection, true);
      return { step: step.id, ok: true };
    case 'unload': {
      await terminateConnection(ctx.vici, step.connection, true);
      await withVici(ctx.vici, async (c) => {
        if ((await c.getConns()).includes(step.connection)) await c.unloadConn(step.connection);
        if ((await c.getShared()).includes(sharedIdOf(step.connection)))
          await c.unloadShared(sharedIdOf(step.connection));
      });
      return { step: step.id, ok: true };
    }
  }
}
