// A VICI client over charon's unix socket. One command at a time per connection (the
// protocol has no request ids); a streaming command registers for its event first, collects
// the events that arrive before the response, and unregisters. A charon inside a network
// namespace is reached through its socket file, which is on this machine's file system.
import { createConnection, type Socket } from 'node:net';
import {
  decodePacket,
  encodePacket,
  PacketType,
  SegmentReader,
  ViciProtocolError,
  type Packet,
  type ViciSection,
} from './vici-codec.js';

export type { ViciSection, ViciValue } from './vici-codec.js';

export class ViciError extends Error {
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ViciConnectOptions {
  /** Time limit for connecting and for each command (default 10 s). */
  timeoutMs?: number;
}

interface Waiter {
  resolve: (p: Packet) => void;
  reject: (e: Error) => void;
}

export class ViciClient {
  private readonly reader = new SegmentReader();
  private waiter: Waiter | undefined;
  private collecting: { event: string; into: ViciSection[] } | undefined;
  private failure: Error | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly socket: Socket,
    readonly path: string,
    private readonly timeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e) => this.fail(new ViciError('socket', `VICI socket ${path}: ${e.message}`)));
    socket.on('close', () => this.fail(new ViciError('socket', `VICI socket ${path} closed by charon`)));
  }

  static connect(path: string, opts: ViciConnectOptions = {}): Promise<ViciClient> {
    const timeoutMs = opts.timeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const socket = createConnection({ path });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new ViciError('connect', `VICI socket ${path}: no connection within ${timeoutMs} ms`));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new ViciClient(socket, path, timeoutMs));
      });
      socket.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new ViciError('connect', `VICI socket ${path}: ${e.code ?? e.message} (is charon running?)`));
      });
    });
  }

  close(): void {
    this.failure ??= new ViciError('socket', `VICI connection to ${this.path} closed`);
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    try {
      for (const payload of this.reader.push(chunk)) {
        const packet = decodePacket(payload);
        if (packet.type === PacketType.EVENT) {
          if (this.collecting && packet.name === this.collecting.event) this.collecting.into.push(packet.message);
          continue;
        }
        const w = this.waiter;
        this.waiter = undefined;
        if (w) w.resolve(packet);
        else this.fail(new ViciProtocolError(`unexpected packet type ${packet.type} from charon`));
      }
    } catch (e) {
      this.fail(e as Error);
      this.socket.destroy();
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    const w = this.waiter;
    this.waiter = undefined;
    w?.reject(e);
  }

  private exchange(packet: Packet, what: string, timeoutMs: number): Promise<Packet> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Packet>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        const e = new ViciError(what, `${what}: no answer from charon within ${timeoutMs} ms`);
        // A late answer would be taken for the next command's: this connection is done.
        this.fail(e);
        this.socket.destroy();
        reject(e);
      }, timeoutMs);
      this.waiter = {
        resolve: (p) => (clearTimeout(timer), resolve(p)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
      this.socket.write(encodePacket(packet));
    });
  }

  /**
   * Runs one command; with `stream`, the events of that name that charon sends before the
   * response are returned with it. Commands on one client run one after the other.
   */
  request(
    command: string,
    message: ViciSection = {},
    opts: { stream?: string; timeoutMs?: number } = {},
  ): Promise<{ response: ViciSection; events: ViciSection[] }> {
    const run = async () => {
      const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
      const events: ViciSection[] = [];
      if (opts.stream) {
        const r = await this.exchange(
          { type: PacketType.EVENT_REGISTER, name: opts.stream, message: {} },
          command,
          timeoutMs,
        );
        if (r.type !== PacketType.EVENT_CONFIRM)
          throw new ViciError(command, `charon has no event "${opts.stream}" (needed by ${command})`);
        this.collecting = { event: opts.stream, into: events };
      }
      try {
        const r = await this.exchange({ type: PacketType.CMD_REQUEST, name: command, message }, command, timeoutMs);
        if (r.type === PacketType.CMD_UNKNOWN) throw new ViciError(command, `charon does not know command ${command}`);
        if (r.type !== PacketType.CMD_RESPONSE)
          throw new ViciError(command, `${command}: unexpected packet type ${r.type}`);
        return { response: r.message, events };
      } finally {
        if (opts.stream) {
          this.collecting = undefined;
          if (!this.failure)
            await this.exchange(
              { type: PacketType.EVENT_UNREGISTER, name: opts.stream, message: {} },
              command,
              timeoutMs,
            );
        }
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** A command answered with success/errmsg; a "no" becomes a ViciError with charon's message. */
  private async checked(command: string, message: ViciSection, timeoutMs?: number): Promise<ViciSection> {
    const { response } = await this.request(command, message, { timeoutMs });
    if (response.success !== 'yes')
      throw new ViciError(command, `${command} failed: ${str(response.errmsg) || 'charon gave no reason'}`);
    return response;
  }

  async version(): Promise<{ daemon: string; version: string }> {
    const { response } = await this.request('version');
    return { daemon: str(response.daemon), version: str(response.version) };
  }

  async loadConn(name: string, conn: ViciSection): Promise<void> {
    await this.checked('load-conn', { [name]: conn });
  }

  async unloadConn(name: string): Promise<void> {
    await this.checked('unload-conn', { name });
  }

  /** Names of the connections loaded over VICI. */
  async getConns(): Promise<string[]> {
    const { response } = await this.request('get-conns');
    return Array.isArray(response.conns) ? response.conns : [];
  }

  /** Every loaded connection, by name, as list-conn events describe it. */
  async listConns(ike?: string): Promise<Record<string, ViciSection>> {
    const { events } = await this.request('list-conns', ike ? { ike } : {}, { stream: 'list-conn' });
    return mergeEvents(events);
  }

  /** Active IKE_SAs keyed by connection name (one per name here: tandem sets unique=replace). */
  async listSas(ike?: string): Promise<Array<{ name: string; sa: ViciSection }>> {
    const { events } = await this.request('list-sas', ike ? { ike } : {}, { stream: 'list-sa' });
    return events.flatMap((e) => Object.entries(e).flatMap(([name, sa]) => (isSection(sa) ? [{ name, sa }] : [])));
  }

  /** A PSK for the owners' identities; `id` names it for unload-shared. The data never leaves this call. */
  async loadShared(id: string, data: string, owners: string[]): Promise<void> {
    await this.checked('load-shared', { id, type: 'IKE', data, owners });
  }

  async unloadShared(id: string): Promise<void> {
    await this.checked('unload-shared', { id });
  }

  /** Names of the shared keys loaded over VICI. */
  async getShared(): Promise<string[]> {
    const { response } = await this.request('get-shared');
    return Array.isArray(response.keys) ? response.keys : [];
  }

  /**
   * Initiates a CHILD_SA (and its IKE_SA) and waits for the outcome; the control-log lines
   * charon streamed come back so a failure can say why (authentication, no proposal, timeout).
   */
  async initiate(
    child: string,
    ike: string,
    timeoutMs = 10_000,
  ): Promise<{ ok: boolean; errmsg: string; log: string[] }> {
    const { response, events } = await this.request(
      'initiate',
      { child, ike, timeout: String(timeoutMs), 'init-limits': 'no', loglevel: '1' },
      { stream: 'control-log', timeoutMs: timeoutMs + 5_000 },
    );
    return { ok: response.success === 'yes', errmsg: str(response.errmsg), log: events.map((e) => str(e.msg)) };
  }

  /**
   * Terminates the connection's IKE_SA. With `force`, charon deletes it locally without
   * waiting for the peer's answer: what a node does once the address it spoke from has left.
   */
  async terminate(ike: string, timeoutMs = 5_000, force = false): Promise<{ ok: boolean; errmsg: string }> {
    const { response } = await this.request(
      'terminate',
      { ike, timeout: force ? '-1' : String(timeoutMs), loglevel: '-1', ...(force ? { force: 'yes' } : {}) },
      { timeoutMs: timeoutMs + 5_000 },
    );
    return { ok: response.success === 'yes', errmsg: str(response.errmsg) };
  }
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function isSection(v: unknown): v is ViciSection {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function mergeEvents(events: ViciSection[]): Record<string, ViciSection> {
  const out: Record<string, ViciSection> = {};
  for (const e of events) for (const [k, v] of Object.entries(e)) if (isSection(v)) out[k] = v;
  return out;
}

/** Connects, runs `fn`, closes. */
export async function withVici<T>(path: string, fn: (c: ViciClient) => Promise<T>, opts?: ViciConnectOptions) {
  const c = await ViciClient.connect(path, opts);
  try {
    return await fn(c);
  } finally {
    c.close();
  }
}
