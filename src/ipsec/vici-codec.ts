// The VICI wire format (strongSwan's src/libcharon/plugins/vici/README.md): a packet is a
// 32-bit big-endian length, a type byte, for named types an 8-bit-length name, then a
// message: a flat run of elements that open and close sections and lists. Pure: no socket.

/** A message tree as VICI carries it: every value is a string (numbers travel as text). */
export type ViciValue = string | string[] | ViciSection;
export interface ViciSection {
  [key: string]: ViciValue;
}

export const PacketType = {
  CMD_REQUEST: 0,
  CMD_RESPONSE: 1,
  CMD_UNKNOWN: 2,
  EVENT_REGISTER: 3,
  EVENT_UNREGISTER: 4,
  EVENT_CONFIRM: 5,
  EVENT_UNKNOWN: 6,
  EVENT: 7,
} as const;
export type PacketTypeValue = (typeof PacketType)[keyof typeof PacketType];

const NAMED = new Set<number>([
  PacketType.CMD_REQUEST,
  PacketType.EVENT_REGISTER,
  PacketType.EVENT_UNREGISTER,
  PacketType.EVENT,
]);

export const Element = {
  SECTION_START: 1,
  SECTION_END: 2,
  KEY_VALUE: 3,
  LIST_START: 4,
  LIST_ITEM: 5,
  LIST_END: 6,
} as const;

/** charon refuses longer byte sequences (the README's 512 KiB limit). */
export const MAX_SEGMENT = 512 * 1024;

export class ViciProtocolError extends Error {}

function nameBytes(name: string, what: string): Buffer {
  const b = Buffer.from(name, 'utf8');
  if (b.length > 255) throw new ViciProtocolError(`${what} "${name.slice(0, 40)}..." is longer than 255 bytes`);
  return b;
}

function valueBytes(value: string): Buffer {
  const b = Buffer.from(value, 'utf8');
  if (b.length > 0xffff) throw new ViciProtocolError(`a value of ${b.length} bytes is longer than 65535`);
  return b;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

/** Encodes a message body (the elements of the implicit root section). */
export function encodeMessage(section: ViciSection): Buffer {
  const parts: Buffer[] = [];
  const walk = (s: ViciSection) => {
    for (const [key, value] of Object.entries(s)) {
      const k = nameBytes(key, 'key');
      if (typeof value === 'string') {
        const v = valueBytes(value);
        parts.push(Buffer.from([Element.KEY_VALUE, k.length]), k, u16(v.length), v);
      } else if (Array.isArray(value)) {
        parts.push(Buffer.from([Element.LIST_START, k.length]), k);
        for (const item of value) {
          const v = valueBytes(item);
          parts.push(Buffer.from([Element.LIST_ITEM]), u16(v.length), v);
        }
        parts.push(Buffer.from([Element.LIST_END]));
      } else {
        parts.push(Buffer.from([Element.SECTION_START, k.length]), k);
        walk(value);
        parts.push(Buffer.from([Element.SECTION_END]));
      }
    }
  };
  walk(section);
  return Buffer.concat(parts);
}

/** Decodes a message body; malformed input (unbalanced, truncated, unknown element) throws. */
export function decodeMessage(buf: Buffer): ViciSection {
  const root: ViciSection = {};
  const stack: ViciSection[] = [root];
  let list: string[] | undefined;
  let at = 0;
  const need = (n: number) => {
    if (at + n > buf.length) throw new ViciProtocolError(`message truncated at byte ${at}`);
  };
  const readName = () => {
    need(1);
    const len = buf[at++];
    need(len);
    const s = buf.toString('utf8', at, at + len);
    at += len;
    return s;
  };
  const readValue = () => {
    need(2);
    const len = buf.readUInt16BE(at);
    at += 2;
    need(len);
    const s = buf.toString('utf8', at, at + len);
    at += len;
    return s;
  };
  while (at < buf.length) {
    const type = buf[at++];
    const top = stack[stack.length - 1];
    if (list && type !== Element.LIST_ITEM && type !== Element.LIST_END)
      throw new ViciProtocolError(`element ${type} inside a list at byte ${at - 1}`);
    switch (type) {
      case Element.SECTION_START: {
        const s: ViciSection = {};
        top[readName()] = s;
        stack.push(s);
        break;
      }
      case Element.SECTION_END:
        if (stack.length === 1) throw new ViciProtocolError(`unbalanced section end at byte ${at - 1}`);
        stack.pop();
        break;
      case Element.KEY_VALUE: {
        const k = readName();
        top[k] = readValue();
        break;
      }
      case Element.LIST_START: {
        list = [];
        top[readName()] = list;
        break;
      }
      case Element.LIST_ITEM:
        if (!list) throw new ViciProtocolError(`list item outside a list at byte ${at - 1}`);
        list.push(readValue());
        break;
      case Element.LIST_END:
        if (!list) throw new ViciProtocolError(`list end outside a list at byte ${at - 1}`);
        list = undefined;
        break;
      default:
        throw new ViciProtocolError(`unknown element type ${type} at byte ${at - 1}`);
    }
  }
  if (stack.length !== 1 || list) throw new ViciProtocolError('message ends inside a section or list');
  return root;
}

export interface Packet {
  type: number;
  name?: string;
  message: ViciSection;
}

/** One transport segment: length header, type, optional name, message. */
export function encodePacket(p: Packet): Buffer {
  const named = NAMED.has(p.type);
  if (named !== (p.name !== undefined)) throw new ViciProtocolError(`packet type ${p.type} name mismatch`);
  const head = named ? [Buffer.from([p.type, nameBytes(p.name!, 'name').length]), nameBytes(p.name!, 'name')] : [];
  const body = Buffer.concat([...(named ? head : [Buffer.from([p.type])]), encodeMessage(p.message)]);
  if (body.length > MAX_SEGMENT) throw new ViciProtocolError(`packet of ${body.length} bytes exceeds 512 KiB`);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

/** Decodes the payload of one segment (without its length header). */
export function decodePacket(payload: Buffer): Packet {
  if (payload.length < 1) throw new ViciProtocolError('empty packet');
  const type = payload[0];
  if (type > PacketType.EVENT) throw new ViciProtocolError(`unknown packet type ${type}`);
  if (!NAMED.has(type)) return { type, message: decodeMessage(payload.subarray(1)) };
  if (payload.length < 2 || payload.length < 2 + payload[1]) throw new ViciProtocolError('packet name truncated');
  const name = payload.toString('utf8', 2, 2 + payload[1]);
  return { type, name, message: decodeMessage(payload.subarray(2 + payload[1])) };
}

/** Splits a byte stream into segment payloads; keeps the incomplete tail for the next chunk. */
export class SegmentReader {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const out: Buffer[] = [];
    while (this.pending.length >= 4) {
      const len = this.pending.readUInt32BE(0);
      if (len > MAX_SEGMENT) throw new ViciProtocolError(`segment of ${len} bytes exceeds 512 KiB`);
      if (this.pending.length < 4 + len) break;
      out.push(this.pending.subarray(4, 4 + len));
      this.pending = this.pending.subarray(4 + len);
    }
    return out;
  }
}
