// What plan and apply both do first: validate the environment (refusing invalid input
// with file:line:col), then observe its nodes through their drivers.
import { basename, relative } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import type { DesiredModel } from '../model/desired.js';
import { driverFor, type DriverOptions } from '../observe/drivers/index.js';
import { invalidSnapshotProblems } from '../observe/drivers/snapshot.js';
import type { Observation } from '../observe/model.js';
import { observeNodes, selectNodes } from '../observe/observe-nodes.js';
import { digest } from '../plan/digest.js';
import { renderValidationText } from '../render/diagnostics.js';
import { styleFor } from '../render/style.js';
import { validateEnvironment, type ValidationResult } from '../validate/index.js';
import { EXIT, ExitError } from './errors.js';
import type { CliIO } from './io.js';

export interface Prepared {
  dir: string;
  model: DesiredModel;
  validation: ValidationResult;
  diagnostics: Diagnostic[];
  desiredDigest: string;
  observations: Map<string, Observation>;
}

export interface PrepareOptions extends DriverOptions {
  nodes?: string[];
  concurrency?: number;
}

/** Digest of the desired documents, independent of where the folder is checked out. */
export function desiredDigestOf(validation: ValidationResult): string {
  // One path.relative per file, not per document: a fleet's files hold thousands each.
  const names = new Map<string, string>();
  const nameOf = (file: string) => {
    let name = names.get(file);
    if (name === undefined) names.set(file, (name = relative(validation.env.dir, file) || basename(file)));
    return name;
  };
  return digest(
    validation.env.documents.map((d) => ({ file: nameOf(d.source.file), index: d.source.index, value: d.value })),
  );
}

export async function validateOrExit(dir: string, io: CliIO): Promise<ValidationResult & { model: DesiredModel }> {
  const validation = await validateEnvironment(dir);
  if (!validation.valid || !validation.model) {
    io.stderr.write(renderValidationText([validation], styleFor(io.stderr, io.env)));
    throw new ExitError(`${dir} is not valid: nothing was planned or changed`, EXIT.error);
  }
  return validation as ValidationResult & { model: DesiredModel };
}

export async function prepare(dir: string, options: PrepareOptions, io: CliIO): Promise<Prepared> {
  const validation = await validateOrExit(dir, io);
  const model = validation.model;
  const { unknown } = selectNodes(
    model.nodes.map((n) => n.doc),
    options.nodes,
  );
  if (unknown.length) throw new ExitError(`no node named ${unknown.join(', ')} in ${dir}`, EXIT.error);
  // Every node is observed even with --node: a move needs to see every node the
  // address may live on; the plan is then restricted to the selection.
  const drivers = model.nodes.map((n) =>
    driverFor(n.doc, { ...options, envDir: dir, env: io.env, cwd: io.cwd, sessions: io.sessions }),
  );
  const observations = new Map(
    (
      await observeNodes(drivers, { concurrency: options.concurrency ?? model.cluster?.doc.spec.rollout?.parallelism })
    ).map((o) => [o.node, o]),
  );
  if (options.observedDir !== undefined) refuseInvalidSnapshots(observations.values(), options.observedDir, io);
  return {
    dir,
    model,
    validation,
    diagnostics: validation.diagnostics,
    desiredDigest: desiredDigestOf(validation),
    observations,
  };
}

/** A snapshot folder with an invalid file is invalid input: every problem on stderr, exit 1. */
export function refuseInvalidSnapshots(observations: Iterable<Observation>, observedDir: string, io: CliIO): void {
  const problems = invalidSnapshotProblems(observations);
  if (problems.length === 0) return;
  io.stderr.write(problems.map((p) => `${p}\n`).join(''));
  throw new ExitError(
    `the snapshots in ${observedDir} are not valid observed state: nothing was planned or changed`,
    EXIT.error,
  );
}
