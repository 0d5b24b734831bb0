// IKE006 to IKE012: each IKE connection on its own. Where it is carried (seed 003: the
// connection of a package address follows the address to every node it may run on),
// that the local address is one those nodes have, names charon can tell apart, the
// IKE version, authentication fields that fit the method, certificate files kept out of
// the repository, and lifetimes charon accepts. A psk is a reference like an IPsec
// policy's keys: IPSEC011 (ipsec-keys.ts) refuses anything else, and IKE011 judges a
// psk file with IPSEC007's test (keyFileProblem).
import { at, type DesiredModel } from '../../model/desired.js';
import { parseIp } from '../../model/ip.js';
import { ikeName, type Ike } from './ike-algorithms.js';
import { keyFileProblem } from './ipsec.js';
import { keyFilePath } from './ipsec-keys.js';
import { defineRule, type Finding } from './rule.js';
import { relocatableCidr } from './util-interfaces.js';

export const ikeScope = defineRule({
  id: 'IKE006',
  severity: 'error',
  title: 'appliesTo names exactly one of nodes or relocatableAddress, and what it names is defined',
  rationale:
    'A connection carried nowhere negotiates nothing; a misspelt node silently leaves it without the connection, ' +
    'and a connection listed both ways would be carried where the reviewer did not expect.',
  reference:
    'HP-UX IPSec guide, Serviceguard appendix (the IPsec configuration must be on every node the package may run on)',
  check(model) {
    const findings: Finding[] = [];
    for (const c of model.ikeEntries) {
      const { nodes, relocatableAddress } = c.doc.spec.appliesTo;
      if ((nodes === undefined) === (relocatableAddress === undefined)) {
        findings.push({
          summary:
            `${ikeName(c)}: appliesTo names ${nodes === undefined ? 'neither' : 'both'} ` +
            'nodes and relocatableAddress',
          detail:
            'Write appliesTo: { relocatableAddress: NAME } for a connection whose local address moves, ' +
            'or appliesTo: { nodes: [...] } for a fixed one.',
          objects: [ikeName(c)],
          source: at(c, 'spec', 'appliesTo'),
        });
      }
      (nodes ?? []).forEach((n, i) => {
        if (model.nodeByName.has(n)) return;
        findings.push({
          summary: `${ikeName(c)}: appliesTo names Node/${n}, which is not defined`,
          detail: `Define Node/${n} or remove it from appliesTo.nodes.`,
          objects: [ikeName(c), `Node/${n}`],
          source: at(c, 'spec', 'appliesTo', 'nodes', i),
        });
      });
      if (relocatableAddress !== undefined && !model.relocatableByName.has(relocatableAddress)) {
        findings.push({
          summary: `${ikeName(c)}: appliesTo names RelocatableAddress/${relocatableAddress}, which is not defined`,
          detail: `Define RelocatableAddress/${relocatableAddress} or correct appliesTo.relocatableAddress.`,
          objects: [ikeName(c), `RelocatableAddress/${relocatableAddress}`],
          source: at(c, 'spec', 'appliesTo', 'relocatableAddress'),
        });
      }
    }
    return findings;
  },
});

/** Addresses node `node` may hold: its static addresses and every relocatable address placed on it. */
function nodeAddresses(model: DesiredModel): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (node: string, ip: string) => {
    let set = out.get(node);
    if (!set) out.set(node, (set = new Set()));
    set.add(ip);
  };
  for (const s of model.staticAddresses) add(s.node.name, s.cidr.address);
  for (const r of model.relocatables) {
    const cidr = relocatableCidr(r);
    if (cidr) for (const p of r.doc.spec.placements) add(p.node, cidr.address);
  }
  return out;
}

