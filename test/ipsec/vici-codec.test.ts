// The VICI wire format against the README's own encoding example, round trips, and
// malformed input refused with a reason rather than misread.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decodeMessage,
  decodePacket,
  encodeMessage,
  encodePacket,
  PacketType,
  SegmentReader,
  ViciProtocolError,
  type ViciSection,
} from '../../src/ipsec/vici-codec.js';

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

describe('VICI codec', () => {
  it('encodes the README example byte for byte', () => {
    const msg: ViciSection = {
      key1: 'value1',
      section1: { 'sub-section': { key2: 'value2' }, list1: ['item1', 'item2'] },
    };
    const expected = Buffer.from([
      3, 4, ...ascii('key1'), 0, 6, ...ascii('value1'),
      1, 8, ...ascii('section1'),
      1, 11, ...ascii('sub-section'),
      3, 4, ...ascii('key2'), 0, 6, ...ascii('value2'),
      2,
      4, 5, ...ascii('list1'),
      5, 0, 5, ...ascii('item1'),
      5, 0, 5, ...ascii('item2'),
      6,
      2,
    ]); // prettier-ignore
    assert.deepEqual(encodeMessage(msg), expected);
    assert.deepEqual(decodeMessage(expected), msg);
  });

  it('round-trips named and unnamed packets, empty lists and UTF-8', () => {
    const message: ViciSection = { conn: { children: { net: { local_ts: [] } }, id: 'é.example' } };
    for (const p of [
      { type: PacketType.CMD_REQUEST, name: 'load-conn', message },
      { type: PacketType.CMD_RESPONSE, message: { success: 'yes' } },
      { type: PacketType.EVENT, name: 'list-sa', message },
    ]) {
      const bytes = encodePacket(p);
      assert.equal(bytes.readUInt32BE(0), bytes.length - 4);
      assert.deepEqual(decodePacket(bytes.subarray(4)), p);
    }
  });

  it('splits a byte stream into segments whatever the chunking', () => {
    const a = encodePacket({ type: PacketType.CMD_RESPONSE, message: { a: '1' } });
    const b = encodePacket({ type: PacketType.EVENT, name: 'x', message: { b: '2' } });
    const all = Buffer.concat([a, b]);
    for (let cut = 0; cut <= all.length; cut++) {
      const r = new SegmentReader();
      const got = [...r.push(all.subarray(0, cut)), ...r.push(all.subarray(cut))].map((s) => decodePacket(s));
      assert.deepEqual(
        got.map((g) => g.message),
        [{ a: '1' }, { b: '2' }],
      );
    }
  });

  it('refuses malformed messages with a reason', () => {
    const cases: Array<[number[], RegExp]> = [
      [[2], /unbalanced section end/],
      [[1, 1, 0x61], /ends inside a section/],
      [[4, 1, 0x61, 3, 1, 0x62, 0, 0], /inside a list/],
      [[5, 0, 0], /list item outside a list/],
      [[3, 5, 0x61], /truncated/],
      [[9], /unknown element type 9/],
    ];
    for (const [bytes, re] of cases) assert.throws(() => decodeMessage(Buffer.from(bytes)), re);
    assert.throws(() => decodePacket(Buffer.from([8])), /unknown packet type/);
    assert.throws(() => encodeMessage({ ['k'.repeat(256)]: 'v' }), ViciProtocolError);
    assert.throws(() => encodeMessage({ k: 'v'.repeat(70_000) }), /longer than 65535/);
    assert.throws(() => new SegmentReader().push(Buffer.from([0, 0x10, 0, 0])), /exceeds 512 KiB/);
  });
});
