// Where the agent reads the desired state: the environment folder, read again on every
// pass, or a branch of the desired-state repository through reconcile's git source
// (fetched, resolved, read from git objects, written to the per-revision workspace for
// the drivers that read files). An invalid revision is never converged on: the agent
// keeps the last valid one and says why in its status.
import { join } from 'node:path';
import { desiredDigestOf } from '../../cli/prepare.js';
import { diagnosticLines } from '../../reconcile/reconcile.js';
import { GitSource, GitSourceError, type EnvironmentAtRevision } from '../../git/source.js';
import { loadFromTexts } from '../../load/load-environment.js';
import type { DesiredModel } from '../../model/desired.js';
import { envNameOf } from '../../reconcile/status.js';
import { writeWorkspace } from '../../reconcile/workspace.js';
import { validateEnvironment, validateLoaded, type ValidationResult } from '../../validate/index.js';

export interface Desired {
  model: DesiredModel;
  validation: ValidationResult;
  digest: string;
  /** The folder the drivers read (the environment folder, or the revision's workspace). */
  envDir: string;
  /** Path of the environment as the plan names it. */
  environment: string;
  commit?: string;
}

export type DesiredRead = { ok: true; desired: Desired } | { ok: false; message: string };

export interface DesiredSource {
  read(): Promise<DesiredRead>;
  describe(): string;
}

export function folderSource(dir: string): DesiredSource {
  return {
    describe: () => dir,
    async read() {
      const validation = await validateEnvironment(dir);
      if (!validation.valid || !validation.model)
        return { ok: false, message: `${dir} is invalid:\n${diagnosticLines(validation.diagnostics)}` };
      const digest = desiredDigestOf(validation);
      return { ok: true, desired: { model: validation.model, validation, digest, envDir: dir, environment: dir } };
    },
  };
}

export interface GitSourceOptions {
  repo: string;
  ref: string;
  envPath: string;
  stateDir: string;
  cwd: string;
}

export function gitSource(o: GitSourceOptions): DesiredSource {
  let source: GitSource | undefined;
  let last: { commit: string; read: DesiredRead } | undefined;
  const env = envNameOf(o.envPath);
  return {
    describe: () => `${o.repo}@${o.ref}:${o.envPath}`,
    async read(): Promise<DesiredRead> {
      try {
        source ??= await GitSource.open(o.repo, { stateDir: o.stateDir, cwd: o.cwd });
        await source.fetch();
        const commit = await source.resolve(o.ref);
        if (last?.commit === commit) return last.read;
        const rev = await source.readEnvironment(commit, o.envPath);
        const validation = loadAndValidate(rev.envPath, rev.files, source);
        let read: DesiredRead;
        if (!validation.valid || !validation.model) {
          read = {
            ok: false,
            message:
              `revision ${commit.slice(0, 12)} is invalid, not converged on:\n` +
              diagnosticLines(validation.diagnostics),
          };
        } else {
          const envDir = await writeWorkspace(o.stateDir, env, rev);
          read = {
            ok: true,
            desired: {
              model: validation.model,
              validation,
              digest: desiredDigestOf(validation),
              envDir,
              environment: o.envPath,
              commit,
            },
          };
        }
        last = { commit, read };
        return read;
      } catch (err) {
        if (!(err instanceof GitSourceError)) throw err;
        return { ok: false, message: err.message };
      }
    },
  };
}

function loadAndValidate(envPath: string, files: EnvironmentAtRevision['files'], source: GitSource): ValidationResult {
  // As reconcile does: a local repository's work tree is where key files are judged.
  return validateLoaded(loadFromTexts(envPath, files), {
    envDir: source.remote === undefined ? join(source.dir, envPath) : undefined,
  });
}
