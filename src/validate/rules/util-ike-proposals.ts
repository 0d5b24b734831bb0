// strongSwan's proposal syntax, read into IANA transforms, and the algorithm tables of
// RFC 8247 (IKEv2) and RFC 8221 (ESP) they are judged by. The keyword table is the
// subset of strongSwan's (src/libstrongswan/crypto/proposal/proposal_keywords_static.txt)
// a Linux charon offers; anything else is refused as unknown (IKE001) rather than
// guessed. docs/ipsec.md lists the keywords.

export type TransformType = 'encryption' | 'integrity' | 'prf' | 'dh' | 'esn';

export interface Transform {
  type: TransformType;
  /** IANA name (RFC 7296 section 3.3.2 registries), e.g. ENCR_AES_CBC, AUTH_HMAC_SHA2_256_128, or a DH group. */
  iana: string;
  /** Key size in bits, for encryption algorithms with variable keys. */
  keyBits?: number;
  aead?: boolean;
  /** The strongSwan keyword as written. */
  keyword: string;
}

export interface ParsedProposal {
  text: string;
  transforms: Transform[];
}

export type Protocol = 'ike' | 'esp';

const t = (type: TransformType, iana: string, extra: Partial<Transform> = {}) => ({ type, iana, ...extra });

/** Fixed keywords (no key size in the name). */
const FIXED: Record<string, Omit<Transform, 'keyword'>> = {
  des: t('encryption', 'ENCR_DES'),
  '3des': t('encryption', 'ENCR_3DES'),
  cast128: t('encryption', 'ENCR_CAST'),
  blowfish: t('encryption', 'ENCR_BLOWFISH', { keyBits: 128 }),
  null: t('encryption', 'ENCR_NULL'),
  aes: t('encryption', 'ENCR_AES_CBC', { keyBits: 128 }),
  chacha20poly1305: t('encryption', 'ENCR_CHACHA20_POLY1305', { keyBits: 256, aead: true }),
  md5: t('integrity', 'AUTH_HMAC_MD5_96'),
  md5_128: t('integrity', 'AUTH_HMAC_MD5_128'),
  sha: t('integrity', 'AUTH_HMAC_SHA1_96'),
  sha1: t('integrity', 'AUTH_HMAC_SHA1_96'),
  sha1_160: t('integrity', 'AUTH_HMAC_SHA1_160'),
  aesxcbc: t('integrity', 'AUTH_AES_XCBC_96'),
  aescmac: t('integrity', 'AUTH_AES_CMAC_96'),
  sha256: t('integrity', 'AUTH_HMAC_SHA2_256_128'),
  sha2_256: t('integrity', 'AUTH_HMAC_SHA2_256_128'),
  sha256_96: t('integrity', 'AUTH_HMAC_SHA2_256_96'),
  sha2_256_96: t('integrity', 'AUTH_HMAC_SHA2_256_96'),
  sha384: t('integrity', 'AUTH_HMAC_SHA2_384_192'),
  sha2_384: t('integrity', 'AUTH_HMAC_SHA2_384_192'),
  sha512: t('integrity', 'AUTH_HMAC_SHA2_512_256'),
  sha2_512: t('integrity', 'AUTH_HMAC_SHA2_512_256'),
  aes128gmac: t('integrity', 'AUTH_AES_128_GMAC'),
  aes192gmac: t('integrity', 'AUTH_AES_192_GMAC'),
  aes256gmac: t('integrity', 'AUTH_AES_256_GMAC'),
  prfmd5: t('prf', 'PRF_HMAC_MD5'),
  prfsha1: t('prf', 'PRF_HMAC_SHA1'),
  prfaesxcbc: t('prf', 'PRF_AES128_XCBC'),
  prfaescmac: t('prf', 'PRF_AES128_CMAC'),
  prfsha256: t('prf', 'PRF_HMAC_SHA2_256'),
  prfsha384: t('prf', 'PRF_HMAC_SHA2_384'),
  prfsha512: t('prf', 'PRF_HMAC_SHA2_512'),
  modp768: t('dh', '1'),
  modp1024: t('dh', '2'),
  modp1536: t('dh', '5'),
  modp2048: t('dh', '14'),
  modp3072: t('dh', '15'),
  modp4096: t('dh', '16'),
  modp6144: t('dh', '17'),
  modp8192: t('dh', '18'),
  ecp256: t('dh', '19'),
  ecp384: t('dh', '20'),
  ecp521: t('dh', '21'),
  modp1024s160: t('dh', '22'),
  modp2048s224: t('dh', '23'),
  modp2048s256: t('dh', '24'),
  ecp192: t('dh', '25'),
  ecp224: t('dh', '26'),
  ecp224bp: t('dh', '27'),
  ecp256bp: t('dh', '28'),
  ecp384bp: t('dh', '29'),
  ecp512bp: t('dh', '30'),
  curve25519: t('dh', '31'),
  x25519: t('dh', '31'),
  curve448: t('dh', '32'),
  x448: t('dh', '32'),
  esn: t('esn', 'ESN'),
  noesn: t('esn', 'NO_ESN'),
};

