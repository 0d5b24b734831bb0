// `tandem plan ENV_DIR --base REV [--head REV] [--repo PATH|URL]`: what a change does
// to the desired state (base against head, document by document) and what the head
// means on the nodes (the usual plan, recording the head commit).
//
// The head is the working tree's ENV_DIR unless --head is given; both revisions are
// read from the object database, never checked out. Without --repo the repository is
// the one holding ENV_DIR. With --repo and an ENV_DIR outside it, ENV_DIR is the
// environment's path inside that repository and the head defaults to HEAD.
import { realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { EXIT, ExitError } from '../cli/errors.js';
import type { CliIO } from '../cli/io.js';
import { desiredDigestOf, refuseInvalidSnapshots, type PrepareOptions } from '../cli/prepare.js';
import { loadFromTexts } from '../load/load-environment.js';
import type { DesiredModel } from '../model/desired.js';
import { driverFor } from '../observe/drivers/index.js';
import { observeNodes, selectNodes } from '../observe/observe-nodes.js';
import type { PlanDocument } from '../plan/document.js';
import { planEnvironment } from '../plan/index.js';
import { renderValidationText } from '../render/diagnostics.js';
import type { RevisionRange } from '../render/desired-diff.js';
import { styleFor } from '../render/style.js';
import { stateDirOf } from '../reconcile/status.js';
import { validateEnvironment, validateLoaded, type ValidationResult } from '../validate/index.js';
import { desiredDocuments, diffDesired, type DesiredDiff } from './desired-diff.js';
import { GitSource, GitSourceError } from './source.js';

export interface PlanBaseOptions extends PrepareOptions {
  base: string;
  head?: string;
  repo?: string;
  prune?: boolean;
}

export interface PlanBaseResult {
  model: DesiredModel;
  plan: PlanDocument;
  desired: { diff: DesiredDiff; range: RevisionRange };
}

function safeReal(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

function inside(root: string, p: string): string | undefined {
  const rel = relative(safeReal(root), safeReal(p));
  return rel.startsWith('..') || resolve(rel) === rel ? undefined : rel.split(sep).join('/');
}

/** Where the repository is, which environment path inside it, and whether the head is the working tree. */
async function locate(
  dir: string,
  opts: PlanBaseOptions,
  io: CliIO,
): Promise<{ repo: string; envPath: string; workingTree: boolean }> {
  const abs = resolve(io.cwd, dir);
  if (opts.repo === undefined) {
    const top = await GitSource.toplevelOf(abs);
    if (!top) throw new ExitError(`${dir} is not inside a git repository: give --repo`, EXIT.error);
    return { repo: top, envPath: inside(top, abs) ?? '', workingTree: opts.head === undefined };
  }
  const localRepo = resolve(io.cwd, opts.repo);
  const rel = inside(localRepo, abs);
  if (rel !== undefined) return { repo: opts.repo, envPath: rel, workingTree: opts.head === undefined };
  return { repo: opts.repo, envPath: dir, workingTree: false };
}

export async function planAgainstBase(dir: string, opts: PlanBaseOptions, io: CliIO): Promise<PlanBaseResult> {
  const where = await locate(dir, opts, io);
  try {
    const source = await GitSource.open(where.repo, { stateDir: stateDirOf(io), cwd: io.cwd });
    await source.fetch();
    const baseCommit = await source.resolve(opts.base);
    let baseDocs: ReturnType<typeof desiredDocuments> = [];
    try {
      const base = await source.readEnvironment(baseCommit, where.envPath);
      baseDocs = desiredDocuments(loadFromTexts(base.envPath, base.files).documents, base.envPath);
    } catch (err) {
      // An environment that the change creates has no base: every document is added.
      if (!(err instanceof GitSourceError && err.kind === 'environment-not-found')) throw err;
    }
    let validation: ValidationResult;
    let headCommit: string | undefined;
    if (where.workingTree) {
      validation = await validateEnvironment(resolve(io.cwd, dir));
    } else {
      const head = await source.readEnvironment(opts.head ?? 'HEAD', where.envPath);
      headCommit = head.commit;
      // A local repository's work tree is where the environment lives on this machine (IPSEC007
      // judges key files against it); a remote one has no folder here.
      const envDir = source.remote === undefined ? join(source.dir, head.envPath) : undefined;
      validation = validateLoaded(loadFromTexts(head.envPath, head.files), { envDir });
    }
    if (!validation.valid || !validation.model) {
      io.stderr.write(renderValidationText([validation], styleFor(io.stderr, io.env)));
      throw new ExitError(
        `${dir}${headCommit ? ` at ${headCommit.slice(0, 12)}` : ''} is not valid: nothing was planned or changed`,
        EXIT.error,
      );
    }
    const model = validation.model;
    const headDocs = desiredDocuments(validation.env.documents, where.workingTree ? validation.env.dir : where.envPath);
    const diff = diffDesired(baseDocs, headDocs);

    const { unknown } = selectNodes(
      model.nodes.map((n) => n.doc),
      opts.nodes,
    );
    if (unknown.length) throw new ExitError(`no node named ${unknown.join(', ')} in ${dir}`, EXIT.error);
    const drivers = model.nodes.map((n) => driverFor(n.doc, { ...opts, envDir: resolve(io.cwd, dir) }));
    const observations = new Map(
      (
        await observeNodes(drivers, { concurrency: opts.concurrency ?? model.cluster?.doc.spec.rollout?.parallelism })
      ).map((o) => [o.node, o]),
    );
    if (opts.observedDir !== undefined) refuseInvalidSnapshots(observations.values(), opts.observedDir, io);
    const plan = planEnvironment({
      model,
      environment: dir,
      desiredDigest: desiredDigestOf(validation),
      commit: headCommit,
      observations,
      prune: opts.prune,
      nodes: opts.nodes?.length ? opts.nodes : undefined,
      diagnostics: validation.diagnostics,
    });
    return { model, plan, desired: { diff, range: { base: baseCommit, head: headCommit } } };
  } catch (err) {
    if (err instanceof GitSourceError) throw new ExitError(err.message, EXIT.error);
    throw err;
  }
}
