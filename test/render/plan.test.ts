// Rendering of plans: the text symbols and summary, the pull-request markdown (refusals
// first, one section per node, cut under the limit with a note), and a Mermaid diagram
// that hostile-looking names cannot break out of.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMermaid } from '../../src/render/graph-mermaid.js';
import { renderPlanMarkdown, PLAN_COMMENT_MARKER } from '../../src/render/plan-markdown.js';
import { renderPlanText } from '../../src/render/plan-text.js';
import { CLUSTER, dbAddressDoc, nodeDoc, validateTexts } from '../helpers/env.js';
import { observations, observedNode } from '../helpers/observed.js';
import { planFor } from '../helpers/plan.js';

const files = {
  'c.yaml': CLUSTER,
  'n.yaml': [
    nodeDoc('s1', ['{ name: eth0, type: physical, segment: public, addresses: [192.0.2.11/24] }']),
    nodeDoc('s2', ['{ name: eth0, type: physical, segment: public, addresses: [192.0.2.12/24] }']),
  ].join('---\n'),
  'a.yaml': dbAddressDoc('s2'),
};

function switchover() {
  const s1 = observedNode('s1', {
    links: ['eth0'],
    addresses: { eth0: ['192.0.2.11/24', '192.0.2.50/24', '192.0.2.99/24'] },
    owned: ['addr:192.0.2.50', 'addr:192.0.2.99'],
  });
  const s2 = observedNode('s2', { links: ['eth0'], addresses: { eth0: ['192.0.2.12/24'] } });
  return planFor(files, observations(s1, s2));
}

describe('plan text', () => {
  it('groups changes by node with Terraform symbols and ends with a summary line', () => {
    const text = renderPlanText(switchover());
    assert.match(text, /^s1 \(sim\)$/m);
    assert.match(
      text,
      /^ {2}- {3}address 192\.0\.2\.50\/24 on eth0 \(relocatable db\) {2}# active changed from s1 to s2: switchover$/m,
    );
    assert.match(text, /^ {2}\+ {3}address 192\.0\.2\.50\/24 on eth0 \(relocatable db\)/m);
    assert.match(text, /wave 2 \(s2\)/);
    assert.match(text, /before: check 192\.0\.2\.50 is unused/);
    assert.ok(
      text
        .trimEnd()
        .endsWith('Plan: 1 to create, 0 to update, 2 to delete, 0 to replace. 3 steps in 2 waves with 5 checks.'),
      text,
    );
    assert.ok(!text.includes('\x1b['), 'no colour without a TTY style');
  });
});

describe('plan markdown', () => {
  it('starts with the marker, a summary table and refusals, then one collapsible section per node', () => {
    const plan = switchover();
    const refused = { ...plan, refusals: [{ ruleId: 'TR001', objects: ['x'], explanation: 'pipes | are escaped' }] };
    const md = renderPlanMarkdown(refused, { mermaid: 'flowchart LR\n' });
    assert.ok(md.startsWith(PLAN_COMMENT_MARKER));
    assert.match(md, /\| s1 \| 0 \| 0 \| 2 \| 0 \| 0 \| sim \|/);
    assert.ok(
      md.indexOf('Refused') < md.indexOf('<details><summary><b>s1</b>'),
      'refusals come before the node sections',
    );
    assert.match(md, /pipes \\\| are escaped/);
    assert.match(md, /```mermaid\nflowchart LR\n```/);
  });

  it('stays under the limit and says what it cut', () => {
    const plan = switchover();
    const full = renderPlanMarkdown(plan);
    const cut = renderPlanMarkdown(plan, { limit: full.length - 10 });
    assert.ok(cut.length <= full.length - 10, `${cut.length} > ${full.length - 10}`);
    assert.match(cut, /more sections? cut to stay under \d+ characters; the full plan is in the JSON artifact/);
    assert.ok(!full.includes('cut to stay under'));
  });
});

describe('topology diagram', () => {
  it('draws interfaces, failover pairs and where each address is active, with safe identifiers', () => {
    const r = validateTexts({
      'c.yaml': CLUSTER,
      'n.yaml': [
        nodeDoc('n1', [
          '{ name: eth0.100, type: physical, segment: public, addresses: [192.0.2.11/24], ' +
            'failover: { node: n2, interface: eth0.100 } }',
        ]),
        nodeDoc('n2', [
          '{ name: eth0.100, type: physical, segment: public, addresses: [192.0.2.12/24], ' +
            'failover: { node: n1, interface: eth0.100 } }',
        ]),
      ].join('---\n'),
    });
    assert.ok(r.model, r.diagnostics.map((d) => d.summary).join('\n'));
    const m = renderMermaid(r.model);
    assert.match(m, /^flowchart LR$/m);
    assert.match(m, /if__n1__eth0_100\["eth0\.100 192\.0\.2\.11\/24"\]/);
    assert.equal(m.match(/<-\. failover \.->/g)?.length, 1, 'a pair is drawn once');
    for (const line of m.split('\n').filter((l) => l.includes('[')))
      assert.doesNotMatch(line.split('[')[0], /[^\sA-Za-z0-9_]/, line);
  });
});
