// IKE001 to IKE005: the algorithms of IKE connections. A proposal charon cannot use is
// an error (IKE001); RFC 8247 (IKEv2: encryption, PRF, integrity, DH groups,
// authentication) and RFC 8221 (ESP: encryption, integrity) decide the rest: MUST NOT is
// an error, SHOULD NOT a warning. Seed 003 asks for IPsec protecting package traffic;
// protection with a broken algorithm is protection in name only.
import type { SourcePos } from '../../diagnostics.js';
import { at, type DesiredModel, type Entry } from '../../model/desired.js';
import type { IKEConnectionDocument } from '../../model/generated/desired.js';
import { defineRule, type Finding } from './rule.js';
import {
  authVerdicts,
  isMustNot,
  isShouldNot,
  parseProposal,
  verdicts,
  type ParsedProposal,
  type Protocol,
  type Status,
  type Verdict,
} from './util-ike-proposals.js';

export type Ike = Entry<IKEConnectionDocument>;
export const ikeName = (c: Ike) => `IKEConnection/${c.name}`;

interface Located {
  conn: Ike;
  protocol: Protocol;
  text: string;
  /** "IKE proposal 1" or "child app, ESP proposal 2". */
  where: string;
  source: () => SourcePos;
}

/** Every proposal of every connection, with where it is written. */
export function* proposals(model: DesiredModel): Generator<Located> {
  for (const conn of model.ikeEntries) {
    const s = conn.doc.spec;
    for (const [i, text] of s.ikeProposals.entries())
      yield {
        conn,
        protocol: 'ike',
        text,
        where: `IKE proposal ${text}`,
        source: () => at(conn, 'spec', 'ikeProposals', i),
      };
    for (const [ci, child] of s.children.entries()) {
      for (const [i, text] of child.espProposals.entries())
        yield {
          conn,
          protocol: 'esp',
          text,
          where: `child ${child.name}, ESP proposal ${text}`,
          source: () => at(conn, 'spec', 'children', ci, 'espProposals', i),
        };
    }
  }
}

const parsedCache = new Map<string, ParsedProposal | { problem: string }>();

/** Parsed once per text and protocol (proposals repeat across connections). */
export function parsed(text: string, protocol: Protocol): ParsedProposal | { problem: string } {
  const key = `${protocol} ${text}`;
  let p = parsedCache.get(key);
  if (!p) {
    // Bounded: a long-running reconcile loop reads many revisions.
    if (parsedCache.size > 10_000) parsedCache.clear();
    parsedCache.set(key, (p = parseProposal(text, protocol)));
  }
  return p;
}

export const proposalValid = defineRule({
  id: 'IKE001',
  severity: 'error',
  title: 'IKE and ESP proposals are strongSwan proposals charon can use (known keywords, the transforms each needs)',
  rationale:
    'charon refuses a connection with a proposal it cannot parse, and a proposal without a DH group or PRF ' +
    'never negotiates: the connection would be missing on every node.',
  reference: 'strongSwan proposal syntax (swanctl.conf proposals, esp_proposals); RFC 7296 section 3.3',
  check(model) {
    const findings: Finding[] = [];
    for (const p of proposals(model)) {
      const result = parsed(p.text, p.protocol);
      if (!('problem' in result)) continue;
      findings.push({
        summary: `${ikeName(p.conn)}: ${p.where}: ${result.problem}`,
        detail:
          p.protocol === 'ike'
            ? 'Write encryption, integrity (none with AEAD), PRF and a DH group, e.g. aes256gcm16-prfsha384-ecp384 ' +
              'or aes128-sha256-modp2048; the keywords are listed in docs/ipsec.md.'
            : 'Write encryption and integrity (none with AEAD), optionally a DH group for PFS, ' +
              'e.g. aes256gcm16-ecp384 or aes128-sha256; the keywords are listed in docs/ipsec.md.',
        objects: [ikeName(p.conn)],
        source: p.source(),
      });
    }
    return findings;
  },
});

