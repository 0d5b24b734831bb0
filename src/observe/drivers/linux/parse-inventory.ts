// tandem's inventory file (written by apply): which objects tandem created on a node.
// A missing file is an empty inventory; a file that is not a valid inventory is an
// error, never an empty inventory, because an inventory read as empty would hide
// objects tandem owns.
import type { Inventory } from '../../model.js';
import { guard, Malformed, type Parsed } from './parsed.js';

export function emptyInventory(): Inventory {
  return { owned: [] };
}

export function parseInventory(text: string | null, path: string): Parsed<Inventory> {
  if (text === null) return { ok: true, value: emptyInventory() };
  return guard(`inventory ${path}`, () => {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Malformed('not a JSON object');
    const inv = value as Record<string, unknown>;
    if (!Array.isArray(inv.owned) || !inv.owned.every((k) => typeof k === 'string'))
      throw new Malformed('"owned" must be a list of strings');
    if (inv.mirrors !== undefined && !Array.isArray(inv.mirrors)) throw new Malformed('"mirrors" must be a list');
    const last = inv.lastApply as Record<string, unknown> | undefined;
    if (
      last !== undefined &&
      (typeof last !== 'object' ||
        last === null ||
        !['revision', 'at', 'planId'].every((k) => typeof last[k] === 'string'))
    ) {
      throw new Malformed('"lastApply" must have revision, at and planId strings');
    }
    return value as Inventory;
  });
}
