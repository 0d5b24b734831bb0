// Drivers behind one interface: each observes one node and returns the normalised
// ObservedNode (or a per-node error, never a throw). Writable drivers come with apply.
import type { Observation } from './model.js';

export interface NodeDriver {
  readonly kind: 'linux' | 'snapshot' | 'sim';
  readonly node: string;
  observe(): Promise<Observation>;
}
