import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAddresses } from '../../src/observe/drivers/linux/parse-addresses.js';
import { parseLinks } from '../../src/observe/drivers/linux/parse-links.js';
import { parseNeighbors } from '../../src/observe/drivers/linux/parse-neighbors.js';
import { parseRoutes } from '../../src/observe/drivers/linux/parse-routes.js';
import { parseSysctl, sysctlCommand, sysctlPath } from '../../src/observe/drivers/linux/parse-sysctl.js';
import { parseInventory } from '../../src/observe/drivers/linux/parse-inventory.js';
import { ipFixture, ok } from './fixtures.js';

describe('parseLinks on recorded ip -j -d link show', () => {
  const links = ok(parseLinks(ipFixture('links.json')));
  const byName = new Map(links.map((l) => [l.name, l]));

  it('reads every link with kind, state, MTU, MAC and master', () => {
    assert.deepEqual(
      links.map((l) => l.name),
      ['lo', 'veth1', 'veth0', 'br0', 'veth3', 'veth2', 'veth4', 'mv0', 'vx0'],
    );
    assert.deepEqual(byName.get('veth1'), {
      name: 'veth1',
      kind: 'veth',
      adminUp: true,
      operState: 'UP',
      mtu: 1500,
      mac: '0a:2a:37:13:b3:f5',
      master: 'br0',
    });
    assert.equal(byName.get('veth0')?.mtu, 1400);
    assert.equal(byName.get('br0')?.kind, 'bridge');
    assert.equal(byName.get('br0')?.mtu, 9000);
    assert.equal(byName.get('mv0')?.kind, 'macvlan');
  });

  it('maps the loopback device to kind loopback, without a MAC', () => {
    assert.deepEqual(byName.get('lo'), {
      name: 'lo',
      kind: 'loopback',
      adminUp: true,
      operState: 'UNKNOWN',
      mtu: 65536,
    });
  });

  it('tells admin state from operational state', () => {
    assert.equal(byName.get('veth2')?.adminUp, true);
    assert.equal(byName.get('veth2')?.operState, 'LOWERLAYERDOWN');
    assert.equal(byName.get('veth3')?.adminUp, false);
    assert.equal(byName.get('veth3')?.operState, 'DOWN');
  });

  it('reports vxlan endpoints as a tunnel', () => {
    assert.deepEqual(byName.get('vx0')?.tunnel, { mode: 'vxlan', local: '192.0.2.10' });
  });

  it('falls back to physical without linkinfo, and reads bond mode and tunnel endpoints', () => {
    // No bonding or sit module on the recording machine: these entries follow the
    // field names iproute2 prints for them (bond info_data.mode, iptunnel local/remote/ttl).
    const text = JSON.stringify([
      {
        ifname: 'eth0',
        flags: ['BROADCAST', 'UP'],
        mtu: 1500,
        operstate: 'UP',
        link_type: 'ether',
        address: '02:00:00:00:00:0A',
        master: 'bond0',
      },
      {
        ifname: 'bond0',
        flags: ['MASTER', 'UP'],
        mtu: 1500,
        operstate: 'UP',
        link_type: 'ether',
        address: '02:00:00:00:00:0a',
        linkinfo: { info_kind: 'bond', info_data: { mode: 'active-backup' } },
      },
      {
        ifname: 'sit1',
        flags: ['POINTOPOINT', 'NOARP'],
        mtu: 1480,
        operstate: 'DOWN',
        link_type: 'sit',
        address: '192.0.2.1',
        linkinfo: { info_kind: 'sit', info_data: { remote: '198.51.100.1', local: '192.0.2.1', ttl: 64 } },
      },
    ]);
    const [eth0, bond0, sit1] = ok(parseLinks(text));
    assert.deepEqual(eth0, {
      name: 'eth0',
      kind: 'physical',
      adminUp: true,
      operState: 'UP',
      mtu: 1500,
      mac: '02:00:00:00:00:0a',
      master: 'bond0',
    });
    assert.deepEqual(bond0.bond, { mode: 'active-backup' });
    assert.equal(sit1.mac, undefined);
    assert.deepEqual(sit1.tunnel, { mode: 'sit', local: '192.0.2.1', remote: '198.51.100.1', ttl: 64 });
  });

  it('fails with a message on malformed output', () => {
    const r = parseLinks('[{"ifname":"x"}]');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /link x: "mtu" missing/);
    assert.equal(parseLinks('{not json').ok, false);
    assert.deepEqual(parseLinks(''), { ok: true, value: [] });
  });
});

