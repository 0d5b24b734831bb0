// IPsec policies: seeds 000 and 001 ("IPSec Configuration": policies, SAs and IKE on
// the CLIM; not failed over, so identical on home and failover CLIMs) and seed 003
// (HP-UX IPsec with Serviceguard: package addresses relocate to an adoptive node that
// must protect them the same way). This module checks each policy on its own: a valid
// single-family selector, action fields that fit together, a scope that exists, and key
// files kept out of the repository. Literal keys (IPSEC011) are refused in
// ipsec-keys.ts; the cross-node rules are in ipsec-coverage.ts (IPSEC004) and
// ipsec-shadowing.ts (IPSEC005, IPSEC006).
import path from 'node:path';
import { at } from '../../model/desired.js';
import { parseCidr, parseIp } from '../../model/ip.js';
import { policyIdentical } from './ipsec-coverage.js';
import { shadowingRules } from './ipsec-shadowing.js';
import { keyFilePath, keysAreReferences } from './ipsec-keys.js';
import { defineRule, type Finding } from './rule.js';
import { ipsecName, selectorOf, type Policy } from './util-ipsec.js';
import { didYouMean } from '../suggest.js';

export const selectorSingleFamily = defineRule({
  id: 'IPSEC001',
  severity: 'error',
  title: 'A selector has source and destination of one address family',
  rationale: 'An XFRM selector has one family; a mixed selector cannot be installed.',
  reference: 'Linux ip-xfrm(8) (SELECTOR: src and dst of one family); NonStop CIP manual "IPSec Configuration"',
  check(model) {
    const findings: Finding[] = [];
    for (const p of model.ipsecPolicies) {
      if (selectorOf(p)) continue;
      const { source, destination } = p.doc.spec.selector;
      const s = parseCidr(source);
      const d = parseCidr(destination);
      if (!s || !d || s.family === d.family) continue;
      findings.push({
        summary:
          `${ipsecName(p)}: selector source ${source} is IPv${s.family} ` +
          `but destination ${destination} is IPv${d.family}`,
        detail: 'Write one policy per address family.',
        objects: [ipsecName(p)],
        source: at(p, 'spec', 'selector', 'destination'),
        related: [{ source: at(p, 'spec', 'selector', 'source'), note: 'selector source' }],
      });
    }
    return findings;
  },
});

const SA_FIELDS = ['protocol', 'mode', 'level', 'tunnel'] as const;

export const actionFieldsConsistent = defineRule({
  id: 'IPSEC002',
  severity: 'error',
  title:
    'protect has protocol and mode; tunnel mode has tunnel endpoints of the selector family; ' +
    'transport, allow and block have none',
  rationale: 'A policy whose fields contradict its action would be installed differently from what the reviewer read.',
  reference: 'Linux ip-xfrm(8) (TMPL: proto, mode, tunnel src/dst); NonStop CIP manual "IPSec Configuration"',
  check(model) {
    const findings: Finding[] = [];
    const report = (p: Policy, field: string, summary: string, detail: string) =>
      findings.push({
        summary: `${ipsecName(p)}: ${summary}`,
        detail,
        objects: [ipsecName(p)],
        source: at(p, 'spec', field),
      });
    for (const p of model.ipsecPolicies) {
      const s = p.doc.spec;
      if (s.action !== 'protect') {
        for (const field of SA_FIELDS) {
          if (s[field] !== undefined)
            report(p, field, `action ${s.action} with ${field}`, `${field} only applies to action protect; remove it.`);
        }
        continue;
      }
      if (s.protocol === undefined)
        report(p, 'action', 'action protect without protocol', 'Add protocol: esp (or ah).');
      if (s.mode === undefined) report(p, 'action', 'action protect without mode', 'Add mode: transport or tunnel.');
      if (s.mode === 'transport' && s.tunnel) {
        report(p, 'tunnel', 'transport mode with tunnel endpoints', 'Remove tunnel, or use mode: tunnel.');
      }
      if (s.mode !== 'tunnel') continue;
      if (!s.tunnel) {
        report(
          p,
          'mode',
          'tunnel mode without tunnel endpoints',
          'Add tunnel: { source, destination } with the outer addresses.',
        );
        continue;
      }
      const selectorFamily = selectorOf(p)?.family;
      for (const end of ['source', 'destination'] as const) {
        const ip = parseIp(s.tunnel[end]);
        if (!ip || selectorFamily === undefined || ip.family === selectorFamily) continue;
        findings.push({
          summary:
            `${ipsecName(p)}: tunnel ${end} ${s.tunnel[end]} is IPv${ip.family} ` +
            `but the selector is IPv${selectorFamily}`,
          detail: `Use IPv${selectorFamily} tunnel endpoints (tandem does not support inter-family tunnels).`,
          objects: [ipsecName(p)],
          source: at(p, 'spec', 'tunnel', end),
          related: [{ source: at(p, 'spec', 'selector'), note: 'selector' }],
        });
      }
    }
    return findings;
  },
});

