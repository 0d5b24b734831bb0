// Kernel errors of the sim, worded the way iproute2 prints them against a current
// kernel (checked on Linux 6.18 with iproute2 6.1), so `tandem apply` output reads the
// same whether a node is simulated or real. `code` is the errno name: the planner and
// the applier branch on it, never on the message.

export type KernelErrorCode =
  | 'EEXIST'
  | 'EADDRNOTAVAIL'
  | 'ENODEV'
  | 'ENETUNREACH'
  | 'EHOSTUNREACH'
  | 'ENETDOWN'
  | 'ESRCH'
  | 'ENOENT'
  | 'EOPNOTSUPP'
  | 'EPERM'
  | 'EINVAL'
  | 'EBUSY';

export interface KernelError {
  code: KernelErrorCode;
  message: string;
}

const err = (code: KernelErrorCode, message: string): KernelError => ({ code, message });

export const errors = {
  noDevice: (iface: string) => err('ENODEV', `Cannot find device "${iface}"`),
  noMaster: (master: string) => err('ENODEV', `Error: argument "${master}" is wrong: Device does not exist`),
  linkExists: () => err('EEXIST', 'RTNETLINK answers: File exists'),
  badIfname: (iface: string) => err('EINVAL', `Error: argument "${iface}" is wrong: "dev" not a valid ifname`),
  policyValidation: () => err('EINVAL', 'Error: Attribute failed policy validation.'),
  notSupported: () => err('EOPNOTSUPP', 'RTNETLINK answers: Operation not supported'),
  mtuTooSmall: () => err('EINVAL', 'Error: mtu less than device minimum.'),
  mtuTooLarge: () => err('EINVAL', 'Error: mtu greater than device maximum.'),
  enslaveWhileUp: () => err('EPERM', 'Error: Device can not be enslaved while up.'),
  enslaveSelf: () => err('EPERM', 'Error: Cannot enslave bond to itself.'),
  enslaveBusy: () => err('EBUSY', 'Error: Device is in use and cannot be enslaved.'),
  cannotEnslave: () => err('EOPNOTSUPP', 'RTNETLINK answers: Operation not supported'),
  badBondMode: (mode: string) => err('EINVAL', `Error: argument "${mode}" is wrong: invalid mode`),
  badTunnelMode: (mode: string) => err('EINVAL', `Error: argument "${mode}" is wrong: unknown tunnel mode`),
  badTunnelEndpoint: (addr: string) =>
    err('EINVAL', `Error: argument "${addr}" is wrong: invalid tunnel endpoint for this mode`),
  badPrefix: (text: string) => err('EINVAL', `Error: any valid prefix is expected rather than "${text}".`),
  badAddress: (text: string) => err('EINVAL', `Error: any valid address is expected rather than "${text}".`),
  badLladdr: (text: string) => err('EINVAL', `"${text}" is invalid lladdr.`),
  labelMismatch: (iface: string, label: string) => err('EINVAL', `"dev" (${iface}) must match "label" (${label}).`),
  addrExists: (family: 4 | 6) =>
    err('EEXIST', family === 4 ? 'Error: ipv4: Address already assigned.' : 'Error: ipv6: address already assigned.'),
  addrNotFound: (family: 4 | 6) =>
    err('EADDRNOTAVAIL', family === 4 ? 'Error: ipv4: Address not found.' : 'Error: ipv6: address not found.'),
  invalidGateway: () => err('ENETUNREACH', 'Error: Nexthop has invalid gateway.'),
  noRouteToGateway: () => err('EHOSTUNREACH', 'RTNETLINK answers: No route to host'),
  nexthopDown: (family: 4 | 6) =>
    err('ENETDOWN', family === 4 ? 'Error: Device for nexthop is not up.' : 'Error: Nexthop device is not up.'),
  invalidPrefsrc: (family: 4 | 6) =>
    err('EINVAL', family === 4 ? 'Error: Invalid prefsrc address.' : 'Error: Invalid source address.'),
  familyMismatch: (text: string) =>
    err(
      'EINVAL',
      `Error: argument "${text}" is wrong: the same address family is required between values after "src" and "dst"`,
    ),
  noSuchRoute: () => err('ESRCH', 'RTNETLINK answers: No such process'),
  noSuchEntry: () => err('ENOENT', 'RTNETLINK answers: No such file or directory'),
  noSuchSysctl: (name: string) =>
    err('ENOENT', `sysctl: cannot stat /proc/sys/${name.replaceAll('.', '/')}: No such file or directory`),
  badSysctl: (name: string) => err('EINVAL', `sysctl: "${name}" must be of the form net.<section>.<name>`),
};