describe('parseAddresses on recorded ip -j addr show', () => {
  const addresses = ok(parseAddresses(ipFixture('addresses.json')));
  const find = (cidr: string) => addresses.find((a) => a.cidr === cidr);

  it('reads primary and secondary IPv4 addresses, with a label only when it differs', () => {
    assert.deepEqual(find('192.0.2.10/24'), {
      interface: 'veth0',
      family: 4,
      cidr: '192.0.2.10/24',
      secondary: false,
      tentative: false,
      dadfailed: false,
      scope: 'global',
    });
    assert.deepEqual(find('192.0.2.11/24'), {
      interface: 'veth0',
      family: 4,
      cidr: '192.0.2.11/24',
      secondary: true,
      tentative: false,
      dadfailed: false,
      scope: 'global',
      label: 'veth0:db',
    });
    assert.equal(find('192.0.2.12/24')?.secondary, true);
    assert.equal(find('192.0.2.12/24')?.label, undefined);
  });

  it('reads tentative and dadfailed IPv6 addresses', () => {
    assert.equal(find('2001:db8:3::10/64')?.tentative, true);
    assert.equal(find('2001:db8:3::10/64')?.dadfailed, false);
    assert.equal(find('2001:db8:4::10/64')?.dadfailed, true);
    assert.equal(find('2001:db8:4::10/64')?.tentative, true);
    assert.equal(find('2001:db8:1::10/64')?.tentative, false);
  });

  it('keeps loopback and link-local addresses with their scope, and peer addresses', () => {
    assert.equal(find('127.0.0.1/8')?.scope, 'host');
    assert.ok(addresses.some((a) => a.family === 6 && a.scope === 'link' && a.cidr.startsWith('fe80::')));
    assert.deepEqual(find('192.0.2.200/32')?.peer, '192.0.2.201');
  });

  it('canonicalises IPv6 text', () => {
    const r = ok(
      parseAddresses(
        JSON.stringify([
          {
            ifname: 'e',
            addr_info: [{ family: 'inet6', local: '2001:DB8:0:0::0010', prefixlen: 64, scope: 'global' }],
          },
        ]),
      ),
    );
    assert.equal(r[0].cidr, '2001:db8::10/64');
  });
});

describe('parseRoutes on recorded ip -N -j route show table all', () => {
  const v4 = ok(parseRoutes(ipFixture('routes-4.json'), 4));
  const v6 = ok(parseRoutes(ipFixture('routes-6.json'), 6));

  it('drops the local table, broadcast, multicast and link-local entries', () => {
    assert.ok(v4.every((r) => r.table !== 255));
    assert.ok(!v4.some((r) => r.to === '127.0.0.0/8' || r.to === '192.0.2.255/32'));
    assert.ok(!v6.some((r) => r.to.startsWith('fe80') || r.to.startsWith('ff00')));
    assert.deepEqual(
      v6.map((r) => r.to),
      ['default', '2001:db8:1::/64', '2001:db8:2::/64', '2001:db8:3::/64', '2001:db8:4::/64', '2001:db8:99::/48'],
    );
  });

  it('reads gateway, on-link, metric, protocol and table', () => {
    const find = (to: string, table = 254) => v4.find((r) => r.to === to && r.table === table);
    assert.deepEqual(find('203.0.113.0/24'), {
      to: '203.0.113.0/24',
      family: 4,
      protocol: 'boot',
      table: 254,
      metric: 0,
      via: '192.0.2.1',
      device: 'veth0',
    });
    assert.deepEqual(find('203.0.113.128/25'), {
      to: '203.0.113.128/25',
      family: 4,
      protocol: 'boot',
      table: 254,
      metric: 50,
      via: '192.0.2.254',
      device: 'veth0',
      onlink: true,
    });
    assert.deepEqual(find('default', 100), {
      to: 'default',
      family: 4,
      protocol: 'boot',
      table: 100,
      metric: 0,
      via: '192.0.2.1',
      device: 'veth0',
    });
    assert.equal(find('198.51.100.128/25')?.protocol, 'static');
    assert.deepEqual(find('192.0.2.0/24'), {
      to: '192.0.2.0/24',
      family: 4,
      protocol: 'kernel',
      table: 254,
      metric: 0,
      device: 'veth0',
      scope: 'link',
      src: '192.0.2.10',
    });
    assert.equal(v6.find((r) => r.to === '2001:db8:99::/48')?.metric, 20);
    assert.deepEqual(v6[0], { to: 'default', family: 6, protocol: 'boot', table: 101, metric: 2048, device: 'veth0' });
  });

  it('reads blackhole, unreachable and multipath routes, host routes with /32', () => {
    assert.deepEqual(
      v4.find((r) => r.type === 'blackhole'),
      { to: '203.0.113.77/32', family: 4, protocol: 'boot', table: 254, metric: 0, type: 'blackhole' },
    );
    assert.deepEqual(v4.find((r) => r.type === 'unreachable')?.table, 200);
    assert.deepEqual(v4.find((r) => r.to === '192.0.2.128/26')?.nexthops, [
      { via: '192.0.2.1', device: 'veth0', weight: 1 },
      { via: '192.0.2.2', device: 'veth0', weight: 2 },
    ]);
    assert.equal(v4.find((r) => r.to === '192.0.2.128/26')?.protocol, 'bird');
  });

  it('accepts symbolic names too and refuses a destination of the wrong family', () => {
    const r = ok(
      parseRoutes(
        JSON.stringify([{ dst: '192.0.2.0/24', table: 'main', protocol: 'static', scope: 'link', dev: 'e' }]),
        4,
      ),
    );
    assert.equal(r[0].table, 254);
    assert.equal(r[0].scope, 'link');
    assert.equal(parseRoutes(JSON.stringify([{ dst: '2001:db8::/32' }]), 4).ok, false);
    assert.equal(parseRoutes(JSON.stringify([{ dst: '192.0.2.0/24', table: 'custom' }]), 4).ok, false);
  });
});