/** ICV length suffixes of AEAD modes: bytes or bits, as strongSwan accepts both. */
const ICV: Record<string, number> = { '8': 8, '64': 8, '12': 12, '96': 12, '16': 16, '128': 16 };

/**
 * Keywords with a key size: aes128 (CBC), aes256ctr, aes128gcm16, aes192ccm8,
 * camellia256, blowfish192, null_aes128gmac (ENCR_NULL_AUTH_AES_GMAC, ESP only).
 */
function sized(keyword: string): Omit<Transform, 'keyword'> | undefined {
  const m = /^(aes|camellia)(128|192|256)(ctr|gcm|ccm)?(\d+)?$/.exec(keyword);
  if (m) {
    const [, cipher, bits, mode, icv] = m;
    const keyBits = Number(bits);
    const base = cipher === 'aes' ? 'ENCR_AES' : 'ENCR_CAMELLIA';
    if (mode === undefined) return icv === undefined ? t('encryption', `${base}_CBC`, { keyBits }) : undefined;
    if (mode === 'ctr') return icv === undefined ? t('encryption', `${base}_CTR`, { keyBits }) : undefined;
    if (mode === 'gcm' && cipher === 'camellia') return undefined;
    const bytes = ICV[icv ?? ''];
    if (bytes === undefined) return undefined;
    return t('encryption', `${base}_${mode.toUpperCase()}_${bytes}`, { keyBits, aead: true });
  }
  const gmac = /^null_aes(128|192|256)gmac$/.exec(keyword);
  if (gmac) return t('encryption', 'ENCR_NULL_AUTH_AES_GMAC', { keyBits: Number(gmac[1]), aead: true });
  const bf = /^blowfish(128|192|256)$/.exec(keyword);
  if (bf) return t('encryption', 'ENCR_BLOWFISH', { keyBits: Number(bf[1]) });
  return undefined;
}

export function transformOf(keyword: string): Transform | undefined {
  const found = Object.hasOwn(FIXED, keyword) ? FIXED[keyword] : sized(keyword);
  return found ? { ...found, keyword } : undefined;
}

/** Why a proposal cannot be used by charon (the checks of strongSwan's proposal parser), or the proposal. */
export function parseProposal(text: string, protocol: Protocol): ParsedProposal | { problem: string } {
  const transforms: Transform[] = [];
  for (const keyword of text.split('-')) {
    const tr = transformOf(keyword);
    if (!tr) return { problem: `unknown algorithm keyword '${keyword}'` };
    transforms.push(tr);
  }
  const of = (type: TransformType) => transforms.filter((x) => x.type === type);
  const encryption = of('encryption');
  if (encryption.length === 0) return { problem: 'no encryption algorithm' };
  const aead = encryption.filter((x) => x.aead);
  if (aead.length > 0 && aead.length < encryption.length)
    return { problem: 'mixes AEAD and classic encryption algorithms: write them as separate proposals' };
  if (aead.length > 0 && of('integrity').length > 0)
    return { problem: 'names an integrity algorithm with AEAD encryption, which has its own integrity' };
  if (protocol === 'ike') {
    if (encryption.some((x) => x.iana === 'ENCR_NULL_AUTH_AES_GMAC' || x.iana === 'ENCR_NULL'))
      return { problem: 'null encryption is not allowed for IKE (RFC 7296 section 3.3.2)' };
    if (aead.length === 0 && of('integrity').length === 0) return { problem: 'no integrity algorithm' };
    if (aead.length > 0 && of('prf').length === 0)
      return { problem: 'no PRF: an AEAD IKE proposal names its PRF (e.g. prfsha256)' };
    if (of('dh').length === 0) return { problem: 'no DH group: an IKE proposal names one (e.g. ecp256, modp2048)' };
    if (of('esn').length > 0) return { problem: 'esn/noesn is an ESP option, not an IKE one' };
  } else if (of('prf').length > 0) {
    return { problem: 'names a PRF, which only IKE proposals have' };
  }
  return { text, transforms };
}

