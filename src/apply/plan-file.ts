// Saved plans (`tandem plan --out FILE`, then `tandem apply --plan FILE`): reading one
// back with its shape checked, and deciding whether it is stale. A saved plan is applied
// exactly as planned or not at all: if the desired state or any node it observed changed
// since, it is refused and says what changed.
import { readFile } from 'node:fs/promises';
import type { Change } from '../diff/changes.js';
import { describeObject, sameObject } from '../diff/objects.js';
import type { Observation } from '../observe/model.js';
import { observedDigest } from '../plan/digest.js';
import { PLAN_FORMAT_VERSION, type PlanDocument } from '../plan/document.js';
import { compareStates, describeMismatch, kernelObjects } from './verify.js';
import { byCodePoint } from '../order.js';

export type PlanRead = { ok: true; plan: PlanDocument } | { ok: false; message: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isArr = (v: unknown): v is unknown[] => Array.isArray(v);

/** Shape problems of a plan document, empty when it can be applied. */
export function planShapeProblems(v: unknown): string[] {
  if (!isObj(v)) return ['not a JSON object'];
  const p: string[] = [];
  if (v.formatVersion !== PLAN_FORMAT_VERSION)
    p.push(`formatVersion is ${JSON.stringify(v.formatVersion)}, this tandem reads ${PLAN_FORMAT_VERSION}`);
  if (typeof v.id !== 'string' || !/^[0-9a-f]{1,64}$/.test(v.id)) p.push('id must be a hex string');
  if (typeof v.environment !== 'string') p.push('environment must be a string');
  if (!isObj(v.desiredRevision) || typeof v.desiredRevision.digest !== 'string')
    p.push('desiredRevision.digest must be a string');
  if (!isObj(v.nodes)) p.push('nodes must be an object');
  for (const k of ['changes', 'waves', 'refusals', 'warnings', 'deferrals', 'notes'] as const)
    if (!isArr(v[k])) p.push(`${k} must be a list`);
  if (isArr(v.waves)) {
    v.waves.forEach((w, i) => {
      if (!isObj(w) || typeof w.index !== 'number' || !isArr(w.nodes) || !isArr(w.steps))
        return void p.push(`waves[${i}] must have index, nodes and steps`);
      w.steps.forEach((s, j) => {
        const at = `waves[${i}].steps[${j}]`;
        if (
          !isObj(s) ||
          typeof s.id !== 'string' ||
          typeof s.node !== 'string' ||
          !isArr(s.ops) ||
          !isArr(s.pre) ||
          !isArr(s.post) ||
          !isArr(s.changeIds)
        ) {
          return void p.push(`${at} must have id, node, ops, pre, post and changeIds`);
        }
        if (
          s.ike !== undefined &&
          (!isObj(s.ike) ||
            !['load', 'initiate', 'terminate', 'unload'].includes(s.ike.action as string) ||
            typeof s.ike.connection !== 'string')
        )
          p.push(`${at}.ike must have an action (load, initiate, terminate, unload) and a connection`);
        s.ops.forEach((o, k) => {
          if (!isObj(o) || typeof o.op !== 'string') p.push(`${at}.ops[${k}] has no op`);
        });
        [...s.pre, ...s.post].forEach((c, k) => {
          if (!isObj(c) || typeof c.kind !== 'string') p.push(`${at}: check ${k} has no kind`);
        });
      });
    });
  }
  if (isArr(v.changes))
    v.changes.forEach((c, i) =>
      !isObj(c) || typeof c.id !== 'string' || typeof c.key !== 'string' || typeof c.action !== 'string'
        ? p.push(`changes[${i}] must have id, key and action`)
        : undefined,
    );
  return p;
}

export async function readPlanFile(path: string): Promise<PlanRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return {
      ok: false,
      message: `cannot read plan file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `plan file ${path} is not JSON: ${(err as Error).message}` };
  }
  const problems = planShapeProblems(value);
  if (problems.length)
    return {
      ok: false,
      message:
        `plan file ${path} is not a tandem plan: ${problems.slice(0, 5).join('; ')}` +
        (problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''),
    };
  return { ok: true, plan: value as PlanDocument };
}

/** What the node shows now for a planned change's object, when it is not what the plan saw. */
function changedObject(c: Change, now: ReturnType<typeof kernelObjects>): string | undefined {
  const have = now.get(c.key);
  if (c.before) {
    if (!have) return `${describeObject(c.before)} is gone`;
    if (!sameObject(have, c.before)) return `${describeObject(c.before)} is now ${describeObject(have)}`;
    return undefined;
  }
  return have && (!c.after || !sameObject(have, c.after)) ? `${describeObject(have)} appeared` : undefined;
}

/** What the plan made now does on `node` that the saved one did not, and the other way round. */
function planDifference(saved: PlanDocument, now: PlanDocument, node: string): string[] {
  const line = (c: Change) => `${c.action} ${describeObject((c.after ?? c.before)!)}`;
  const of = (p: PlanDocument) => new Set(p.changes.filter((c) => c.node === node).map(line));
  const then = of(saved);
  const fresh = of(now);
  const added = [...fresh].filter((l) => !then.has(l));
  const dropped = [...then].filter((l) => !fresh.has(l));
  const out: string[] = [];
  if (added.length) out.push(`also has to ${added.slice(0, 5).join(', ')}${more(added.length)}`);
  if (dropped.length) out.push(`no longer has to ${dropped.slice(0, 5).join(', ')}${more(dropped.length)}`);
  return out;
}

const more = (n: number) => (n > 5 ? ` and ${n - 5} more` : '');

function labHint(then: string, now: string): string {
  if (then === 'linux' && now === 'sim') return 'the plan was made with --lab; apply it with --lab, or plan again';
  if (then === 'sim' && now === 'linux') return 'the plan was made without --lab; apply it without, or plan again';
  return 'plan again with the same options';
}

/**
 * Why the plan is stale; empty when it still matches the desired state and every node it
 * observed. With the observations the plan was made from (a plan made in the same run),
 * nodes are compared the way the diff sees them, so what the kernel changes on its own
 * (an IPv6 address finishing DAD, a link-local address appearing, operational state)
 * does not make the plan stale; a saved plan carries only digests, which must match.
 */
export function staleReasons(
  plan: PlanDocument,
  desiredDigest: string | undefined,
  observations: ReadonlyMap<string, Observation>,
  planned?: ReadonlyMap<string, Observation>,
  replanned?: PlanDocument,
): string[] {
  const reasons: string[] = [];
  if (desiredDigest !== undefined && desiredDigest !== plan.desiredRevision.digest) {
    reasons.push(
      'the desired state changed since the plan was made ' +
        `(${plan.desiredRevision.digest.slice(0, 19)} then, ${desiredDigest.slice(0, 19)} now)`,
    );
  }
  for (const [node, meta] of Object.entries(plan.nodes).sort(([a], [b]) => byCodePoint(a, b))) {
    if (!meta.observedDigest) continue;
    const obs = observations.get(node);
    if (!obs?.ok) {
      reasons.push(`node ${node} cannot be observed now: ${obs ? obs.error.message : 'not observed'}`);
      continue;
    }
    if (observedDigest(obs.state) === meta.observedDigest) continue;
    // Another driver is another machine: a plan made on namespaces (--lab) says nothing
    // about the sim node of the same name, and the other way round.
    if (meta.driver && meta.driver !== obs.state.driver) {
      reasons.push(
        `node ${node} was observed through the ${meta.driver} driver when the plan was made, through ` +
          `${obs.state.driver} now: ${labHint(meta.driver, obs.state.driver)}`,
      );
      continue;
    }
    const then = planned?.get(node);
    if (then?.ok && observedDigest(then.state) === meta.observedDigest) {
      const moved = compareStates(then.state, obs.state);
      const inventory = JSON.stringify(then.state.inventory) !== JSON.stringify(obs.state.inventory);
      if (moved.length === 0 && !inventory) continue;
      reasons.push(
        `node ${node} changed since the plan was made: ` +
          [
            ...moved.slice(0, 5).map(describeMismatch),
            ...(inventory ? ['its tandem inventory changed (another apply?)'] : []),
          ].join('; '),
      );
      continue;
    }
    const now = kernelObjects(obs.state);
    const details = plan.changes
      .filter((c) => c.node === node)
      .map((c) => changedObject(c, now))
      .filter((d): d is string => !!d);
    const differs = replanned ? planDifference(plan, replanned, node) : [];
    if (!details.length && differs.length) {
      reasons.push(`node ${node} changed since the plan was made: a plan made now ${differs.join('; ')}`);
      continue;
    }
    reasons.push(
      `node ${node} changed since the plan was made` +
        (details.length
          ? `: ${details.slice(0, 5).join('; ')}`
          : ': none of the objects the plan changes moved, but others did (a saved plan keeps only a digest of ' +
            'what it observed: tandem plan shows what differs now)'),
    );
  }
  return reasons;
}
