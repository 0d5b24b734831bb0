// One kernel op as the `ip` command line it amounts to, for plans and audit logs.
// Display only: the applier builds argument arrays, never strings.
import type { KernelOp } from '../plan/ops.js';

export function describeOp(op: KernelOp): string {
  switch (op.op) {
    case 'link-set':
      return (
        `ip link set ${op.iface}${op.mtu !== undefined ? ` mtu ${op.mtu}` : ''}` +
        (op.up === undefined ? '' : op.up ? ' up' : ' down')
      );
    case 'link-add-bond':
      return (
        `ip link add ${op.iface} type bond mode ${op.mode}` +
        (op.miimonMs !== undefined ? ` miimon ${op.miimonMs}` : '')
      );
    case 'link-add-tunnel':
      return (
        `ip link add ${op.iface} type ${op.mode} local ${op.local} remote ${op.remote}` +
        (op.ttl ? ` ttl ${op.ttl}` : '')
      );
    case 'link-del':
      return `ip link del ${op.iface}`;
    case 'link-enslave':
      return `ip link set ${op.iface} master ${op.master}`;
    case 'link-release':
      return `ip link set ${op.iface} nomaster`;
    case 'addr-add':
      return `ip addr add ${op.cidr} dev ${op.iface}${op.label ? ` label ${op.label}` : ''}`;
    case 'addr-del':
      return `ip addr del ${op.cidr} dev ${op.iface}`;
    case 'route-replace':
    case 'route-del':
      return (
        `ip route ${op.op === 'route-del' ? 'del' : 'replace'} ${op.to}` +
        (op.via ? ` via ${op.via}` : '') +
        ` dev ${op.dev}` +
        (op.metric !== undefined ? ` metric ${op.metric}` : '') +
        (op.table !== undefined && op.table !== 254 ? ` table ${op.table}` : '')
      );
    case 'route-src':
      return `ip route replace ${op.to} dev ${op.iface} proto kernel scope link src ${op.src}`;
    case 'neigh-replace':
      return `ip neigh replace ${op.address} lladdr ${op.lladdr} dev ${op.iface} nud permanent`;
    case 'neigh-del':
      return `ip neigh del ${op.address} dev ${op.iface}`;
    case 'xfrm-policy-update': {
      const p = op.policy;
      const tmpl = p.templates
        .map(
          (t) =>
            ` tmpl${t.src ? ` src ${t.src}` : ''}${t.dst ? ` dst ${t.dst}` : ''}` +
            ` proto ${t.proto} mode ${t.mode} level ${t.level}`,
        )
        .join('');
      return (
        `ip xfrm policy update src ${p.selector.src} dst ${p.selector.dst}` +
        (p.selector.proto ? ` proto ${p.selector.proto}` : '') +
        ` dir ${p.dir} action ${p.action} priority ${p.priority}${tmpl}`
      );
    }
    case 'xfrm-policy-del':
      return (
        `ip xfrm policy delete src ${op.selector.src} dst ${op.selector.dst}` +
        (op.selector.proto ? ` proto ${op.selector.proto}` : '') +
        ` dir ${op.dir}`
      );
    case 'sysctl-set':
      return `sysctl -w ${op.name}=${op.value}`;
  }
}