/** PRFs strongSwan derives from the integrity algorithms of an IKE proposal that names none. */
const PRF_FROM_INTEGRITY: Record<string, string> = {
  AUTH_HMAC_MD5_96: 'PRF_HMAC_MD5',
  AUTH_HMAC_SHA1_96: 'PRF_HMAC_SHA1',
  AUTH_AES_XCBC_96: 'PRF_AES128_XCBC',
  AUTH_AES_CMAC_96: 'PRF_AES128_CMAC',
  AUTH_HMAC_SHA2_256_128: 'PRF_HMAC_SHA2_256',
  AUTH_HMAC_SHA2_384_192: 'PRF_HMAC_SHA2_384',
  AUTH_HMAC_SHA2_512_256: 'PRF_HMAC_SHA2_512',
};

/** The transforms negotiated: the IKE PRFs strongSwan derives when none is named, and ESP's default no-ESN. */
export function effectiveTransforms(p: ParsedProposal, protocol: Protocol): Transform[] {
  const out = [...p.transforms];
  if (protocol === 'ike' && !out.some((x) => x.type === 'prf')) {
    for (const i of out.filter((x) => x.type === 'integrity')) {
      const prf = PRF_FROM_INTEGRITY[i.iana];
      if (prf && !out.some((x) => x.type === 'prf' && x.iana === prf))
        out.push({ type: 'prf', iana: prf, keyword: `${i.keyword} (as PRF)` });
    }
  }
  if (protocol === 'esp' && !out.some((x) => x.type === 'esn'))
    out.push({ type: 'esn', iana: 'NO_ESN', keyword: '(default)' });
  return out;
}

/** A transform as negotiated: the algorithm and, for variable key sizes, the key size. */
const transformKey = (x: Transform) => `${x.iana}/${x.keyBits ?? ''}`;

/**
 * True when charon would select something from the two proposals: every transform type
 * either proposal has (ESP's DH group included, negotiated on rekeying) has an algorithm
 * both name.
 */
export function proposalsMatch(a: ParsedProposal, b: ParsedProposal, protocol: Protocol): boolean {
  const ta = effectiveTransforms(a, protocol);
  const tb = effectiveTransforms(b, protocol);
  const types = new Set([...ta, ...tb].map((x) => x.type));
  for (const type of types) {
    const keys = new Set(ta.filter((x) => x.type === type).map(transformKey));
    if (!tb.some((x) => x.type === type && keys.has(transformKey(x)))) return false;
  }
  return true;
}

// The tables. Status words are the RFCs'; MUST-/SHOULD+ read as MUST/SHOULD here.
export type Status = 'MUST' | 'MUST-' | 'SHOULD+' | 'SHOULD' | 'MAY' | 'SHOULD NOT' | 'MUST NOT';

export interface TableRow {
  rfc: 8247 | 8221;
  /** IANA name, or DH group number. */
  iana: string;
  status: Status;
  /** The RFC's note, when the status depends on it (key size, AEAD). */
  note?: string;
  /** Section of the RFC. */
  section: string;
  /** Overrides the status for some key sizes or uses. */
  when?: (x: Transform, proposal: Transform[]) => Status | undefined;
}