function describe(v: Verdict): string {
  const row = v.row.section === '3.4' ? `DH group ${v.row.iana} (${v.row.note ?? ''})` : v.row.iana;
  const size = v.transform.keyBits !== undefined && v.row.when ? ` with ${v.transform.keyBits}-bit keys` : '';
  return `${v.transform.keyword} is ${row}${size}, ${v.status} in RFC ${v.row.rfc} section ${v.row.section}`;
}

function tableFindings(model: DesiredModel, protocol: Protocol, wanted: (s: Status) => boolean): Finding[] {
  const findings: Finding[] = [];
  for (const p of proposals(model)) {
    if (p.protocol !== protocol) continue;
    const result = parsed(p.text, protocol);
    if ('problem' in result) continue;
    for (const v of verdicts(result, protocol)) {
      if (!wanted(v.status)) continue;
      findings.push({
        summary: `${ikeName(p.conn)}: ${p.where}: ${describe(v)}`,
        detail: replacement(protocol),
        objects: [ikeName(p.conn)],
        source: p.source(),
      });
    }
  }
  if (protocol === 'ike') {
    for (const conn of model.ikeEntries) {
      for (const side of ['local', 'remote'] as const) {
        for (const v of authVerdicts(conn.doc.spec[side].auth)) {
          if (!wanted(v.status)) continue;
          findings.push({
            summary: `${ikeName(conn)}: ${side}.auth ${describe(v)}`,
            detail: 'Use psk, or a signature with SHA2-256 or stronger (e.g. rsa/pss-sha256, ecdsa-sha384, ed25519).',
            objects: [ikeName(conn)],
            source: at(conn, 'spec', side, 'auth'),
          });
        }
      }
    }
  }
  return findings;
}

function replacement(protocol: Protocol): string {
  return protocol === 'ike'
    ? 'Use e.g. aes256gcm16-prfsha384-ecp384, chacha20poly1305-prfsha256-curve25519 or aes128-sha256-modp2048 ' +
        '(docs/ipsec.md lists the RFC 8247 table).'
    : 'Use e.g. aes256gcm16, chacha20poly1305 or aes128-sha256 (docs/ipsec.md lists the RFC 8221 table).';
}

const RFC8247 =
  'RFC 8247 sections 3.1 to 3.4 (IKEv2 encryption, PRF, integrity, DH group tables) and 4 (authentication)';
const RFC8221 = 'RFC 8221 sections 5 and 6 (ESP encryption and authentication tables); RFC 8247 section 3.4 (PFS)';

export const ikeMustNot = defineRule({
  id: 'IKE002',
  severity: 'error',
  title: 'No IKE proposal or authentication method uses an algorithm RFC 8247 says MUST NOT be used',
  rationale: 'These algorithms are broken; an IKE SA keyed with them protects nothing.',
  reference: RFC8247,
  check: (model) => tableFindings(model, 'ike', isMustNot),
});

export const ikeShouldNot = defineRule({
  id: 'IKE003',
  severity: 'warning',
  title: 'IKE proposals and authentication methods avoid algorithms RFC 8247 says SHOULD NOT be used',
  rationale: 'These algorithms are weak or being phased out; a peer may already refuse them.',
  reference: RFC8247,
  check: (model) => tableFindings(model, 'ike', isShouldNot),
});

export const espMustNot = defineRule({
  id: 'IKE004',
  severity: 'error',
  title: 'No ESP proposal uses an algorithm RFC 8221 says MUST NOT be used (nor a DH group RFC 8247 forbids)',
  rationale: 'These algorithms are broken, or leave ESP without integrity: the traffic is not protected.',
  reference: RFC8221,
  check: (model) => tableFindings(model, 'esp', isMustNot),
});

export const espShouldNot = defineRule({
  id: 'IKE005',
  severity: 'warning',
  title: 'ESP proposals avoid algorithms RFC 8221 (and, for PFS groups, RFC 8247) says SHOULD NOT be used',
  rationale: 'These algorithms are weak or being phased out; a peer may already refuse them.',
  reference: RFC8221,
  check: (model) => tableFindings(model, 'esp', isShouldNot),
});

export const ikeAlgorithmRules = [proposalValid, ikeMustNot, ikeShouldNot, espMustNot, espShouldNot] as const;
