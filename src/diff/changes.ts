// The diff's output types. An Action's display symbol sits beside it (Terraform's
// plans.Action does the same), so renderers never invent their own.
import type { NodeObject, ObjectKind } from './objects.js';

export type Action = 'create' | 'update' | 'delete' | 'replace';

export const ACTION_SYMBOL: Record<Action, string> = { create: '+', update: '~', delete: '-', replace: '-/+' };

export interface Change {
  /** Stable id: `${node}:${key}`. */
  id: string;
  node: string;
  key: string;
  kind: ObjectKind;
  action: Action;
  before?: NodeObject;
  after?: NodeObject;
  reason: string;
}

/** A change that is known but held back, with why (e.g. the interface is failed over). */
export interface Deferral {
  /** The transition rule that holds it back (TR003: the interface is failed over). */
  ruleId: string;
  node: string;
  key: string;
  action: Action;
  description: string;
  reason: string;
}

/** Something the plan wants the reader to know that is not a change (switchback left, unmanaged objects). */
export interface Note {
  node?: string;
  subject: string;
  message: string;
}
