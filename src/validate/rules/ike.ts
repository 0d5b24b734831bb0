// The IKE connection rules (kind IKEConnection), family by family: algorithms against
// RFC 8247 and RFC 8221, each connection on its own, parity across the nodes an address
// may live on (seed 003), selectors against tandem's XFRM policies, and peers that are
// both tandem nodes. docs/ipsec.md explains them together.
import { ikeAlgorithmRules } from './ike-algorithms.js';
import { ikeConnectionRules } from './ike-connections.js';
import { ikeParity } from './ike-parity.js';
import { ikePeerRules } from './ike-peers.js';
import { ikeSelectorRules } from './ike-selectors.js';

export const ikeRules = [
  ...ikeAlgorithmRules,
  ...ikeConnectionRules,
  ikeParity,
  ...ikeSelectorRules,
  ...ikePeerRules,
] as const;