export const ikeLocalAddress = defineRule({
  id: 'IKE007',
  severity: 'error',
  title:
    'The local address is one every carrying node may hold: the followed relocatable address, ' +
    'or an address of each node in appliesTo.nodes',
  rationale:
    'charon initiates and answers only from local_addrs: on a node without that address the connection ' +
    'never comes up, and after a move the package traffic would go unprotected.',
  reference:
    'HP-UX IPSec guide, Serviceguard appendix (package addresses relocate to an adoptive node); ' +
    'swanctl.conf local_addrs',
  check(model) {
    const findings: Finding[] = [];
    // Built on first use: most fleets have no IKE connection, and this indexes every address.
    let held: Map<string, Set<string>> | undefined;
    const heldOn = (node: string) => (held ??= nodeAddresses(model)).get(node);
    for (const c of model.ikeEntries) {
      const s = c.doc.spec;
      const local = parseIp(s.local.address);
      if (!local) continue;
      const follows = s.appliesTo.relocatableAddress;
      const reloc = follows === undefined ? undefined : model.relocatableByName.get(follows);
      if (reloc) {
        const cidr = relocatableCidr(reloc);
        if (cidr && cidr.address !== local.address)
          findings.push({
            summary:
              `${ikeName(c)}: follows RelocatableAddress/${reloc.name} (${cidr.address}) ` +
              `but its local address is ${s.local.address}`,
            detail: `Set local.address to ${cidr.address}: the connection moves with that address.`,
            objects: [ikeName(c), `RelocatableAddress/${reloc.name}`],
            source: at(c, 'spec', 'local', 'address'),
            related: [{ source: at(reloc, 'spec', 'address'), note: 'the followed address' }],
          });
        continue;
      }
      (s.appliesTo.nodes ?? []).forEach((n, i) => {
        if (!model.nodeByName.has(n) || heldOn(n)?.has(local.address)) return;
        findings.push({
          summary: `${ikeName(c)}: Node/${n} carries the connection but never holds its local address ${local.address}`,
          detail:
            `Give Node/${n} the address, or, when the address relocates, ` +
            'write appliesTo: { relocatableAddress: NAME } so the connection follows it.',
          objects: [ikeName(c), `Node/${n}`],
          source: at(c, 'spec', 'appliesTo', 'nodes', i),
          related: [{ source: at(c, 'spec', 'local', 'address'), note: 'local address' }],
        });
      });
    }
    return findings;
  },
});

export const ikeChildNames = defineRule({
  id: 'IKE008',
  severity: 'error',
  title: 'Child names are unique on every node: within a connection and across the connections a node carries',
  rationale:
    "charon's initiate and terminate find a CHILD_SA configuration by name and take the first: " +
    'with two children of one name, tandem would start or stop the wrong one.',
  reference: 'strongSwan VICI initiate/terminate (child by name); swanctl.conf children',
  check(model) {
    const findings: Finding[] = [];
    const firstOnNode = new Map<string, { conn: Ike; index: number }>();
    model.ikeEntries.forEach((c, ci) => {
      const nodes = model.ikeConnections[ci].nodes;
      const seen = new Map<string, number>();
      c.doc.spec.children.forEach((child, index) => {
        const inConn = seen.get(child.name);
        if (inConn !== undefined) {
          findings.push({
            summary: `${ikeName(c)}: child ${child.name} is defined twice`,
            detail: 'Rename or merge one of them.',
            objects: [ikeName(c)],
            source: at(c, 'spec', 'children', index, 'name'),
            related: [{ source: at(c, 'spec', 'children', inConn, 'name'), note: 'first defined here' }],
          });
          return;
        }
        seen.set(child.name, index);
        for (const n of nodes) {
          const key = `${n}\n${child.name}`;
          const other = firstOnNode.get(key);
          if (!other) {
            firstOnNode.set(key, { conn: c, index });
            continue;
          }
          if (other.conn === c) continue;
          findings.push({
            summary:
              `${ikeName(c)}: child ${child.name} has the name of a child of ${ikeName(other.conn)}, ` +
              `both on Node/${n}`,
            detail: 'Child names are unique per node: rename one of them.',
            objects: [ikeName(c), ikeName(other.conn), `Node/${n}`],
            source: at(c, 'spec', 'children', index, 'name'),
            related: [{ source: at(other.conn, 'spec', 'children', other.index, 'name'), note: 'the other child' }],
          });
          break;
        }
      });
    });
    return findings;
  },
});

