// One node's part of one wave: pre checks of its steps (a failed uniqueness check fails
// its step before anything is written), ONE batch with all the wave's ops of the node in
// step order, post checks, a fresh observation and the verification against the
// checkpoint. Each op's position in the batch is mapped back to its step, so a kernel
// error names the step.
import type { ObservedNode } from '../observe/model.js';
import type { PlanStep } from '../plan/document.js';
import type { KernelOp } from '../plan/ops.js';
import { describeCheck } from '../plan/checks.js';
import type { AuditLog } from './audit.js';
import { verifyWave } from './verify.js';
import type { CheckResult, IkeRunContext, WritableNode } from './writable-node.js';

/** How long an announcement (arping) gets to put its packet on the wire before an IKE step goes. */
export const ANNOUNCE_LEAD_MS = 100;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface NodeWaveOutcome {
  node: string;
  ok: boolean;
  /** Whether a kernel write was attempted (the node then needs rolling back on failure). */
  touched: boolean;
  /** Steps whose ops all took effect. */
  applied: string[];
  /** What failed; `op` is the kernel write the batch stopped at, when it was one. */
  failed?: { step?: string; error: string; op?: KernelOp };
  /** The state observed after the wave (when it got that far). */
  observed?: ObservedNode;
}

export interface NodeWaveInput {
  writer: WritableNode;
  steps: readonly PlanStep[];
  checkpoint: ObservedNode;
  wave: number;
  audit: AuditLog;
  /** True once another node of the wave failed: nodes that have not written yet stop. */
  aborting: () => boolean;
  progress?: (text: string) => void;
  /** For the wave's IKE steps (src/plan/ike-plan.ts): what they render from and resolve keys with. */
  ike?: IkeRunContext;
}

/** Which step each op of the concatenated batch belongs to. */
export function batchOf(steps: readonly PlanStep[]): { ops: KernelOp[]; stepOfOp: number[] } {
  const ops: KernelOp[] = [];
  const stepOfOp: number[] = [];
  steps.forEach((s, i) => {
    for (const op of s.ops) {
      ops.push(op);
      stepOfOp.push(i);
    }
  });
  return { ops, stepOfOp };
}

