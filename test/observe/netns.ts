// Scratch network namespaces for integration tests: names start with `tdmt-` plus the
// test's process id, every namespace made is recorded and removed in `after`, and the
// tests skip with a printed reason where namespaces cannot be made.
import { execa } from 'execa';

export async function netnsUnavailableReason(): Promise<string | false> {
  if (process.getuid?.() !== 0) return 'needs root to create network namespaces';
  const probe = `tdmt-probe-${process.pid}`;
  const add = await execa('ip', ['netns', 'add', probe], { reject: false });
  if (add.failed) return `ip netns is unavailable: ${String(add.stderr || add.message).split('\n')[0]}`;
  await execa('ip', ['netns', 'del', probe], { reject: false });
  return false;
}

export class Namespaces {
  private readonly made = new Set<string>();

  name(suffix: string): string {
    return `tdmt-${process.pid}-${suffix}`;
  }

  async add(suffix: string): Promise<string> {
    const ns = this.name(suffix);
    await execa('ip', ['netns', 'add', ns]);
    this.made.add(ns);
    await ip(ns, 'link', 'set', 'lo', 'up');
    return ns;
  }

  async removeAll(): Promise<string[]> {
    const failed: string[] = [];
    for (const ns of this.made) {
      const r = await execa('ip', ['netns', 'del', ns], { reject: false });
      if (r.failed) failed.push(ns);
      else this.made.delete(ns);
    }
    return failed;
  }
}

/** Runs `ip -n NS ...` and fails the test on error. */
export async function ip(ns: string, ...args: string[]): Promise<void> {
  await execa('ip', ['-n', ns, ...args]);
}

export async function sysctlIn(ns: string, name: string, value: string): Promise<void> {
  await execa('ip', ['netns', 'exec', ns, 'sysctl', '-q', '-w', `${name}=${value}`]);
}

export async function namespaceExists(ns: string): Promise<boolean> {
  const r = await execa('ip', ['netns', 'list'], { reject: false });
  return String(r.stdout)
    .split('\n')
    .some((l) => l.split(' ')[0] === ns);
}