const keys192May = (x: Transform): Status | undefined => (x.keyBits === 192 ? 'MAY' : undefined);

/** RFC 8247 (IKEv2), sections 3.1 to 3.4. */
export const RFC8247_TRANSFORMS: readonly TableRow[] = [
  {
    rfc: 8247,
    section: '3.1',
    iana: 'ENCR_AES_CBC',
    status: 'MUST',
    note: '(1) 128- and 256-bit keys',
    when: keys192May,
  },
  { rfc: 8247, section: '3.1', iana: 'ENCR_CHACHA20_POLY1305', status: 'SHOULD' },
  { rfc: 8247, section: '3.1', iana: 'ENCR_AES_GCM_16', status: 'SHOULD', note: '(1)', when: keys192May },
  { rfc: 8247, section: '3.1', iana: 'ENCR_AES_CCM_8', status: 'SHOULD', note: '(IoT)' },
  { rfc: 8247, section: '3.1', iana: 'ENCR_3DES', status: 'MAY' },
  { rfc: 8247, section: '3.1', iana: 'ENCR_DES', status: 'MUST NOT' },
  { rfc: 8247, section: '3.2', iana: 'PRF_HMAC_SHA2_256', status: 'MUST' },
  { rfc: 8247, section: '3.2', iana: 'PRF_HMAC_SHA2_512', status: 'SHOULD+' },
  { rfc: 8247, section: '3.2', iana: 'PRF_HMAC_SHA1', status: 'MUST-' },
  { rfc: 8247, section: '3.2', iana: 'PRF_AES128_XCBC', status: 'SHOULD', note: '(IoT)' },
  { rfc: 8247, section: '3.2', iana: 'PRF_HMAC_MD5', status: 'MUST NOT' },
  { rfc: 8247, section: '3.3', iana: 'AUTH_HMAC_SHA2_256_128', status: 'MUST' },
  { rfc: 8247, section: '3.3', iana: 'AUTH_HMAC_SHA2_512_256', status: 'SHOULD' },
  { rfc: 8247, section: '3.3', iana: 'AUTH_HMAC_SHA1_96', status: 'MUST-' },
  { rfc: 8247, section: '3.3', iana: 'AUTH_AES_XCBC_96', status: 'SHOULD', note: '(IoT)' },
  { rfc: 8247, section: '3.3', iana: 'AUTH_HMAC_MD5_96', status: 'MUST NOT' },
  { rfc: 8247, section: '3.3', iana: 'AUTH_DES_MAC', status: 'MUST NOT' },
  { rfc: 8247, section: '3.3', iana: 'AUTH_KPDK_MD5', status: 'MUST NOT' },
  { rfc: 8247, section: '3.4', iana: '14', status: 'MUST', note: '2048-bit MODP Group' },
  { rfc: 8247, section: '3.4', iana: '19', status: 'SHOULD', note: '256-bit random ECP group' },
  { rfc: 8247, section: '3.4', iana: '5', status: 'SHOULD NOT', note: '1536-bit MODP Group' },
  { rfc: 8247, section: '3.4', iana: '2', status: 'SHOULD NOT', note: '1024-bit MODP Group' },
  { rfc: 8247, section: '3.4', iana: '1', status: 'MUST NOT', note: '768-bit MODP Group' },
  {
    rfc: 8247,
    section: '3.4',
    iana: '22',
    status: 'SHOULD NOT',
    note: '1024-bit MODP Group with 160-bit Prime Order Subgroup',
  },
  {
    rfc: 8247,
    section: '3.4',
    iana: '23',
    status: 'SHOULD NOT',
    note: '2048-bit MODP Group with 224-bit Prime Order Subgroup',
  },
  {
    rfc: 8247,
    section: '3.4',
    iana: '24',
    status: 'SHOULD NOT',
    note: '2048-bit MODP Group with 256-bit Prime Order Subgroup',
  },
  { rfc: 8247, section: '3.4', iana: '15', status: 'MAY', note: '3072-bit MODP Group' },
  { rfc: 8247, section: '3.4', iana: '16', status: 'MAY', note: '4096-bit MODP Group' },
  { rfc: 8247, section: '3.4', iana: '21', status: 'MAY', note: '521-bit random ECP Group' },
  { rfc: 8247, section: '3.4', iana: '31', status: 'SHOULD', note: 'Curve25519' },
];

