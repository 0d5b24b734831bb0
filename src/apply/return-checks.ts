// Putting an address back (a rollback to the checkpoint, a moving address returned to the
// node it left) is an arrival like any other: the address may meanwhile be answered for
// by another host (another tandem, the HA layer, a person moved it), so it gets the same
// uniqueness check an arrival gets (arping -D, seed 004's IP Recovery Kit uniqueness
// check), and is not brought back when someone else answers for it. IPv6 addresses are
// checked by the kernel's DAD when they come up, which verification then reads.
//
// And a delete that the kernel refuses because the address is not there means the same
// thing from the other side: someone moved it while this apply ran. isAddressGone tells
// that failure apart, so the executor stops and re-observes instead of "restoring" it.
import type { AddressObject } from '../diff/objects.js';
import type { DesiredModel } from '../model/desired.js';
import { hostPart } from '../model/ip.js';
import { addressChecks, type Check } from '../plan/checks.js';
import type { KernelOp } from '../plan/ops.js';
import type { AuditLog } from './audit.js';
import type { WritableNode } from './writable-node.js';

/** The kernel's answer to deleting an address a node does not have (iproute2 and the sim). */
export function isAddressGone(error: string): boolean {
  return /Address not found|address not found|Cannot assign requested address/.test(error);
}

type AddrAdd = Extract<KernelOp, { op: 'addr-add' }>;

/** The uniqueness check an arrival of this address on this node gets, if any. */
export function uniquenessCheckFor(model: DesiredModel, node: string, op: AddrAdd): Check | undefined {
  const family = op.cidr.includes(':') ? 6 : 4;
  const ip = hostPart(op.cidr);
  const reloc = model.relocatables.find((r) => hostPart(r.doc.spec.address) === ip)?.doc;
  const address: AddressObject = {
    kind: 'address',
    key: `addr:${ip}`,
    iface: op.iface,
    cidr: op.cidr,
    family,
    ...(reloc ? { relocatable: reloc.metadata.name } : {}),
  };
  return addressChecks(node, address, reloc, model.cluster?.doc).pre.find((c) => c.kind === 'uniqueness');
}

export interface ReturnVetting {
  /** The ops that may run: every op but the address adds someone else answers for. */
  ops: KernelOp[];
  /** Addresses not brought back, with why. */
  refused: { cidr: string; error: string }[];
}

/**
 * Runs the uniqueness check of every IPv4 address the ops would bring back, and drops the
 * adds of those another host already answers for; the caller reports them as not restored.
 */
export async function vetReturns(input: {
  model: DesiredModel;
  writer: WritableNode;
  ops: readonly KernelOp[];
  audit: AuditLog;
  wave: number;
  /** What is being done, for the audit log: "rollback" or "restore". */
  phase: string;
}): Promise<ReturnVetting> {
  const { writer, audit } = input;
  const refused: ReturnVetting['refused'] = [];
  const ops: KernelOp[] = [];
  for (const op of input.ops) {
    if (op.op !== 'addr-add') {
      ops.push(op);
      continue;
    }
    const check = uniquenessCheckFor(input.model, writer.node, op);
    if (!check) {
      ops.push(op);
      continue;
    }
    const r = await writer.runCheck(check);
    audit.record({
      event: 'check',
      node: writer.node,
      wave: input.wave,
      result: r.ok ? (r.notApplicable ? 'not-applicable' : 'ok') : 'failed',
      durationMs: r.durationMs,
      ...(r.command ? { command: r.command } : {}),
      detail: { phase: input.phase, kind: check.kind, cidr: op.cidr },
      ...(r.ok ? {} : { error: r.error }),
    });
    if (r.ok) ops.push(op);
    else refused.push({ cidr: op.cidr, error: r.error });
  }
  return { ops, refused };
}
