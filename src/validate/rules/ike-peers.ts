// IKE018 and IKE019: two connections of one environment that are each other's peer
// (the local address of one is the remote address of the other: both ends are tandem
// nodes) must be able to agree. charon picks, for every transform type, an algorithm
// both proposals name; if no pair of proposals has one in every type, IKE_SA_INIT (or
// the CHILD_SA) fails with NO_PROPOSAL_CHOSEN on every attempt. Settings each side must
// mirror (version, authentication method, identities, mode) fail the same way.
import { at, type DesiredModel } from '../../model/desired.js';
import type { DesiredIkeChild, DesiredIkeConnection } from '../../model/ike.js';
import { canonicalCidr, canonicalIp } from '../../model/ip.js';
import { ikeName, parsed, type Ike } from './ike-algorithms.js';
import { defineRule, type Finding } from './rule.js';
import { proposalsMatch, type ParsedProposal, type Protocol } from './util-ike-proposals.js';

interface Pair {
  a: number;
  b: number;
}

const pairCache = new WeakMap<DesiredModel, Pair[]>();

/** Pairs of connections that are each other's peer, each pair once (a < b). */
export function peerPairs(model: DesiredModel): Pair[] {
  const cached = pairCache.get(model);
  if (cached) return cached;
  const byEnds = new Map<string, number[]>();
  const key = (local: string, remote: string) => `${canonicalIp(local)} ${canonicalIp(remote)}`;
  model.ikeConnections.forEach((c, i) => {
    const k = key(c.local.address, c.remote.address);
    const list = byEnds.get(k);
    if (list) list.push(i);
    else byEnds.set(k, [i]);
  });
  const out: Pair[] = [];
  model.ikeConnections.forEach((c, a) => {
    for (const b of byEnds.get(key(c.remote.address, c.local.address)) ?? []) if (a < b) out.push({ a, b });
  });
  pairCache.set(model, out);
  return out;
}

function anyMatch(ours: string[], theirs: string[], protocol: Protocol): boolean {
  const ok = (list: string[]) =>
    list.map((t) => parsed(t, protocol)).filter((p): p is ParsedProposal => !('problem' in p));
  const a = ok(ours);
  const b = ok(theirs);
  // Unparsable proposals are IKE001's; with none left there is nothing to compare.
  if (a.length === 0 || b.length === 0) return true;
  return a.some((x) => b.some((y) => proposalsMatch(x, y, protocol)));
}

const tsKey = (ts: string[]) => ts.map(canonicalCidr).sort().join(',');

/** The peer's child that protects the same traffic the other way round. */
function mirror(child: DesiredIkeChild, peer: DesiredIkeConnection): DesiredIkeChild | undefined {
  return peer.children.find(
    (x) => tsKey(x.localTs) === tsKey(child.remoteTs) && tsKey(x.remoteTs) === tsKey(child.localTs),
  );
}

