// Reads the recorded iproute2 outputs in test/fixtures/ip (see its README).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ObservedNode } from '../../src/observe/model.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

export function ipFixture(name: string): string {
  return readFileSync(join(PACKAGE_ROOT, 'test', 'fixtures', 'ip', name), 'utf8');
}

export function ok<T>(p: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!p.ok) throw new Error(`parse failed: ${p.message}`);
  return p.value;
}

/** A small observed node for snapshot and driver-selection tests. */
export function sampleState(node = 'server1'): ObservedNode {
  return {
    node,
    driver: 'linux',
    observedAt: '2026-01-01T00:00:00.000Z',
    links: [{ name: 'eth0', kind: 'physical', adminUp: true, operState: 'UP', mtu: 1500, mac: '02:00:00:00:00:01' }],
    addresses: [
      {
        interface: 'eth0',
        family: 4,
        cidr: '192.0.2.11/24',
        secondary: false,
        tentative: false,
        dadfailed: false,
        scope: 'global',
      },
    ],
    routes: [{ to: 'default', family: 4, via: '192.0.2.1', device: 'eth0', protocol: 'boot', table: 254, metric: 0 }],
    neighbors: [{ interface: 'eth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:02', family: 4 }],
    xfrmPolicies: [
      {
        selector: { src: '192.0.2.0/24', dst: '198.51.100.0/24' },
        dir: 'out',
        action: 'allow',
        priority: 10,
        templates: [{ proto: 'esp', mode: 'transport', level: 'required' }],
      },
    ],
    sysctl: { 'net.ipv4.conf.all.promote_secondaries': '1' },
    inventory: { owned: ['server1/address/eth0/192.0.2.11/24'] },
  };
}
