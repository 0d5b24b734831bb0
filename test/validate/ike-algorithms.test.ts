// One test per row of the algorithm tables of RFC 8247 (IKEv2) and RFC 8221 (ESP): a
// MUST NOT row is an error, a SHOULD NOT row a warning, every other row passes. The rows
// are copied from the RFCs; each names the strongSwan keyword that selects it, or none
// when charon has no such algorithm (then IKE001 refuses the unknown keyword first).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  RFC8221_TRANSFORMS,
  RFC8247_AUTH,
  RFC8247_TRANSFORMS,
  parseProposal,
  proposalsMatch,
  type ParsedProposal,
} from '../../src/validate/rules/util-ike-proposals.js';
import { findings, lineOf, type Files } from '../helpers/env.js';
import { ikeDoc, ikeEnv } from '../helpers/ike.js';

type Status = 'MUST' | 'MUST-' | 'SHOULD+' | 'SHOULD' | 'MAY' | 'SHOULD NOT' | 'MUST NOT';
/** [RFC section, name as in the RFC, status, strongSwan proposal exercising it (or null: no keyword)] */
type Row = [string, string, Status, string | null];

// RFC 8247 section 3.1, Type 1 - IKEv2 Encryption Algorithm Transforms
// RFC 8247 section 3.2, Type 2 - IKEv2 Pseudorandom Function Transforms
// RFC 8247 section 3.3, Type 3 - IKEv2 Integrity Algorithm Transforms
// RFC 8247 section 3.4, Type 4 - IKEv2 Diffie-Hellman Group Transforms
const RFC8247_ROWS: Row[] = [
  ['3.1', 'ENCR_AES_CBC', 'MUST', 'aes128-sha256-prfsha256-modp2048'],
  ['3.1', 'ENCR_CHACHA20_POLY1305', 'SHOULD', 'chacha20poly1305-prfsha256-modp2048'],
  ['3.1', 'ENCR_AES_GCM_16', 'SHOULD', 'aes256gcm16-prfsha256-modp2048'],
  ['3.1', 'ENCR_AES_CCM_8', 'SHOULD', 'aes128ccm8-prfsha256-modp2048'],
  ['3.1', 'ENCR_3DES', 'MAY', '3des-sha256-prfsha256-modp2048'],
  ['3.1', 'ENCR_DES', 'MUST NOT', 'des-sha256-prfsha256-modp2048'],
  ['3.2', 'PRF_HMAC_SHA2_256', 'MUST', 'aes128-sha256-prfsha256-modp2048'],
  ['3.2', 'PRF_HMAC_SHA2_512', 'SHOULD+', 'aes128-sha256-prfsha512-modp2048'],
  ['3.2', 'PRF_HMAC_SHA1', 'MUST-', 'aes128-sha256-prfsha1-modp2048'],
  ['3.2', 'PRF_AES128_XCBC', 'SHOULD', 'aes128-sha256-prfaesxcbc-modp2048'],
  ['3.2', 'PRF_HMAC_MD5', 'MUST NOT', 'aes128-sha256-prfmd5-modp2048'],
  ['3.3', 'AUTH_HMAC_SHA2_256_128', 'MUST', 'aes128-sha256-prfsha256-modp2048'],
  ['3.3', 'AUTH_HMAC_SHA2_512_256', 'SHOULD', 'aes128-sha512-prfsha256-modp2048'],
  ['3.3', 'AUTH_HMAC_SHA1_96', 'MUST-', 'aes128-sha1-prfsha256-modp2048'],
  ['3.3', 'AUTH_AES_XCBC_96', 'SHOULD', 'aes128-aesxcbc-prfsha256-modp2048'],
  ['3.3', 'AUTH_HMAC_MD5_96', 'MUST NOT', 'aes128-md5-prfsha256-modp2048'],
  ['3.3', 'AUTH_DES_MAC', 'MUST NOT', null],
  ['3.3', 'AUTH_KPDK_MD5', 'MUST NOT', null],
  ['3.4', '14 (2048-bit MODP Group)', 'MUST', 'aes128-sha256-prfsha256-modp2048'],
  ['3.4', '19 (256-bit random ECP group)', 'SHOULD', 'aes128-sha256-prfsha256-ecp256'],
  ['3.4', '5 (1536-bit MODP Group)', 'SHOULD NOT', 'aes128-sha256-prfsha256-modp1536'],
  ['3.4', '2 (1024-bit MODP Group)', 'SHOULD NOT', 'aes128-sha256-prfsha256-modp1024'],
  ['3.4', '1 (768-bit MODP Group)', 'MUST NOT', 'aes128-sha256-prfsha256-modp768'],
  [
    '3.4',
    '22 (1024-bit MODP Group with 160-bit Prime Order Subgroup)',
    'SHOULD NOT',
    'aes128-sha256-prfsha256-modp1024s160',
  ],
  [
    '3.4',
    '23 (2048-bit MODP Group with 224-bit Prime Order Subgroup)',
    'SHOULD NOT',
    'aes128-sha256-prfsha256-modp2048s224',
  ],
  [
    '3.4',
    '24 (2048-bit MODP Group with 256-bit Prime Order Subgroup)',
    'SHOULD NOT',
    'aes128-sha256-prfsha256-modp2048s256',
  ],
  ['3.4', '15 (3072-bit MODP Group)', 'MAY', 'aes128-sha256-prfsha256-modp3072'],
  ['3.4', '16 (4096-bit MODP Group)', 'MAY', 'aes128-sha256-prfsha256-modp4096'],
  ['3.4', '21 (521-bit random ECP Group)', 'MAY', 'aes128-sha256-prfsha256-ecp521'],
  ['3.4', '31 (Curve25519)', 'SHOULD', 'aes128-sha256-prfsha256-curve25519'],
];

