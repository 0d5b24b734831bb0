// IKE connection environments for rule tests: one or two nodes and connections written
// inline, so a test changes only the fields it is about.
import { CLUSTER, nodeDoc, type Files } from './env.js';

export interface IkeFields {
  name?: string;
  appliesTo?: string;
  local?: string;
  remote?: string;
  ikeProposals?: string;
  psk?: string | null;
  version?: string;
  extra?: string;
  children?: string;
}

/** An IKEConnection document; each field is YAML text (flow style), `null` leaves it out. */
export function ikeDoc(f: IkeFields = {}): string {
  const line = (key: string, value: string | null | undefined, fallback?: string) => {
    const v = value === undefined ? fallback : value;
    return v === null || v === undefined ? '' : `  ${key}: ${v}\n`;
  };
  const spec = [
    line('version', f.version),
    line('appliesTo', f.appliesTo, '{ nodes: [n1] }'),
    line('local', f.local, '{ address: 192.0.2.11, auth: psk }'),
    line('remote', f.remote, '{ address: 198.51.100.10, auth: psk }'),
    line('ikeProposals', f.ikeProposals, '[aes256gcm16-prfsha384-ecp384]'),
    line('psk', f.psk, '{ env: SITE_PSK }'),
    f.extra ?? '',
    '  children:\n',
    f.children ?? '    - { name: net, espProposals: [aes256gcm16] }\n',
  ];
  return `apiVersion: tandem/v1\nkind: IKEConnection\nmetadata: { name: ${f.name ?? 'site'} }\nspec:\n${spec.join('')}`;
}

/** Cluster, n1 (192.0.2.11/24, 198.51.100.0/24 routed) and n2 (192.0.2.12/24), plus `extra` files. */
export function ikeEnv(extra: Files): Files {
  return {
    'c.yaml': CLUSTER,
    'n1.yaml': nodeDoc('n1', [
      '{ name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24], ' +
        'routes: [{ to: 198.51.100.0/24, via: 192.0.2.1 }] }',
      '{ name: eth1, type: physical, segment: private }',
    ]),
    'n2.yaml': nodeDoc('n2', [
      '{ name: eth0, type: physical, segment: public, addresses: [192.0.2.12/24], ' +
        'routes: [{ to: 198.51.100.0/24, via: 192.0.2.1 }] }',
      '{ name: eth1, type: physical, segment: private }',
    ]),
    ...extra,
  };
}
