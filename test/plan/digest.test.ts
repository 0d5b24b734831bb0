// digest() hashes canonical JSON as it writes it (issue 14); what it hashes must stay
// exactly canonicalJson's text, or every saved plan's desired digest would change.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { comparable } from '../../src/diff/objects.js';
import { observedObjects } from '../../src/diff/observed-objects.js';
import { canonicalJson, digest, observedDigest } from '../../src/plan/digest.js';
import { sampleState } from '../observe/fixtures.js';

const hashOfText = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

describe('digest', () => {
  it('is the SHA-256 of canonicalJson, for any JSON-like value', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: false, withNullPrototype: true, withSparseArray: true }), (value) => {
        let text: string;
        try {
          text = canonicalJson(value);
        } catch {
          // BigInt and the like: both refuse it.
          assert.throws(() => digest(value));
          return;
        }
        assert.equal(digest(value), hashOfText(text));
      }),
      { numRuns: 500 },
    );
  });

  it('hashes a value far bigger than one hash chunk, with non-ASCII text at every chunk boundary', () => {
    const documents = Array.from({ length: 20_000 }, (_, i) => ({
      z: i,
      name: `adresse-${i}-é€😀`,
      a: [true, null, undefined, { b: 'x'.repeat(i % 7) }],
      skipped: undefined,
    }));
    const text = canonicalJson(documents);
    assert.ok(text.length > 10 * 65_536);
    assert.equal(digest(documents), hashOfText(text));
  });

  it('escapes what JSON.stringify escapes, in keys and in values', () => {
    const odd = ['"', '\\', '\n', '\u0000', '\u001f', '\u007f', '\ud800', 'x\udc00', '😀', 'é', 'plain'];
    const value = Object.fromEntries(odd.map((k, i) => [k, [odd[i], { [odd[(i + 1) % odd.length]]: i }]]));
    assert.equal(digest(value), hashOfText(canonicalJson(value)));
    assert.equal(canonicalJson({ 'a"b': 'c\nd\ud800' }), '{"a\\"b":"c\\nd\\ud800"}');
  });

  it('sorts keys by UTF-16 code units, in short objects and long ones', () => {
    const keys = ['ﬀ', '😀', 'é', 'z', 'B', 'a', '', 'aa', 'a b', '10', '9'];
    const short = Object.fromEntries(keys.map((k, i) => [k, i]));
    const long = Object.fromEntries(
      [...keys, ...Array.from({ length: 20 }, (_, i) => `k${19 - i}`)].map((k) => [k, k]),
    );
    for (const value of [short, long]) {
      const text = `{${Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${JSON.stringify(value[k])}`)
        .join(',')}}`;
      assert.equal(canonicalJson(value), text);
      assert.equal(digest(value), hashOfText(text));
    }
    assert.match(canonicalJson(short), /^\{"":6,"10":9,"9":10,"B":4,"a":5,"a b":8,"aa":7,"z":3,"é":2,"😀":1,"ﬀ":0\}$/);
  });

  it("hashes a node's objects in the text it always had, whatever the chunking", () => {
    const state = sampleState();
    const extra = Array.from({ length: 3000 }, (_, i) => ({
      ...state.addresses[0],
      cidr: `10.${i >> 8}.${i & 255}.1/16`,
      ...(i % 3 === 0 ? { label: `eth0:"é\\${i}` } : {}),
    }));
    const node = { ...state, addresses: [...state.addresses, ...extra] };
    const objects = [...observedObjects(node).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const text =
      objects.map((o) => `${o.key}\t${JSON.stringify(comparable(o))}\n`).join('') +
      canonicalJson({ node: node.node, sysctl: node.sysctl, inventory: node.inventory });
    assert.equal(observedDigest(node), hashOfText(text));
  });

  it('keeps its format: keys sorted, undefined members left out, undefined array items as null', () => {
    const value = { b: [1, undefined, 'é'], a: { d: undefined, c: null } };
    assert.equal(canonicalJson(value), '{"a":{"c":null},"b":[1,null,"é"]}');
    assert.equal(digest(value), hashOfText('{"a":{"c":null},"b":[1,null,"é"]}'));
  });
});
