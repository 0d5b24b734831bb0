// The order of IKE steps around a relocatable address's move (environments/serviceguard:
// pkga-dr follows pkga, node1 -> node2), and the gate that refuses an order leaving the
// address's traffic without a connection.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DesiredModel } from '../../src/model/desired.js';
import { checkIkeOrder, ikeSteps, moveOrder, type IkeNodeView, type MoveItem } from '../../src/plan/ike-steps.js';
import { validateEnvironment } from '../../src/validate/index.js';

const v = await validateEnvironment('environments/serviceguard');
const model = v.model as DesiredModel;
const view = (loaded: string[], established: string[] = []): IkeNodeView => ({
  loaded: new Set(loaded),
  established: new Set(established),
});
const label = (i: MoveItem) => (i.kind === 'ike' ? i.id : `${i.node}:address/${i.address}/${i.action}`);
const start = (loaded: Record<string, string[]>, holder: string) => ({
  loaded: new Map(Object.entries(loaded).map(([n, l]) => [n, new Set(l)])),
  holders: new Map([['pkga', new Set([holder])]]),
});

describe('IKE steps of a move', () => {
  it('loads on the adoptive node before the address arrives and initiates after', () => {
    assert.ok(v.valid, JSON.stringify(v.diagnostics.slice(0, 2)));
    const order = moveOrder(
      model,
      { address: 'pkga', from: 'node1', to: 'node2' },
      new Map([
        ['node1', view(['pkga-dr'], ['pkga-dr'])],
        ['node2', view([])],
      ]),
    );
    assert.deepEqual(order.map(label), [
      'node2:ike/pkga-dr/load',
      'node1:address/pkga/del',
      'node2:address/pkga/add',
      'node2:ike/pkga-dr/initiate',
      'node1:ike/pkga-dr/terminate',
    ]);
    assert.deepEqual(checkIkeOrder(model, order, start({ node1: ['pkga-dr'] }, 'node1')), []);
  });

  it('does not load again where the connection is loaded', () => {
    const order = moveOrder(
      model,
      { address: 'pkga', from: 'node1', to: 'node2' },
      new Map([['node2', view(['pkga-dr'])]]),
    );
    assert.equal(order[0].kind, 'address');
  });

  it('refuses an arrival before the load, an initiate before the arrival, an unload while the address is held', () => {
    const load: MoveItem = {
      kind: 'ike',
      id: 'node2:ike/pkga-dr/load',
      node: 'node2',
      connection: 'pkga-dr',
      action: 'load',
      description: '',
    };
    const init: MoveItem = { ...load, id: 'node2:ike/pkga-dr/initiate', action: 'initiate' };
    const unload1: MoveItem = { ...load, id: 'node1:ike/pkga-dr/unload', node: 'node1', action: 'unload' };
    const del: MoveItem = { kind: 'address', node: 'node1', address: 'pkga', action: 'del' };
    const add: MoveItem = { kind: 'address', node: 'node2', address: 'pkga', action: 'add' };
    const s = start({ node1: ['pkga-dr'] }, 'node1');
    const arriveFirst = checkIkeOrder(model, [del, add, load, init], s);
    assert.deepEqual(
      arriveFirst.map((r) => [r.ruleId, r.item]),
      [['TR015', 'node2:address/pkga']],
    );
    assert.match(arriveFirst[0].explanation, /before IKE connection pkga-dr is loaded there/);
    const initEarly = checkIkeOrder(model, [load, init, del, add], s);
    assert.deepEqual(
      initEarly.map((r) => r.item),
      ['node2:ike/pkga-dr/initiate'],
    );
    assert.match(initEarly[0].explanation, /does not hold pkga/);
    const unloadEarly = checkIkeOrder(model, [load, unload1, del, add, init], s);
    assert.deepEqual(
      unloadEarly.map((r) => r.item),
      ['node1:ike/pkga-dr/unload'],
    );
  });

  it('without a move: loads what a node lacks, initiates where it holds the address, unloads the rest', () => {
    const steps = ikeSteps(
      model,
      new Map([
        ['node1', view(['pkga-dr', 'old'])],
        ['node2', view(['pkga-dr'])],
      ]),
      (node) => node === 'node1',
    );
    assert.deepEqual(
      steps.map((s) => s.id),
      ['node1:ike/pkga-dr/initiate', 'node1:ike/old/unload'],
    );
  });
});
