// Addresses the node holds without owning them in etcd: each is announced once (log and
// audit line) and left alone until its grace ends; then the pass removes it. An address
// that stops being held, or becomes owned, starts over.
export class Grace {
  private readonly since = new Map<string, number>();

  constructor(
    readonly graceMs: number,
    private readonly announce: (name: string) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The names, among those held without owning, still inside their grace. */
  graced(heldUnowned: readonly string[]): Set<string> {
    const now = this.clock();
    const out = new Set<string>();
    for (const name of [...this.since.keys()]) if (!heldUnowned.includes(name)) this.since.delete(name);
    for (const name of heldUnowned) {
      let since = this.since.get(name);
      if (since === undefined) {
        since = now;
        this.since.set(name, now);
        this.announce(name);
      }
      if (now - since < this.graceMs) out.add(name);
    }
    return out;
  }
}