export const scopeExists = defineRule({
  id: 'IPSEC003',
  severity: 'error',
  title: 'appliesTo is not empty and names existing nodes and an existing relocatable address',
  rationale: 'A policy installed nowhere protects nothing; a misspelt node silently leaves that node unprotected.',
  reference: 'HP-UX IPSec guide, Serviceguard appendix (the policy must be on every node the package may run on)',
  check(model) {
    const findings: Finding[] = [];
    for (const p of model.ipsecPolicies) {
      const { nodes = [], relocatableAddress } = p.doc.spec.appliesTo;
      if (nodes.length === 0 && relocatableAddress === undefined) {
        findings.push({
          summary: `${ipsecName(p)}: appliesTo names no node and no relocatable address`,
          detail: 'Add appliesTo.nodes or appliesTo.relocatableAddress.',
          objects: [ipsecName(p)],
          source: at(p, 'spec', 'appliesTo'),
        });
      }
      nodes.forEach((n, i) => {
        if (model.nodeByName.has(n)) return;
        findings.push({
          summary: `${ipsecName(p)}: appliesTo names Node/${n}, which is not defined`,
          detail: `${didYouMean(n, model.nodeByName.keys())}Define Node/${n} or remove it from appliesTo.nodes.`,
          objects: [ipsecName(p), `Node/${n}`],
          source: at(p, 'spec', 'appliesTo', 'nodes', i),
        });
      });
      if (relocatableAddress !== undefined && !model.relocatableByName.has(relocatableAddress)) {
        findings.push({
          summary: `${ipsecName(p)}: appliesTo names RelocatableAddress/${relocatableAddress}, which is not defined`,
          detail:
            `${didYouMean(relocatableAddress, model.relocatableByName.keys())}` +
            `Define RelocatableAddress/${relocatableAddress} or correct appliesTo.relocatableAddress.`,
          objects: [ipsecName(p), `RelocatableAddress/${relocatableAddress}`],
          source: at(p, 'spec', 'appliesTo', 'relocatableAddress'),
        });
      }
    }
    return findings;
  },
});

/** The folder of a document given by an absolute path (lexically: never resolved against the working directory). */
function absoluteDirOf(documentFile: string): string | undefined {
  return path.posix.isAbsolute(documentFile) ? path.posix.dirname(path.posix.normalize(documentFile)) : undefined;
}

/**
 * Why a key file path may not be used, or undefined. Off limits: relative paths, any
 * '..' segment and, when the environment's folder on this machine is known (`envDir`,
 * absolute), that folder and - when it sits in a folder named `environments` (the
 * repository layout) - the repository root above it. Pure and lexical: nothing is
 * resolved against the working directory, so every command gives the same answer for
 * the same environment, wherever it runs from. The repository is recognised by that
 * layout, not by looking for .git.
 */
export function keyFileProblem(file: string, envDir?: string): string | undefined {
  if (!path.posix.isAbsolute(file)) return 'is not an absolute path';
  if (file.split('/').includes('..')) return "contains '..'";
  if (envDir === undefined || !path.posix.isAbsolute(envDir)) return undefined;
  const env = path.posix.normalize(envDir).replace(/(.)\/+$/, '$1');
  const parent = path.posix.dirname(env);
  const offLimits = path.posix.basename(parent) === 'environments' ? path.posix.dirname(parent) : env;
  const rel = path.posix.relative(offLimits, path.posix.normalize(file));
  if (rel === '' || (rel !== '..' && !rel.startsWith('../') && !path.posix.isAbsolute(rel)))
    return `lies inside the repository (${offLimits})`;
  return undefined;
}