export const ikeProposalsMatchPeer = defineRule({
  id: 'IKE018',
  severity: 'error',
  title: "Two connections that are each other's peer share an IKE proposal, and mirrored children an ESP proposal",
  rationale:
    'With no algorithm in common for some transform type, charon answers NO_PROPOSAL_CHOSEN on every ' +
    'attempt: the SA never comes up and the traffic it should protect is dropped.',
  reference: 'RFC 7296 sections 2.7 and 3.3 (proposal selection); strongSwan proposal matching',
  check(model) {
    const findings: Finding[] = [];
    for (const { a, b } of peerPairs(model)) {
      const [ca, cb] = [model.ikeConnections[a], model.ikeConnections[b]];
      const [ea, eb] = [model.ikeEntries[a], model.ikeEntries[b]];
      if (!anyMatch(ca.ikeProposals, cb.ikeProposals, 'ike')) {
        findings.push({
          summary:
            `${ikeName(ea)} and its peer ${ikeName(eb)} have no IKE proposal in common ` +
            `(${ca.ikeProposals.join(', ')} against ${cb.ikeProposals.join(', ')})`,
          detail: 'Add a proposal both accept, e.g. aes256gcm16-prfsha384-ecp384 on both ends.',
          objects: [ikeName(ea), ikeName(eb)],
          source: at(ea, 'spec', 'ikeProposals'),
          related: [{ source: at(eb, 'spec', 'ikeProposals'), note: `${ikeName(eb)} proposals` }],
        });
      }
      for (const child of ca.children) {
        const other = mirror(child, cb);
        if (!other || anyMatch(child.espProposals, other.espProposals, 'esp')) continue;
        findings.push({
          summary:
            `${ikeName(ea)}: child ${child.name} and its peer's child ${other.name} (${ikeName(eb)}) ` +
            `have no ESP proposal in common (${child.espProposals.join(', ')} ` +
            `against ${other.espProposals.join(', ')})`,
          detail:
            'Add a proposal both accept; a DH group on one side only (PFS) fails at the first rekey, ' +
            'so name the same group on both or on neither.',
          objects: [ikeName(ea), ikeName(eb)],
          source: at(ea, 'spec', 'children', child.index, 'espProposals'),
          related: [
            { source: at(eb, 'spec', 'children', other.index, 'espProposals'), note: `${other.name} proposals` },
          ],
        });
      }
    }
    return findings;
  },
});

const isPsk = (auth: string) => auth === 'psk';

function mismatches(ca: DesiredIkeConnection, cb: DesiredIkeConnection, eb: Ike): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (ca.version !== cb.version) out.push([`IKE version ${ca.version} against ${cb.version}`, 'version']);
  for (const [ours, theirs, side] of [
    [ca.local, cb.remote, 'local'],
    [ca.remote, cb.local, 'remote'],
  ] as const) {
    if (isPsk(ours.auth) !== isPsk(theirs.auth))
      out.push([
        `${side}.auth ${ours.auth} against the peer's ${side === 'local' ? 'remote' : 'local'}.auth ${theirs.auth}`,
        side,
      ]);
    const ourId = ours.id ?? canonicalIp(ours.address);
    const theirId = theirs.id ?? canonicalIp(theirs.address);
    if (ourId !== theirId)
      out.push([
        `${side} identity ${ourId} against the peer's ${side === 'local' ? 'remote' : 'local'} identity ${theirId}`,
        side,
      ]);
  }
  for (const child of ca.children) {
    const other = mirror(child, cb);
    if (other && other.mode !== child.mode)
      out.push([
        `child ${child.name} is ${child.mode} mode, the peer's ${other.name} (${ikeName(eb)}) ${other.mode}`,
        'children',
      ]);
  }
  return out;
}

export const ikePeerSettingsMatch = defineRule({
  id: 'IKE019',
  severity: 'error',
  title:
    "Two connections that are each other's peer mirror each other: IKE version, authentication method " +
    '(psk or signature), identities, and the mode of mirrored children',
  rationale: 'Each mismatch fails the exchange (AUTHENTICATION_FAILED, or no matching configuration) on every attempt.',
  reference: 'RFC 7296 sections 2.15 (authentication) and 3.5 (identities); swanctl.conf local/remote id and auth',
  check(model) {
    const findings: Finding[] = [];
    for (const { a, b } of peerPairs(model)) {
      const [ea, eb] = [model.ikeEntries[a], model.ikeEntries[b]];
      for (const [what, field] of mismatches(model.ikeConnections[a], model.ikeConnections[b], eb)) {
        findings.push({
          summary: `${ikeName(ea)} and its peer ${ikeName(eb)} disagree: ${what}`,
          detail: "Write both ends so each one's local settings are the other's remote settings.",
          objects: [ikeName(ea), ikeName(eb)],
          source: at(ea, 'spec', field),
          related: [{ source: at(eb, 'spec'), note: `${ikeName(eb)}` }],
        });
      }
    }
    return findings;
  },
});

export const ikePeerRules = [ikeProposalsMatchPeer, ikePeerSettingsMatch] as const;
