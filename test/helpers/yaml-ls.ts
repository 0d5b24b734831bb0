// A minimal Language Server Protocol client for yaml-language-server over stdio: what an
// editor (VS Code's YAML extension, neovim, Helix...) does. It opens files and collects
// the diagnostics the server publishes for them. No editor settings are sent beyond
// "validate": the schema comes from each document's modeline, as in a plain editor.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface LsDiagnostic {
  line: number;
  message: string;
  severity: number;
}

interface Message {
  id?: number;
  method?: string;
  params?: {
    uri?: string;
    diagnostics?: Array<{ range: { start: { line: number } }; message: string; severity: number }>;
  };
  result?: unknown;
}

const SERVER = join(
  dirname(createRequire(import.meta.url).resolve('yaml-language-server/package.json')),
  'bin',
  'yaml-language-server',
);

export class YamlLanguageServer {
  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, (result: unknown) => void>();
  private readonly published = new Map<string, LsDiagnostic[]>();
  private readonly waiters: Array<() => void> = [];
  private readonly versions = new Map<string, number>();

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (d: Buffer) => this.receive(d));
  }

  static async start(root: string): Promise<YamlLanguageServer> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const ls = new YamlLanguageServer(child);
    await ls.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: {} } },
    });
    ls.notify('initialized', {});
    ls.notify('workspace/didChangeConfiguration', {
      settings: { yaml: { validate: true, schemaStore: { enable: false } } },
    });
    return ls;
  }

  /** Opens each file and returns, per file, what the server reported once every file has been validated. */
  async diagnose(files: readonly string[], settleMs = 400): Promise<Map<string, LsDiagnostic[]>> {
    const uris = files.map((f) => pathToFileURL(f).href);
    for (const [i, f] of files.entries()) {
      const uri = uris[i];
      const text = await readFile(f, 'utf8');
      this.published.delete(uri);
      // A document stays open: closing one makes the server publish an empty list, which
      // would arrive as the answer to the next look at it.
      const version = (this.versions.get(uri) ?? 0) + 1;
      this.versions.set(uri, version);
      if (version === 1)
        this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
      else this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    const deadline = Date.now() + 30_000;
    while (!uris.every((u) => this.published.has(u))) {
      if (Date.now() > deadline) throw new Error('yaml-language-server published no diagnostics within 30 s');
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
    }
    // A later publication (after the schema loaded) replaces an earlier one.
    await new Promise((r) => setTimeout(r, settleMs));
    return new Map(files.map((f, i) => [f, this.published.get(uris[i]) ?? []]));
  }

  async stop(): Promise<void> {
    await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
    this.notify('exit', null);
    if (this.child.exitCode === null) this.child.kill();
  }

  private send(msg: object): void {
    const text = JSON.stringify({ jsonrpc: '2.0', ...msg });
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
  }

  private notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  private receive(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const head = this.buffer.indexOf('\r\n\r\n');
      if (head < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, head).toString())?.[1]);
      if (this.buffer.length < head + 4 + length) return;
      const msg = JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString()) as Message;
      this.buffer = this.buffer.subarray(head + 4 + length);
      if (msg.id !== undefined && msg.method) {
        // The server asks for settings per scope: the same for every one.
        const items = (msg.params as { items?: unknown[] } | undefined)?.items ?? [];
        const result = msg.method === 'workspace/configuration' ? items.map(() => ({ validate: true })) : null;
        this.send({ id: msg.id, result });
      } else if (msg.id !== undefined) {
        this.pending.get(msg.id)?.(msg.result);
        this.pending.delete(msg.id);
      } else if (msg.method === 'textDocument/publishDiagnostics' && msg.params?.uri) {
        this.published.set(
          msg.params.uri,
          (msg.params.diagnostics ?? []).map((d) => ({
            line: d.range.start.line + 1,
            message: d.message,
            severity: d.severity,
          })),
        );
        for (const w of this.waiters.splice(0)) w();
      }
    }
  }
}