export async function runNodeWave(input: NodeWaveInput): Promise<NodeWaveOutcome> {
  const { writer, steps, wave, audit } = input;
  const node = writer.node;
  const out: NodeWaveOutcome = { node, ok: false, touched: false, applied: [] };
  const fail = (error: string, step?: string): NodeWaveOutcome => ({
    ...out,
    failed: { ...(step ? { step } : {}), error },
  });

  for (const step of steps) {
    for (const check of step.pre) {
      if (input.aborting()) return fail('stopped: another node of the wave failed');
      input.progress?.(`${node} · ${describeCheck(check)}`);
      const r = await writer.runCheck(check);
      audit.record({
        event: 'check',
        node,
        step: step.id,
        wave,
        result: r.ok ? (r.notApplicable ? 'not-applicable' : 'ok') : 'failed',
        durationMs: r.durationMs,
        ...(r.command ? { command: r.command } : {}),
        ...(r.ok
          ? r.note
            ? { detail: { phase: 'pre', kind: check.kind, note: r.note } }
            : { detail: { phase: 'pre', kind: check.kind } }
          : { error: r.error, detail: { phase: 'pre', kind: check.kind } }),
      });
      if (!r.ok) return fail(`pre check failed: ${r.error}`, step.id);
    }
  }

  // IKE loads come before the kernel batch (a connection is there before its address
  // arrives); initiate, terminate and unload after it and its post checks, so an arriving
  // address has been announced before the first IKE_SA_INIT goes out (TR015).
  const ikeSteps = (load: boolean) => steps.filter((s) => s.ike && (s.ike.action === 'load') === load);
  const loadFailed = await runIkeSteps(input, ikeSteps(true));
  if (loadFailed) return { ...fail(loadFailed.error, loadFailed.step), touched: out.touched };

  const { ops, stepOfOp } = batchOf(steps);
  if (ops.length > 0) {
    if (input.aborting()) return fail('stopped: another node of the wave failed');
    input.progress?.(`${node} · ${ops.length} kernel write${ops.length === 1 ? '' : 's'}`);
    out.touched = true;
    // The log must say what is about to be written before it is.
    await audit.flush();
    const r = await writer.apply(ops);
    audit.record({
      event: 'batch',
      node,
      wave,
      command: r.commands[0],
      result: r.failed ? 'failed' : 'ok',
      durationMs: r.durationMs,
      detail: { ops: ops.length, applied: r.applied, processes: r.commands.length },
      ...(r.failed ? { error: r.failed.error } : {}),
    });
    const failedStep = r.failed ? stepOfOp[r.failed.index] : undefined;
    steps.forEach((s, i) => {
      const result = failedStep === undefined || i < failedStep ? 'ok' : i === failedStep ? 'failed' : 'skipped';
      if (s.ops.length === 0 && result === 'ok') return;
      if (result === 'ok') out.applied.push(s.id);
      audit.record({
        event: 'step',
        node,
        step: s.id,
        wave,
        result,
        ...(i === failedStep ? { error: r.failed!.error } : {}),
      });
    });
    if (r.failed)
      return {
        ...fail(r.failed.error, failedStep !== undefined ? steps[failedStep].id : undefined),
        failed: {
          ...(failedStep !== undefined ? { step: steps[failedStep].id } : {}),
          error: r.failed.error,
          ...(ops[r.failed.index] ? { op: ops[r.failed.index] } : {}),
        },
      };
  }

  const recordPost = (stepId: string, check: PlanStep['post'][number], r: CheckResult) =>
    audit.record({
      event: 'check',
      node,
      step: stepId,
      wave,
      result: r.ok ? (r.notApplicable ? 'not-applicable' : 'ok') : 'failed',
      durationMs: r.durationMs,
      ...(r.command ? { command: r.command } : {}),
      ...(r.ok
        ? { detail: { phase: 'post', kind: check.kind, ...(r.note ? { note: r.note } : {}) } }
        : { error: r.error, detail: { phase: 'post', kind: check.kind } }),
    });
  const after = ikeSteps(false);
  // Announcements that an IKE step waits for: arping puts its packet on the wire as soon
  // as it starts and then lingers a second for answers an unsolicited ARP never gets, so
  // the IKE steps go once every announcement has had ANNOUNCE_LEAD_MS to be sent, not
  // after the linger; their outcome still decides the wave (awaited below).
  const announcing: Array<Promise<string | undefined>> = [];
  for (const step of steps) {
    for (const check of step.post) {
      input.progress?.(`${node} · ${describeCheck(check)}`);
      const running = writer.runCheck(check).then((r) => {
        recordPost(step.id, check, r);
        return r.ok ? undefined : `post check failed: ${r.error}`;
      });
      if (check.kind === 'gratuitous-arp' && after.length > 0) {
        announcing.push(running);
        await Promise.race([running, sleep(ANNOUNCE_LEAD_MS)]);
        continue;
      }
      const error = await running;
      if (error) return fail(error, step.id);
    }
  }
  const announced = async () => (await Promise.all(announcing)).find((e) => e !== undefined);

  const all = steps.map((s) => s.id);
  if (ops.length === 0) {
    const failed = await runIkeSteps(input, after);
    if (failed) return fail(failed.error, failed.step);
    const error = await announced();
    if (error) return fail(error);
    return { ...out, ok: true, applied: all, observed: await withFreshIke(input, input.checkpoint) };
  }
  const started = performance.now();
  const obs = await writer.observe();
  if (!obs.ok) {
    audit.record({
      event: 'verify',
      node,
      wave,
      result: 'failed',
      error: obs.error.message,
      durationMs: performance.now() - started,
    });
    return fail(`cannot observe the node after the wave: ${obs.error.message}`);
  }
  const v = verifyWave(input.checkpoint, ops, obs.state);
  audit.record({
    event: 'verify',
    node,
    wave,
    result: v.ok ? 'ok' : 'failed',
    durationMs: performance.now() - started,
    ...(v.ok ? {} : { error: v.message }),
  });
  if (!v.ok) {
    await announced();
    return { ...fail(`verification failed: ${v.message}`), observed: obs.state };
  }
  // Verified before the IKE steps: charon's own routes (kernel-libipsec's table 220) are
  // not the wave's kernel writes.
  const failed = await runIkeSteps(input, after);
  const announceError = await announced();
  if (failed) return { ...fail(failed.error, failed.step), touched: true };
  if (announceError) return { ...fail(announceError), touched: true };
  return { ...out, ok: true, applied: all, observed: after.length ? await withFreshIke(input, obs.state) : obs.state };
}

/** Runs IKE steps in order, each recorded; the first failure is returned. */
async function runIkeSteps(
  input: NodeWaveInput,
  steps: readonly PlanStep[],
): Promise<{ step: string; error: string } | undefined> {
  const { writer, audit, wave } = input;
  for (const s of steps) {
    if (input.aborting()) return { step: s.id, error: 'stopped: another node of the wave failed' };
    input.progress?.(`${writer.node} · ${s.description}`);
    const r =
      writer.runIke && input.ike
        ? await writer.runIke({ id: s.id, ike: s.ike! }, input.ike)
        : { ok: false, error: `${writer.target} cannot run IKE steps`, durationMs: 0 };
    audit.record({
      event: 'step',
      node: writer.node,
      step: s.id,
      wave,
      result: r.ok ? 'ok' : 'failed',
      durationMs: r.durationMs,
      detail: { ike: s.ike!.action, connection: s.ike!.connection },
      ...(r.error ? { error: r.error } : {}),
    });
    if (!r.ok) return { step: s.id, error: r.error ?? 'failed' };
  }
  return undefined;
}

/** The state with the node's charon as it is now (after IKE steps), the rest as verified. */
async function withFreshIke(input: NodeWaveInput, state: ObservedNode): Promise<ObservedNode> {
  if (!input.steps.some((s) => s.ike)) return state;
  const obs = await input.writer.observe();
  if (!obs.ok) return state;
  const { ike, ...rest } = state;
  void ike;
  return obs.state.ike ? { ...rest, ike: obs.state.ike } : rest;
}
