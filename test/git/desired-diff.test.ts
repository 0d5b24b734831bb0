// The desired-state diff between two revisions: documents matched by kind and name,
// fields by JSON path, lists of named objects by their name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { desiredDocuments, diffDesired, isEmptyDiff } from '../../src/git/desired-diff.js';
import { loadFromTexts } from '../../src/load/load-environment.js';
import {
  renderDesiredDiffMarkdown,
  renderDesiredDiffText,
  withDesiredMarkdown,
} from '../../src/render/desired-diff.js';
import { envFiles } from './helpers.js';

function docs(files: Record<string, string>) {
  const texts = new Map(Object.entries(files).filter(([p]) => p.endsWith('.yaml')));
  return desiredDocuments(loadFromTexts('environments/pair', texts).documents, 'environments/pair');
}

describe('desired-state diff', () => {
  it('reports a changed field with its path, before and after', () => {
    const d = diffDesired(docs(envFiles({ active: 'alpha' })), docs(envFiles({ active: 'beta' })));
    assert.deepEqual(d.added, []);
    assert.deepEqual(d.removed, []);
    assert.equal(d.changed.length, 1);
    assert.equal(d.changed[0].key, 'RelocatableAddress/vip');
    assert.equal(d.changed[0].file, 'addresses.yaml');
    assert.deepEqual(d.changed[0].fields, [{ path: 'spec.active', before: 'alpha', after: 'beta' }]);
  });

  it('reports added and removed documents, and nothing for a document moved to another file', () => {
    const before = docs(envFiles());
    const after = docs(envFiles({ extraAddress: true }));
    const d = diffDesired(before, after);
    assert.deepEqual(
      d.added.map((x) => x.key),
      ['RelocatableAddress/vip2'],
    );
    assert.deepEqual(
      diffDesired(after, before).removed.map((x) => x.key),
      ['RelocatableAddress/vip2'],
    );
    const files = envFiles();
    const moved = {
      'environments/pair/all.yaml':
        `${files['environments/pair/cluster.yaml']}---\n` +
        `${files['environments/pair/nodes.yaml']}---\n` +
        `${files['environments/pair/addresses.yaml']}`,
    };
    assert.ok(isEmptyDiff(diffDesired(before, docs(moved))));
  });

  it('matches interfaces by name, so an inserted interface changes nothing else', () => {
    const files = envFiles();
    const withEth1 = files['environments/pair/nodes.yaml'].replace(
      '    - name: mgmt0\n      type: physical\n      addresses: [203.0.113.11/24]\n',
      '    - name: eth9\n      type: physical\n    - name: mgmt0\n' +
        '      type: physical\n      addresses: [203.0.113.11/24, 203.0.113.21/24]\n',
    );
    const d = diffDesired(docs(files), docs({ ...files, 'environments/pair/nodes.yaml': withEth1 }));
    assert.equal(d.changed.length, 1);
    assert.equal(d.changed[0].key, 'Node/alpha');
    assert.deepEqual(d.changed[0].fields, [
      { path: 'spec.interfaces[eth9]', after: { name: 'eth9', type: 'physical' } },
      {
        path: 'spec.interfaces[mgmt0].addresses',
        before: ['203.0.113.11/24'],
        after: ['203.0.113.11/24', '203.0.113.21/24'],
      },
    ]);
  });

  it('renders text and markdown, and places the markdown section before the first collapsible one', () => {
    const d = diffDesired(docs(envFiles()), docs(envFiles({ active: 'beta', extraAddress: true })));
    const range = { base: 'a'.repeat(40), head: 'b'.repeat(40) };
    const text = renderDesiredDiffText(d, range);
    assert.match(
      text,
      /^Desired state changes \(aaaaaaaaaaaa → bbbbbbbbbbbb\): 1 added, 0 removed, 1 changed \(1 field\)\n/,
    );
    assert.match(text, / {2}\+ RelocatableAddress\/vip2 \(addresses\.yaml\)\n/);
    assert.match(text, / {6}spec\.active: "alpha" → "beta"\n/);
    const md = renderDesiredDiffMarkdown(d, range);
    assert.match(md, /\| ~ \| `RelocatableAddress\/vip` \| `spec.active` \| `"alpha"` \| `"beta"` \|/);
    const merged = withDesiredMarkdown(
      '<!-- tandem-plan -->\n### plan\n\nsummary\n\n<details><summary>x</summary>\n</details>\n',
      { diff: d, range },
    );
    assert.ok(merged.indexOf('#### Desired state changes') > merged.indexOf('summary'));
    assert.ok(merged.indexOf('#### Desired state changes') < merged.indexOf('<details>'));
  });
});
