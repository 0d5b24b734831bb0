// The desired-state changes of a pull request show an IKE connection's psk only as a
// well-formed reference: a literal key an earlier revision committed is never quoted
// again, not even by the change that removes it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { desiredDocuments, diffDesired } from '../../src/git/desired-diff.js';
import { loadFromTexts } from '../../src/load/load-environment.js';
import { renderDesiredDiffMarkdown, renderDesiredDiffText } from '../../src/render/desired-diff.js';
import { ikeDoc } from '../helpers/ike.js';

const SECRET = 'Zm9vYmFyLXNlY3JldC1wc2stMTIzNDU2Nzg5MA==';

const docs = (psk: string) =>
  desiredDocuments(
    loadFromTexts('environments/x', new Map([['environments/x/ike.yaml', ikeDoc({ psk })]])).documents,
    'environments/x',
  );

describe('desired-state diff of an IKE connection psk', () => {
  for (const [name, before, after] of [
    ['a literal psk replaced by a reference', `"${SECRET}"`, '{ env: SITE_PSK }'],
    ['a psk field holding the key replaced by a reference', `{ value: "${SECRET}" }`, '{ env: SITE_PSK }'],
    ['a psk file replaced by key material in env', '{ file: /etc/tandem/site.psk }', `{ env: "${SECRET}" }`],
  ] as const) {
    it(`${name}: the key is never shown, a reference is`, () => {
      const d = diffDesired(docs(before), docs(after));
      assert.equal(d.changed.length, 1);
      const range = { base: 'a'.repeat(40), head: 'b'.repeat(40) };
      for (const out of [renderDesiredDiffText(d, range), renderDesiredDiffMarkdown(d, range)]) {
        assert.ok(!out.includes(SECRET) && !out.includes(SECRET.slice(0, 16)), out);
        assert.match(out, /spec\.psk/);
        assert.match(out, /not shown: may be key material/);
      }
    });
  }

  it('a change between two references shows both', () => {
    const d = diffDesired(docs('{ env: OLD_PSK }'), docs('{ file: /etc/tandem/site.psk }'));
    const out = renderDesiredDiffText(d, { base: 'a'.repeat(40) });
    assert.match(out, /spec\.psk\.env: "OLD_PSK" → \(absent\)/);
    assert.match(out, /spec\.psk\.file: \(absent\) → "\/etc\/tandem\/site\.psk"/);
  });
});