// RFC 8221 section 5, ESP Encryption Algorithms; section 6, ESP and AH Authentication Algorithms
const RFC8221_ROWS: Row[] = [
  ['5', 'ENCR_DES_IV64', 'MUST NOT', null],
  ['5', 'ENCR_DES', 'MUST NOT', 'des-sha256'],
  ['5', 'ENCR_3DES', 'SHOULD NOT', '3des-sha256'],
  ['5', 'ENCR_BLOWFISH', 'MUST NOT', 'blowfish128-sha256'],
  ['5', 'ENCR_3IDEA', 'MUST NOT', null],
  ['5', 'ENCR_DES_IV32', 'MUST NOT', null],
  ['5', 'ENCR_NULL', 'MUST', 'null-sha256'],
  ['5', 'ENCR_AES_CBC', 'MUST', 'aes256-sha256'],
  ['5', 'ENCR_AES_CCM_8', 'SHOULD', 'aes128ccm8'],
  ['5', 'ENCR_AES_GCM_16', 'MUST', 'aes128gcm16'],
  ['5', 'ENCR_CHACHA20_POLY1305', 'SHOULD', 'chacha20poly1305'],
  ['6', 'AUTH_NONE (with AEAD)', 'MUST', 'aes256gcm16'],
  ['6', 'AUTH_NONE (without AEAD)', 'MUST NOT', 'aes128'],
  ['6', 'AUTH_HMAC_MD5_96', 'MUST NOT', 'aes128-md5'],
  ['6', 'AUTH_HMAC_SHA1_96', 'MUST-', 'aes128-sha1'],
  ['6', 'AUTH_DES_MAC', 'MUST NOT', null],
  ['6', 'AUTH_KPDK_MD5', 'MUST NOT', null],
  ['6', 'AUTH_AES_XCBC_96', 'MAY', 'aes128-aesxcbc'],
  ['6', 'AUTH_AES_128_GMAC', 'MAY', 'null-aes128gmac'],
  ['6', 'AUTH_AES_256_GMAC', 'MAY', 'null-aes256gmac'],
  ['6', 'AUTH_HMAC_SHA2_256_128', 'MUST', 'aes128-sha256'],
  ['6', 'AUTH_HMAC_SHA2_512_256', 'SHOULD', 'aes128-sha512'],
];

// RFC 8247 section 4.1, IKEv2 Authentication Method; section 4.2, Digital Signature Hash Algorithms
// [section, name, status, swanctl auth value or null (no swanctl method)]
const RFC8247_AUTH_ROWS: Row[] = [
  ['4.1', 'RSA Digital Signature', 'MUST', 'rsa'],
  ['4.1', 'Shared Key Message Integrity Code', 'MUST', 'psk'],
  ['4.1', 'DSS Digital Signature', 'SHOULD NOT', null],
  ['4.1', 'ECDSA with SHA-256 on the P-256 curve', 'SHOULD', 'ecdsa-sha256'],
  ['4.1', 'ECDSA with SHA-384 on the P-384 curve', 'SHOULD', 'ecdsa-sha384'],
  ['4.1', 'ECDSA with SHA-512 on the P-521 curve', 'SHOULD', 'ecdsa-sha512'],
  ['4.1', 'Digital Signature', 'SHOULD', 'rsa/pss-sha256'],
  ['4.2', 'SHA1', 'MUST NOT', 'rsa-sha1'],
  ['4.2', 'SHA2-256', 'MUST', 'pubkey-sha256'],
  ['4.2', 'SHA2-384', 'MAY', 'ecdsa-sha384'],
  ['4.2', 'SHA2-512', 'SHOULD', 'ed25519-sha512'],
];

