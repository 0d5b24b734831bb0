// Posts the plan preview as ONE comment per pull request, updated on each push: the
// comments carrying the <!-- tandem-plan --> marker are found again and edited; a body
// over GitHub's 65,536-character limit is split at line boundaries into several
// comments (each marked, numbered), and comments left over from a longer earlier body
// are deleted. Called from actions/github-script; splitComment is pure and tested.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const MARKER = '<!-- tandem-plan -->';
const GITHUB_LIMIT = 65536;

/** Splits a body into parts of at most `limit` characters, headers included, at line ends. */
function splitComment(body, limit = GITHUB_LIMIT) {
  const header = (i, n) =>
    `${MARKER}\n<!-- tandem-plan-part ${i}/${n} -->\n${n > 1 ? `_tandem plan, part ${i} of ${n}_\n\n` : ''}`;
  const room = limit - header(999, 999).length;
  const parts = [];
  let current = '';
  for (const raw of body.split('\n')) {
    // A single line longer than a part is cut (a huge table cell); nothing is lost silently.
    const lines = raw.length + 1 > room ? raw.match(new RegExp(`[^]{1,${room - 1}}`, 'g')) : [raw];
    for (const line of lines) {
      if (current.length + line.length + 1 > room) {
        parts.push(current);
        current = '';
      }
      current += `${line}\n`;
    }
  }
  if (current.trim() !== '' || parts.length === 0) parts.push(current);
  return parts.map((p, i) => header(i + 1, parts.length) + p);
}

/** The comment body: every environment's section, in name order. */
function readSections(dir) {
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.md'))
        .sort()
    : [];
  if (files.length === 0) return `### tandem plan\n\nNo environment changed in this pull request.\n`;
  return files
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8').split(MARKER).join('').trim() + '\n')
    .join('\n---\n\n');
}

async function postPlanComments({ github, context, core, dir }) {
  const { owner, repo } = context.repo;
  const issue_number = context.issue.number;
  const parts = splitComment(readSections(dir));
  const existing = (
    await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 })
  )
    .filter((c) => typeof c.body === 'string' && c.body.startsWith(MARKER))
    .sort((a, b) => a.id - b.id);
  for (let i = 0; i < parts.length; i++) {
    if (existing[i])
      await github.rest.issues.updateComment({ owner, repo, comment_id: existing[i].id, body: parts[i] });
    else await github.rest.issues.createComment({ owner, repo, issue_number, body: parts[i] });
  }
  for (const extra of existing.slice(parts.length))
    await github.rest.issues.deleteComment({ owner, repo, comment_id: extra.id });
  if (core) core.info(`plan comment: ${parts.length} part(s), ${existing.length} existing updated or removed`);
  return parts.length;
}

module.exports = { MARKER, GITHUB_LIMIT, splitComment, readSections, postPlanComments };
