import { writeFile } from 'node:fs/promises';
import { planOutcome, type PlanDocument } from '../../plan/document.js';
import { planEnvironment } from '../../plan/index.js';
import { renderMermaid } from '../../render/graph-mermaid.js';
import { renderPlanMarkdown } from '../../render/plan-markdown.js';
import { renderPlanText } from '../../render/plan-text.js';
import { withDesiredMarkdown, withDesiredText } from '../../render/desired-diff.js';
import { planAgainstBase } from '../../git/plan-base.js';
import { styleFor } from '../../render/style.js';
import { EXIT } from '../errors.js';
import type { CliIO } from '../io.js';
import { prepare, validateOrExit, type PrepareOptions } from '../prepare.js';

export interface PlanOptions extends PrepareOptions {
  /** The git commit the desired state was read from, recorded in the plan. */
  commit?: string;
  format: 'text' | 'markdown' | 'json';
  out?: string;
  prune?: boolean;
  /** With base: also show what the change base..head does to the desired state (src/git/plan-base.ts). */
  base?: string;
  head?: string;
  repo?: string;
}

export function exitCodeFor(plan: PlanDocument): number {
  const outcome = planOutcome(plan);
  return outcome === 'refused' ? EXIT.refused : outcome === 'changes' ? EXIT.changes : EXIT.ok;
}

export async function makePlan(dir: string, opts: PlanOptions, io: CliIO) {
  const prepared = await prepare(dir, opts, io);
  const plan = planEnvironment({
    model: prepared.model,
    environment: dir,
    desiredDigest: prepared.desiredDigest,
    observations: prepared.observations,
    prune: opts.prune,
    ...(opts.commit ? { commit: opts.commit } : {}),
    nodes: opts.nodes?.length ? opts.nodes : undefined,
    diagnostics: prepared.diagnostics,
  });
  return { prepared, plan };
}

export async function planCommand(dir: string, opts: PlanOptions, io: CliIO): Promise<number> {
  const { model, plan, desired } = opts.base
    ? await planAgainstBase(dir, { ...opts, base: opts.base }, io)
    : await makePlan(dir, opts, io).then(({ prepared, plan }) => ({ model: prepared.model, plan, desired: undefined }));
  if (opts.out) await writeFile(opts.out, JSON.stringify(plan, null, 2) + '\n');
  if (opts.format === 'json') io.stdout.write(JSON.stringify(plan, null, 2) + '\n');
  else if (opts.format === 'markdown')
    io.stdout.write(
      withDesiredMarkdown(renderPlanMarkdown(plan, { mermaid: renderMermaid(model, plan.placements) }), desired),
    );
  else
    io.stdout.write(
      withDesiredText(renderPlanText(plan, styleFor(io.stdout, io.env)), desired, styleFor(io.stdout, io.env)),
    );
  return exitCodeFor(plan);
}

export async function graphCommand(dir: string, io: CliIO): Promise<number> {
  const validation = await validateOrExit(dir, io);
  io.stdout.write(renderMermaid(validation.model));
  return EXIT.ok;
}