const IKE_RULES = ['IKE001', 'IKE002', 'IKE003', 'IKE004', 'IKE005'];

function ruleFindings(files: Files) {
  return IKE_RULES.flatMap((id) => findings(files, id).map((d) => ({ id, summary: d.summary, line: d.source?.line })));
}

function expectVerdict(files: Files, status: Status, errorId: string, warningId: string, name: string, line: string) {
  const found = ruleFindings(files);
  const at = lineOf(files['ike.yaml'], line);
  if (status === 'MUST NOT') {
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].id, errorId);
    assert.match(found[0].summary, new RegExp(`${name.split(' ')[0]}.*MUST NOT`));
    assert.equal(found[0].line, at);
  } else if (status === 'SHOULD NOT') {
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].id, warningId);
    assert.match(found[0].summary, new RegExp(`${name.split(' ')[0]}.*SHOULD NOT`));
    assert.equal(found[0].line, at);
  } else {
    assert.deepEqual(found, []);
  }
}

describe('RFC 8247 IKEv2 transform tables (IKE002 MUST NOT, IKE003 SHOULD NOT)', () => {
  for (const [section, name, status, proposal] of RFC8247_ROWS) {
    it(`section ${section} ${name}: ${status}`, () => {
      if (proposal === null) {
        assert.ok(RFC8247_TRANSFORMS.some((r) => r.iana === name && r.status === status));
        assert.match(JSON.stringify(parseProposal('aes128-desmac-prfsha256-modp2048', 'ike')), /unknown/);
        return;
      }
      const files = ikeEnv({ 'ike.yaml': ikeDoc({ ikeProposals: `[${proposal}]` }) });
      expectVerdict(files, status, 'IKE002', 'IKE003', name, proposal);
    });
  }
});

