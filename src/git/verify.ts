// Commit signature verification with git's own `git verify-commit`: tandem never
// parses signatures itself. Which keys are allowed is git's configuration:
//   - SSH signatures: an allowed-signers file (`gpg.ssh.allowedSignersFile`, the
//     format of ssh-keygen(1) ALLOWED SIGNERS), passed with --allowed-signers or set in
//     the git configuration of the user running tandem;
//   - OpenPGP signatures: the keys in the GnuPG keyring (GNUPGHOME) of that user, with
//     `gpg.minTrustLevel` if a trust level is wanted.
// An unsigned commit, a bad signature and a good signature by a key that is not
// allowed are all refused.
import type { GitSource } from './source.js';

export interface VerifyOptions {
  /** An ssh allowed-signers file; overrides gpg.ssh.allowedSignersFile. */
  allowedSignersFile?: string;
  /** GnuPG home holding the allowed OpenPGP keys. */
  gnupgHome?: string;
}

export type Verification = { ok: true; signer: string } | { ok: false; reason: string };

export async function verifyCommit(
  source: GitSource,
  commit: string,
  options: VerifyOptions = {},
): Promise<Verification> {
  const config = options.allowedSignersFile ? ['-c', `gpg.ssh.allowedSignersFile=${options.allowedSignersFile}`] : [];
  const env = options.gnupgHome ? { GNUPGHOME: options.gnupgHome } : undefined;
  const r = await source.run([...config, 'verify-commit', '--raw', commit], { env });
  const out = `${r.stderr}\n${r.stdout}`;
  if (r.exitCode === 0) return { ok: true, signer: signerOf(out) };
  const unsigned = /no signature found/i.test(out) || out.trim() === '';
  if (unsigned) return { ok: false, reason: `commit ${commit.slice(0, 12)} is not signed` };
  return { ok: false, reason: `commit ${commit.slice(0, 12)} is not signed by an allowed key: ${lastLine(out)}` };
}

function signerOf(out: string): string {
  const ssh = /Good "git" signature for (\S+) with (\S+) key (\S+)/.exec(out);
  if (ssh) return `${ssh[1]} (${ssh[2]} ${ssh[3]})`;
  const gpg = /\[GNUPG:\] GOODSIG (\S+) (.*)/.exec(out);
  if (gpg) return `${gpg[2]} (${gpg[1]})`;
  return lastLine(out);
}

function lastLine(s: string): string {
  return (
    s
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .pop() ?? 'no output'
  ).slice(0, 300);
}