export const ikeVersion = defineRule({
  id: 'IKE009',
  severity: 'warning',
  title: 'Connections use IKEv2 (IKEv1 is deprecated)',
  rationale: 'IKEv1 is deprecated (RFC 9395) and the RFC 8247 tables, which tandem checks, are written for IKEv2 only.',
  reference: 'RFC 9395 (Deprecation of IKEv1); RFC 8247 section 1',
  check(model) {
    return model.ikeEntries
      .filter((c) => c.doc.spec.version === 1)
      .map((c) => ({
        summary: `${ikeName(c)}: version 1 (IKEv1) is deprecated`,
        detail: 'Use version: 2 unless the peer cannot.',
        objects: [ikeName(c)],
        source: at(c, 'spec', 'version'),
      }));
  },
});

export const ikeAuthFields = defineRule({
  id: 'IKE010',
  severity: 'error',
  title:
    'Authentication fields fit the methods: psk auth has a psk reference, signature auth a certificate ' +
    '(local) or CA certificate (remote), and nothing is given that no method uses',
  rationale:
    'A method without its credential never authenticates; a credential no method uses is a field that ' +
    'drives nothing and misleads the reviewer.',
  reference: 'swanctl.conf local/remote auth, certs, cacerts and secrets; RFC 7296 section 2.15',
  check(model) {
    const findings: Finding[] = [];
    for (const c of model.ikeEntries) {
      const s = c.doc.spec;
      const report = (summary: string, detail: string, ...path: Array<string | number>) =>
        findings.push({ summary: `${ikeName(c)}: ${summary}`, detail, objects: [ikeName(c)], source: at(c, ...path) });
      const usesPsk = s.local.auth === 'psk' || s.remote.auth === 'psk';
      if (usesPsk && s.psk === undefined)
        report(
          'psk authentication without psk',
          'Add psk: { env: VARIABLE } or psk: { file: /absolute/path/outside/the/repository }.',
          'spec',
          s.local.auth === 'psk' ? 'local' : 'remote',
          'auth',
        );
      if (!usesPsk && s.psk !== undefined)
        report('psk given but neither end authenticates with psk', 'Remove psk, or use auth: psk.', 'spec', 'psk');
      if (s.local.auth !== 'psk' && s.local.certificate === undefined)
        report(
          `local.auth ${s.local.auth} without local.certificate`,
          'Add local.certificate: { file: /absolute/path/on/the/node }.',
          'spec',
          'local',
          'auth',
        );
      if (s.remote.auth !== 'psk' && s.remote.caCertificate === undefined)
        report(
          `remote.auth ${s.remote.auth} without remote.caCertificate`,
          "Add remote.caCertificate: { file: /absolute/path/on/the/node } with the CA of the peer's certificate.",
          'spec',
          'remote',
          'auth',
        );
      for (const side of ['local', 'remote'] as const) {
        const e = s[side];
        if (e.auth === 'psk' && e.certificate !== undefined)
          report(
            `${side}.certificate with ${side}.auth psk`,
            'Remove it, or use a signature method.',
            'spec',
            side,
            'certificate',
          );
        if (e.auth === 'psk' && e.caCertificate !== undefined)
          report(
            `${side}.caCertificate with ${side}.auth psk`,
            'Remove it, or use a signature method.',
            'spec',
            side,
            'caCertificate',
          );
      }
      if (s.remote.certificate !== undefined)
        report(
          "remote.certificate: the peer's certificate is sent by the peer",
          'Remove it; name the CA that signs it in remote.caCertificate.',
          'spec',
          'remote',
          'certificate',
        );
      if (s.local.caCertificate !== undefined)
        report(
          'local.caCertificate: a CA is for checking the peer',
          'Move it to remote.caCertificate.',
          'spec',
          'local',
          'caCertificate',
        );
    }
    return findings;
  },
});