describe('RFC 8221 ESP tables (IKE004 MUST NOT, IKE005 SHOULD NOT)', () => {
  for (const [section, name, status, proposal] of RFC8221_ROWS) {
    it(`section ${section} ${name}: ${status}`, () => {
      if (proposal === null) {
        // charon has no keyword for it: refused as unknown before any table is read.
        assert.ok(RFC8221_TRANSFORMS.some((r) => r.iana === name && r.status === status));
        return;
      }
      const files = ikeEnv({
        'ike.yaml': ikeDoc({ children: `    - { name: net, espProposals: [${proposal}] }\n` }),
      });
      expectVerdict(files, status, 'IKE004', 'IKE005', name.replace(/ \(.*/, ''), `[${proposal}]`);
    });
  }
});

describe('RFC 8247 authentication tables (IKE002, IKE003)', () => {
  for (const [section, name, status, auth] of RFC8247_AUTH_ROWS) {
    it(`section ${section} ${name}: ${status}`, () => {
      assert.ok(RFC8247_AUTH.some((r) => r.iana === name && r.status === status));
      if (auth === null) {
        // swanctl has no DSS method; the schema refuses the word.
        const files = ikeEnv({ 'ike.yaml': ikeDoc({ local: '{ address: 192.0.2.11, auth: dss }' }) });
        assert.equal(findings(files, 'SCHEMA').length, 1);
        return;
      }
      const cert = auth === 'psk' ? '' : ', certificate: { file: /etc/tandem/ike/n1.pem }';
      const files = ikeEnv({
        'ike.yaml': ikeDoc({ local: `{ address: 192.0.2.11, auth: ${auth}${cert} }` }),
      });
      expectVerdict(files, status, 'IKE002', 'IKE003', name === 'SHA1' ? 'SHA1' : name, `auth: ${auth}`);
    });
  }
});

describe('strongSwan proposal syntax (IKE001)', () => {
  const ok = (text: string, protocol: 'ike' | 'esp'): ParsedProposal => {
    const p = parseProposal(text, protocol);
    assert.ok(!('problem' in p), `${text}: ${JSON.stringify(p)}`);
    return p;
  };
  it('reads the common forms into IANA transforms', () => {
    assert.deepEqual(
      ok('aes128-sha256-modp2048', 'ike').transforms.map((t) => [t.type, t.iana, t.keyBits]),
      [
        ['encryption', 'ENCR_AES_CBC', 128],
        ['integrity', 'AUTH_HMAC_SHA2_256_128', undefined],
        ['dh', '14', undefined],
      ],
    );
    assert.deepEqual(
      ok('aes256gcm16-prfsha384-ecp384', 'ike').transforms.map((t) => [t.iana, t.aead ?? false]),
      [
        ['ENCR_AES_GCM_16', true],
        ['PRF_HMAC_SHA2_384', false],
        ['20', false],
      ],
    );
    assert.equal(ok('chacha20poly1305', 'esp').transforms[0].iana, 'ENCR_CHACHA20_POLY1305');
    assert.equal(ok('aes192gcm128-esn', 'esp').transforms[0].iana, 'ENCR_AES_GCM_16');
    assert.equal(ok('camellia256ctr-sha384', 'esp').transforms[0].iana, 'ENCR_CAMELLIA_CTR');
  });

  const refused: Array<[string, 'ike' | 'esp', RegExp]> = [
    ['aes128-sha257-modp2048', 'ike', /unknown algorithm keyword 'sha257'/],
    ['chacha20poly1305', 'ike', /no PRF/],
    ['aes128-sha256', 'ike', /no DH group/],
    ['aes128-prfsha256-modp2048', 'ike', /no integrity/],
    ['aes128gcm16-sha256-prfsha256-modp2048', 'ike', /integrity algorithm with AEAD/],
    ['aes128gcm16-aes128-sha256', 'esp', /mixes AEAD and classic/],
    ['null-sha256-prfsha256-modp2048', 'ike', /null encryption is not allowed for IKE/],
    ['aes128-sha256-prfsha256', 'esp', /PRF, which only IKE proposals have/],
    ['sha256-modp2048', 'esp', /no encryption algorithm/],
    ['aes128-sha256-prfsha256-modp2048-esn', 'ike', /ESP option/],
  ];
  for (const [text, protocol, why] of refused) {
    it(`refuses ${protocol} proposal ${text}`, () => {
      const p = parseProposal(text, protocol);
      assert.ok('problem' in p);
      assert.match(p.problem, why);
    });
  }

  it('IKE001 names the proposal at its file:line:col and what is missing', () => {
    const files = ikeEnv({ 'ike.yaml': ikeDoc({ ikeProposals: '[aes128-sha256, aes256gcm16-prfsha384-ecp384]' }) });
    const found = findings(files, 'IKE001');
    assert.equal(found.length, 1);
    assert.match(found[0].summary, /IKEConnection\/site: IKE proposal aes128-sha256: no DH group/);
    assert.equal(found[0].source?.line, lineOf(files['ike.yaml'], 'ikeProposals'));
    assert.equal(found[0].source?.col, 18);
  });

  it('a 192-bit AES key is MAY in both RFCs (footnote 1): no finding', () => {
    const files = ikeEnv({
      'ike.yaml': ikeDoc({
        ikeProposals: '[aes192-sha256-prfsha256-modp2048]',
        children: '    - { name: net, espProposals: [aes192gcm16] }\n',
      }),
    });
    assert.deepEqual(ruleFindings(files), []);
  });

  it('matching needs a common algorithm in every transform type, DH for PFS included', () => {
    const p = (t: string, protocol: 'ike' | 'esp') => ok(t, protocol);
    assert.ok(proposalsMatch(p('aes128-aes256-sha256-modp2048', 'ike'), p('aes256-sha256-modp2048', 'ike'), 'ike'));
    assert.ok(!proposalsMatch(p('aes128-sha256-modp2048', 'ike'), p('aes256-sha256-modp2048', 'ike'), 'ike'));
    // sha256 implies prfsha256 when no PRF is named.
    assert.ok(proposalsMatch(p('aes128-sha256-modp2048', 'ike'), p('aes128-sha256-prfsha256-modp2048', 'ike'), 'ike'));
    assert.ok(!proposalsMatch(p('aes128gcm16-ecp256', 'esp'), p('aes128gcm16', 'esp'), 'esp'));
    assert.ok(!proposalsMatch(p('aes128gcm16-esn', 'esp'), p('aes128gcm16', 'esp'), 'esp'));
  });
});