const isAead = (proposal: Transform[]) => proposal.some((x) => x.type === 'encryption' && x.aead);

/**
 * RFC 8221 (ESP), sections 5 (encryption) and 6 (authentication). AUTH_NONE is a
 * proposal without integrity: MUST with AEAD, MUST NOT with classic encryption.
 */
export const RFC8221_TRANSFORMS: readonly TableRow[] = [
  { rfc: 8221, section: '5', iana: 'ENCR_DES_IV64', status: 'MUST NOT' },
  { rfc: 8221, section: '5', iana: 'ENCR_DES', status: 'MUST NOT' },
  { rfc: 8221, section: '5', iana: 'ENCR_3DES', status: 'SHOULD NOT' },
  { rfc: 8221, section: '5', iana: 'ENCR_BLOWFISH', status: 'MUST NOT' },
  { rfc: 8221, section: '5', iana: 'ENCR_3IDEA', status: 'MUST NOT' },
  { rfc: 8221, section: '5', iana: 'ENCR_DES_IV32', status: 'MUST NOT' },
  { rfc: 8221, section: '5', iana: 'ENCR_NULL', status: 'MUST' },
  {
    rfc: 8221,
    section: '5',
    iana: 'ENCR_AES_CBC',
    status: 'MUST',
    note: '[1] 128- and 256-bit keys',
    when: keys192May,
  },
  {
    rfc: 8221,
    section: '5',
    iana: 'ENCR_AES_CCM_8',
    status: 'SHOULD',
    note: '[2] IoT, 128-bit keys',
    when: (x) => (x.keyBits !== 128 ? 'MAY' : undefined),
  },
  { rfc: 8221, section: '5', iana: 'ENCR_AES_GCM_16', status: 'MUST', note: '[1]', when: keys192May },
  { rfc: 8221, section: '5', iana: 'ENCR_CHACHA20_POLY1305', status: 'SHOULD' },
  {
    rfc: 8221,
    section: '6',
    iana: 'AUTH_NONE',
    status: 'MUST',
    note: 'MUST with AEAD, MUST NOT otherwise',
    when: (_x, proposal) => (isAead(proposal) ? 'MUST' : 'MUST NOT'),
  },
  { rfc: 8221, section: '6', iana: 'AUTH_HMAC_MD5_96', status: 'MUST NOT' },
  { rfc: 8221, section: '6', iana: 'AUTH_HMAC_SHA1_96', status: 'MUST-' },
  { rfc: 8221, section: '6', iana: 'AUTH_DES_MAC', status: 'MUST NOT' },
  { rfc: 8221, section: '6', iana: 'AUTH_KPDK_MD5', status: 'MUST NOT' },
  { rfc: 8221, section: '6', iana: 'AUTH_AES_XCBC_96', status: 'MAY', note: 'SHOULD for IoT, MAY otherwise' },
  { rfc: 8221, section: '6', iana: 'AUTH_AES_128_GMAC', status: 'MAY' },
  { rfc: 8221, section: '6', iana: 'AUTH_AES_256_GMAC', status: 'MAY' },
  { rfc: 8221, section: '6', iana: 'AUTH_HMAC_SHA2_256_128', status: 'MUST' },
  { rfc: 8221, section: '6', iana: 'AUTH_HMAC_SHA2_512_256', status: 'SHOULD' },
];

export interface Verdict {
  transform: Transform;
  row: TableRow;
  status: Status;
}

/**
 * Table verdicts for a proposal's transforms (AUTH_NONE added for an ESP proposal without
 * integrity; an ESP DH group is judged by RFC 8247 section 3.4). Transforms a table does
 * not list get no verdict: the RFCs leave them at the implementer's discretion
 * (docs/ipsec.md).
 */
