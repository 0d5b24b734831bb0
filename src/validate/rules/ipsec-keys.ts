// IPsec keys are references, never the key itself (DESIGN.md section 2: key material is
// never in the repository, only references to it). The schema accepts any value under
// `keys`, so that a literal key is refused here, by IPSEC011, and never by a schema
// error that would quote it: no message of this rule shows a value from under `keys`,
// and every finding marks its source line as secret, so the excerpt under it is masked.
import type { Diagnostic } from '../../diagnostics.js';
import { locate, type PathSegment, type SourceDoc } from '../../load/source.js';
import { defineRule, type Finding } from './rule.js';

/** What a valid environment variable name looks like (as in the schema before, now checked here). */
const ENV_NAME = /^[A-Z_][A-Z0-9_]{0,127}$/;
/** A plain field name, safe to show (a key written as a field name is not). */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/**
 * True for text that looks like key material rather than a name or a path: hex (with or
 * without 0x, 64 bits or more), base64 of 16 characters or more mixing digits and both
 * cases or padded with '=', a PEM block, or anything spanning lines.
 */
export function looksLikeKeyMaterial(text: string): boolean {
  if (/[\r\n]/.test(text) || text.includes('-----BEGIN')) return true;
  if (/^0x[0-9a-f]+$/i.test(text) || /^[0-9a-f]{16,}$/i.test(text)) return true;
  if (!/^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(text)) return false;
  return text.endsWith('=') || (/\d/.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text));
}

/** The key file path when `keys` is a well-formed file reference (IPSEC007 then checks where it points). */
export function keyFilePath(keys: unknown): string | undefined {
  if (keys === null || typeof keys !== 'object' || Array.isArray(keys)) return undefined;
  const { file } = keys as { file?: unknown };
  return typeof file === 'string' && file !== '' && !looksLikeKeyMaterial(file) ? file : undefined;
}

/** The field holding a key reference: an IPsec policy's keys, an IKE connection's psk. */
type KeyField = 'keys' | 'psk';

/** Why `keys` (or `psk`) of object `name` is not exactly one reference, with where to point; empty when it is one. */
function problems(name: string, src: SourceDoc, keys: unknown, at: KeyField = 'keys'): Finding[] {
  const finding = (summary: string, ...path: PathSegment[]): Finding => ({
    summary: `${name}: ${summary} (the value is not shown: it may be key material)`,
    detail:
      `Write ${at}: { env: VARIABLE } or ${at}: { file: /absolute/path/outside/the/repository } ` +
      'and keep the key itself out of the repository; a key that was committed is in the git history: ' +
      'replace it (see IPSEC011 in docs/rules.md).',
    objects: [name],
    source: { ...locate(src, ['spec', at, ...path]), redact: true },
  });
  if (keys === null) return [finding(`${at} is empty: it names neither env nor file`)];
  if (typeof keys !== 'object' || Array.isArray(keys))
    return [finding(`${at} is a literal value, not a reference to where the key is`)];
  const out: Finding[] = [];
  const fields = keys as Record<string, unknown>;
  for (const field of Object.keys(fields)) {
    if (field === 'env' || field === 'file') continue;
    const shown = FIELD_NAME.test(field) && !looksLikeKeyMaterial(field) ? `${at}.${field}` : `a field of ${at}`;
    out.push(finding(`${shown} is not a reference: ${at} holds only env or file, never the key itself`, field));
  }
  const { env, file } = fields;
  if (env !== undefined && (typeof env !== 'string' || !ENV_NAME.test(env) || looksLikeKeyMaterial(env)))
    out.push(finding(`${at}.env is not the name of an environment variable`, 'env'));
  if (file !== undefined && (typeof file !== 'string' || file === '' || looksLikeKeyMaterial(file)))
    out.push(finding(`${at}.file is not a path`, 'file'));
  if (env !== undefined && file !== undefined) out.push(finding(`${at} names both env and file: name one`));
  if (env === undefined && file === undefined && out.length === 0)
    out.push(finding(`${at} names neither env nor file`));
  return out;
}

const RATIONALE =
  'A key written into the desired state is readable by everyone with the repository, forever ' +
  '(history keeps it), and would be shown again in every plan, log and pull-request comment that quotes it.';
const REFERENCE = 'docs/decisions.md (Static rules: key material is referenced, never stored)';

export const keysAreReferences = defineRule({
  id: 'IPSEC011',
  severity: 'error',
  title:
    "An IPsec policy's keys and an IKE connection's psk are a reference to key material, exactly one of " +
    'env (a variable name) or file, never the key itself; the message never shows the value',
  rationale: RATIONALE,
  reference: REFERENCE,
  check(model) {
    const findings: Finding[] = [];
    for (const p of model.ipsecPolicies) {
      const keys: unknown = p.doc.spec.keys;
      if (keys !== undefined) findings.push(...problems(`IPsecPolicy/${p.name}`, p.src, keys));
    }
    for (const c of model.ikeEntries) {
      const psk: unknown = c.doc.spec.psk;
      if (psk !== undefined) findings.push(...problems(`IKEConnection/${c.name}`, c.src, psk, 'psk'));
    }
    return findings;
  },
});

/**
 * IPSEC011 over documents as parsed, for an environment that never reaches the rules
 * (YAML or schema errors): a literal key is refused, and its line masked under every
 * other diagnostic that points there, whatever else is wrong.
 */
export function literalKeyDiagnostics(documents: ReadonlyArray<{ value: unknown; source: SourceDoc }>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of documents) {
    const v = d.value as {
      kind?: unknown;
      metadata?: { name?: unknown };
      spec?: { keys?: unknown; psk?: unknown };
    } | null;
    const field: KeyField | undefined =
      v?.kind === 'IPsecPolicy' ? 'keys' : v?.kind === 'IKEConnection' ? 'psk' : undefined;
    if (field === undefined || v?.spec === null || typeof v?.spec !== 'object' || v.spec[field] === undefined) continue;
    const name = `${v.kind as string}/${typeof v.metadata?.name === 'string' ? v.metadata.name : '?'}`;
    for (const f of problems(name, d.source, v.spec[field], field))
      out.push({ severity: 'error', ruleId: 'IPSEC011', reference: REFERENCE, ...f });
  }
  return out;
}

/**
 * True when a value found under an IPsec policy's `keys` (or an IKE connection's `psk`) may be shown (in a
 * desired-state diff, say): a well-formed reference or one of its fields (`field` is
 * 'env' or 'file' for a field's value, undefined for the whole of `keys`). A literal key
 * committed earlier is never quoted again, not even when a change removes it.
 */
export function isShowableKeyReference(value: unknown, field?: string): boolean {
  if (field === 'env') return typeof value === 'string' && ENV_NAME.test(value) && !looksLikeKeyMaterial(value);
  if (field === 'file') return typeof value === 'string' && value.startsWith('/') && !looksLikeKeyMaterial(value);
  if (field !== undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length === 1 && isShowableKeyReference(entries[0][1], entries[0][0]);
}