export const ikeFilesOutsideRepository = defineRule({
  id: 'IKE011',
  severity: 'error',
  title: 'psk.file and certificate files are absolute paths outside the repository, without ..',
  rationale:
    'Key material committed to git is readable by everyone with the repository, forever (history keeps it); ' +
    'a certificate file there invites its private key to follow. A relative path would be read relative to ' +
    'whatever folder charon or tandem runs in.',
  reference:
    'docs/decisions.md (Static rules: key material is referenced, never stored); ' + 'the same test as IPSEC007',
  check(model, context) {
    const findings: Finding[] = [];
    for (const c of model.ikeEntries) {
      const s = c.doc.spec;
      // A psk that is not a well-formed reference is IPSEC011's, and never shown.
      const pskFile = keyFilePath(s.psk);
      if (pskFile !== undefined) {
        const problem = keyFileProblem(pskFile, context.envDir);
        // Only a value that reads as a path is quoted: a bare word could be the key itself.
        const pathLike = pskFile.includes('/');
        if (problem)
          findings.push({
            summary: pathLike
              ? `${ikeName(c)}: psk file ${pskFile} ${problem}`
              : `${ikeName(c)}: psk.file ${problem} (the value is not shown: it may be key material)`,
            detail: 'Keep the key outside the repository: /etc/tandem/ike/<name>.psk, or psk: { env: VARIABLE }.',
            objects: [ikeName(c)],
            source: pathLike ? at(c, 'spec', 'psk', 'file') : { ...at(c, 'spec', 'psk', 'file'), redact: true },
          });
      }
      for (const [side, field] of [
        ['local', 'certificate'],
        ['remote', 'caCertificate'],
        ['remote', 'certificate'],
        ['local', 'caCertificate'],
      ] as const) {
        const file = s[side][field]?.file;
        if (file === undefined) continue;
        const problem = keyFileProblem(file, context.envDir);
        if (!problem) continue;
        findings.push({
          summary: `${ikeName(c)}: ${side}.${field} file ${file} ${problem}`,
          detail: 'Keep certificates on the node outside the repository, e.g. /etc/tandem/ike/<name>.pem.',
          objects: [ikeName(c)],
          source: at(c, 'spec', side, field, 'file'),
        });
      }
    }
    return findings;
  },
});

/** strongSwan's default CHILD_SA rekey time (swanctl.conf children.<child>.rekey_time). */
export const DEFAULT_CHILD_REKEY_SECONDS = 3600;

export const ikeLifetimes = defineRule({
  id: 'IKE012',
  severity: 'error',
  title: "A child's lifeSeconds exceeds its rekey time (rekeySeconds, default 3600)",
  rationale:
    'A CHILD_SA whose hard lifetime ends before its rekey time expires with no replacement: ' +
    'the traffic is dropped until a new SA is negotiated.',
  reference: 'swanctl.conf children.<child>.life_time and rekey_time',
  check(model) {
    const findings: Finding[] = [];
    for (const c of model.ikeEntries) {
      c.doc.spec.children.forEach((child, i) => {
        if (child.lifeSeconds === undefined) return;
        const rekey = child.rekeySeconds ?? DEFAULT_CHILD_REKEY_SECONDS;
        if (child.lifeSeconds > rekey) return;
        findings.push({
          summary:
            `${ikeName(c)}: child ${child.name}: lifeSeconds ${child.lifeSeconds} ` +
            `is not above its rekey time ${rekey}`,
          detail: `Set lifeSeconds above ${rekey} (strongSwan's default is the rekey time plus 10 %), or remove it.`,
          objects: [ikeName(c)],
          source: at(c, 'spec', 'children', i, 'lifeSeconds'),
        });
      });
    }
    return findings;
  },
});

export const ikeConnectionRules = [
  ikeScope,
  ikeLocalAddress,
  ikeChildNames,
  ikeVersion,
  ikeAuthFields,
  ikeFilesOutsideRepository,
  ikeLifetimes,
] as const;
