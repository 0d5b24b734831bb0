// Plan items grouped by node in one pass: renderers list a fleet's thousands of nodes,
// and filtering every change for every node was quadratic in the fleet's size.
export function groupByNode<T extends { node?: string }>(items: readonly T[]): Map<string | undefined, T[]> {
  const out = new Map<string | undefined, T[]>();
  for (const item of items) {
    const list = out.get(item.node);
    if (list) list.push(item);
    else out.set(item.node, [item]);
  }
  return out;
}
