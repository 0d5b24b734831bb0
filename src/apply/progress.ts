// A live progress line for long applies, on a terminal only: "wave 2/5 · server1 · step".
// Anywhere else (a pipe, CI, --json) it stays silent, so logs hold only the report.
export interface ProgressSink {
  update(text: string): void;
  done(): void;
}

export class TerminalProgress implements ProgressSink {
  private shown = false;
  private last = 0;

  constructor(private readonly stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }) {}

  static for(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }): ProgressSink | undefined {
    return stream.isTTY ? new TerminalProgress(stream) : undefined;
  }

  update(text: string): void {
    // Redrawing more often than a terminal refreshes only costs time on big waves.
    const now = Date.now();
    if (this.shown && now - this.last < 50) return;
    this.last = now;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    this.stream.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