export function verdicts(p: ParsedProposal, protocol: Protocol): Verdict[] {
  // ESP's DH groups (PFS) are negotiated by IKEv2 (CREATE_CHILD_SA): RFC 8247's group table applies.
  const table =
    protocol === 'ike'
      ? RFC8247_TRANSFORMS
      : [...RFC8221_TRANSFORMS, ...RFC8247_TRANSFORMS.filter((r) => r.section === '3.4')];
  const transforms = effectiveTransforms(p, protocol);
  if (protocol === 'esp' && !transforms.some((x) => x.type === 'integrity'))
    transforms.push({ type: 'integrity', iana: 'AUTH_NONE', keyword: '(no integrity)' });
  const out: Verdict[] = [];
  for (const x of transforms) {
    const row = table.find((r) => r.iana === x.iana);
    if (row) out.push({ transform: x, row, status: row.when?.(x, transforms) ?? row.status });
  }
  return out;
}

/** RFC 8247 section 4.1, authentication methods, and RFC 8247 section 4.2 (RFC 7427 signature hashes). */
export const RFC8247_AUTH: readonly TableRow[] = [
  { rfc: 8247, section: '4.1', iana: 'RSA Digital Signature', status: 'MUST', note: 'keys of 2048 bits or more' },
  { rfc: 8247, section: '4.1', iana: 'Shared Key Message Integrity Code', status: 'MUST' },
  { rfc: 8247, section: '4.1', iana: 'DSS Digital Signature', status: 'SHOULD NOT' },
  { rfc: 8247, section: '4.1', iana: 'ECDSA with SHA-256 on the P-256 curve', status: 'SHOULD' },
  { rfc: 8247, section: '4.1', iana: 'ECDSA with SHA-384 on the P-384 curve', status: 'SHOULD' },
  { rfc: 8247, section: '4.1', iana: 'ECDSA with SHA-512 on the P-521 curve', status: 'SHOULD' },
  { rfc: 8247, section: '4.1', iana: 'Digital Signature', status: 'SHOULD', note: 'RFC 7427' },
  { rfc: 8247, section: '4.2', iana: 'SHA1', status: 'MUST NOT' },
  { rfc: 8247, section: '4.2', iana: 'SHA2-256', status: 'MUST' },
  { rfc: 8247, section: '4.2', iana: 'SHA2-384', status: 'MAY' },
  { rfc: 8247, section: '4.2', iana: 'SHA2-512', status: 'SHOULD' },
];

const HASH_ROW: Record<string, string> = { sha1: 'SHA1', sha256: 'SHA2-256', sha384: 'SHA2-384', sha512: 'SHA2-512' };

/**
 * The rows of RFC 8247 section 4 an auth value of swanctl uses: psk is the shared key
 * method; rsa the RSA signature (or RFC 7427 with a hash); ecdsa, ed25519, ed448, rsa/pss
 * and pubkey sign with RFC 7427 digital signatures; a hash suffix is a section 4.2 row.
 * DSS has no swanctl method (the schema refuses it).
 */
export function authVerdicts(auth: string): Verdict[] {
  const m = /^([a-z0-9/]+?)(?:-(sha1|sha256|sha384|sha512))?$/.exec(auth);
  if (!m) return [];
  const [, method, hash] = m;
  const rowNamed = (name: string) => RFC8247_AUTH.find((r) => r.iana === name);
  const methodRow =
    method === 'psk'
      ? rowNamed('Shared Key Message Integrity Code')
      : method === 'rsa' && hash === undefined
        ? rowNamed('RSA Digital Signature')
        : rowNamed('Digital Signature');
  const transform: Transform = { type: 'integrity', iana: auth, keyword: auth };
  const out: Verdict[] = [];
  if (methodRow) out.push({ transform, row: methodRow, status: methodRow.status });
  const hashRow = hash === undefined ? undefined : rowNamed(HASH_ROW[hash]);
  if (hashRow) out.push({ transform, row: hashRow, status: hashRow.status });
  return out;
}

export const isMustNot = (s: Status) => s === 'MUST NOT';
export const isShouldNot = (s: Status) => s === 'SHOULD NOT';