export const keysOutsideRepository = defineRule({
  id: 'IPSEC007',
  severity: 'error',
  title: 'keys.file is an absolute path outside the repository',
  rationale: 'Key material committed to git is readable by everyone with the repository, forever (history keeps it).',
  reference: 'docs/decisions.md (Static rules: key material is referenced, never stored)',
  check(model, context) {
    const findings: Finding[] = [];
    for (const p of model.ipsecPolicies) {
      // Key material in place of a path is IPSEC011's, and never shown.
      const file = keyFilePath(p.doc.spec.keys);
      if (file === undefined) continue;
      const problem = keyFileProblem(file, context.envDir ?? absoluteDirOf(p.src.file));
      if (!problem) continue;
      // Only a value that reads as a path is quoted: a bare word could be a password.
      const pathLike = file.includes('/');
      findings.push({
        summary: pathLike
          ? `${ipsecName(p)}: key file ${file} ${problem}`
          : `${ipsecName(p)}: keys.file ${problem} (the value is not shown: it may be key material)`,
        detail:
          'Keep keys outside the repository: ' +
          'an absolute path such as /etc/tandem/keys/<name>, or keys: { env: VARIABLE }.',
        objects: [ipsecName(p)],
        source: pathLike ? at(p, 'spec', 'keys', 'file') : { ...at(p, 'spec', 'keys', 'file'), redact: true },
      });
    }
    return findings;
  },
});

export const protectHasKeys = defineRule({
  id: 'IPSEC008',
  severity: 'error',
  title: 'action protect names where its keys are (keys.env or keys.file)',
  rationale:
    'tandem installs manually keyed SAs; ' +
    'a protect policy without keys would drop or leak the traffic it should protect.',
  reference:
    'NonStop CIP manual "IPSec Configuration" (policies and security associations); ' +
    'docs/decisions.md (Static rules: key material is referenced, never stored)',
  check(model) {
    const findings: Finding[] = [];
    for (const p of model.ipsecPolicies) {
      if (p.doc.spec.action !== 'protect' || p.doc.spec.keys !== undefined) continue;
      findings.push({
        summary: `${ipsecName(p)}: action protect without keys`,
        detail: 'Add keys: { env: VARIABLE } or keys: { file: /absolute/path/outside/the/repository }.',
        objects: [ipsecName(p)],
        source: at(p, 'spec', 'action'),
      });
    }
    return findings;
  },
});

const PORT_PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

export const portsNeedProtocol = defineRule({
  id: 'IPSEC009',
  severity: 'error',
  title: 'Selector ports only with protocol tcp, udp or sctp',
  rationale:
    'The kernel matches ports only for port-carrying protocols; elsewhere the port is an error or silently ignored.',
  reference: 'Linux ip-xfrm(8) (UPSPEC: sport and dport for tcp, udp, sctp, dccp)',
  check(model) {
    const findings: Finding[] = [];
    for (const p of model.ipsecPolicies) {
      const sel = p.doc.spec.selector;
      const protocol = sel.protocol ?? 'any';
      if (PORT_PROTOCOLS.has(protocol)) continue;
      for (const field of ['sourcePort', 'destinationPort'] as const) {
        if (sel[field] === undefined) continue;
        findings.push({
          summary: `${ipsecName(p)}: selector ${field} ${sel[field]} with protocol ${protocol}`,
          detail: 'Set selector.protocol to tcp, udp or sctp, or remove the port.',
          objects: [ipsecName(p)],
          source: at(p, 'spec', 'selector', field),
        });
      }
    }
    return findings;
  },
});

export const ipsecRules = [
  selectorSingleFamily,
  actionFieldsConsistent,
  scopeExists,
  policyIdentical,
  ...shadowingRules,
  keysOutsideRepository,
  protectHasKeys,
  portsNeedProtocol,
  keysAreReferences,
] as const;