describe('parseNeighbors on recorded ip -j neigh show nud permanent', () => {
  it('reads ARP and NDP entries', () => {
    assert.deepEqual(ok(parseNeighbors(ipFixture('neighbors.json'))), [
      { interface: 'veth0', address: '192.0.2.1', lladdr: '02:00:00:00:00:01', family: 4 },
      { interface: 'veth0', address: '2001:db8:1::1', lladdr: '02:00:00:00:00:02', family: 6 },
    ]);
  });
});

describe('sysctl read', () => {
  it('parses promote_secondaries for all, default and each interface', () => {
    const s = ok(parseSysctl(ipFixture('sysctl.txt')));
    assert.equal(s['net.ipv4.conf.veth0.promote_secondaries'], '1');
    assert.equal(s['net.ipv4.conf.all.promote_secondaries'], '0');
    assert.equal(s['net.ipv4.conf.default.promote_secondaries'], '0');
    assert.equal(s['net.ipv4.conf.br0.arp_ignore'], '0');
    assert.equal(Object.keys(s).length, 40);
  });

  it('maps dotted interface names and extra keys to /proc/sys paths and back', () => {
    assert.equal(
      sysctlPath('net.ipv4.conf.eth0/100.promote_secondaries'),
      '/proc/sys/net/ipv4/conf/eth0.100/promote_secondaries',
    );
    const s = ok(
      parseSysctl(
        '/proc/sys/net/ipv4/conf/eth0.100/promote_secondaries:1\n' +
          '/proc/sys/net/ipv4/ip_forward:1\n/proc/sys/net/ipv4/conf/eth0/forwarding:1\n',
        ['net.ipv4.ip_forward'],
      ),
    );
    assert.deepEqual(s, { 'net.ipv4.conf.eth0/100.promote_secondaries': '1', 'net.ipv4.ip_forward': '1' });
  });

  it('builds one grep command, leaving out invalid extra names', () => {
    assert.deepEqual(
      sysctlCommand(['net.ipv4.ip_forward', '../../etc/shadow', 'net.ipv4.conf.all.promote_secondaries']),
      [
        'grep',
        '-r',
        '-H',
        '-s',
        '.',
        '--include=promote_secondaries',
        '--include=arp_ignore',
        '--include=arp_announce',
        '--include=arp_notify',
        '--include=ip_forward',
        '/proc/sys/net/ipv4/conf',
        '/proc/sys/net/ipv4/ip_forward',
      ],
    );
  });
});

describe('parseInventory', () => {
  it('treats a missing file as empty and refuses a corrupt one', () => {
    assert.deepEqual(parseInventory(null, '/x'), { ok: true, value: { owned: [] } });
    assert.deepEqual(ok(parseInventory('{"owned":["a"]}', '/x')).owned, ['a']);
    const bad = parseInventory('{"owned":"all"}', '/var/lib/tandem/inventory.json');
    assert.equal(bad.ok, false);
    assert.match(!bad.ok ? bad.message : '', /inventory \/var\/lib\/tandem\/inventory.json: "owned" must be a list/);
  });
});
