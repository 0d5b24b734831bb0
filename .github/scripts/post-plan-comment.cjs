// Posts the plan preview as ONE comment per pull request, updated on each push: the
// comments carrying the <!-- tandem-plan --> marker *and written by the workflow's own
// identity* are found again and edited (anyone can type the marker: another author's
// comment is never edited or deleted, whatever it starts with); a body
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

/** The login GITHUB_TOKEN posts as. */
const ACTIONS_BOT = 'github-actions[bot]';

/**
 * Who this workflow posts as: TANDEM_COMMENT_AUTHOR when set (a GitHub App's "name[bot]"),
 * else the token's user (a personal token can read /user), else github-actions[bot]
 * (GITHUB_TOKEN and installation tokens cannot read /user: GitHub answers 403).
 */
async function ownLogin(github, env = require('node:process').env) {
  if (env.TANDEM_COMMENT_AUTHOR) return env.TANDEM_COMMENT_AUTHOR;
  try {
    const { data } = await github.rest.users.getAuthenticated();
    if (data && typeof data.login === 'string' && data.login) return data.login;
  } catch {
    // an integration token: the default identity below
  }
  return ACTIONS_BOT;
}

/** This workflow's own plan comments, oldest first: the marker and the author must both match. */
function ownComments(list, login) {
  return list
    .filter((c) => typeof c.body === 'string' && c.body.startsWith(MARKER) && c.user && c.user.login === login)
    .sort((a, b) => a.id - b.id);
}

async function postPlanComments({ github, context, core, dir, env }) {
  const { owner, repo } = context.repo;
  const issue_number = context.issue.number;
  const parts = splitComment(readSections(dir));
  const login = await ownLogin(github, env);
  const existing = ownComments(
    await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 }),
    login,
  );
  for (let i = 0; i < parts.length; i++) {
    if (existing[i])
      await github.rest.issues.updateComment({ owner, repo, comment_id: existing[i].id, body: parts[i] });
    else await github.rest.issues.createComment({ owner, repo, issue_number, body: parts[i] });
  }
  for (const extra of existing.slice(parts.length))
    await github.rest.issues.deleteComment({ owner, repo, comment_id: extra.id });
  if (core)
    core.info(`plan comment: ${parts.length} part(s), ${existing.length} existing of ${login} updated or removed`);
  return parts.length;
}

module.exports = {
  MARKER,
  GITHUB_LIMIT,
  ACTIONS_BOT,
  splitComment,
  readSections,
  ownLogin,
  ownComments,
  postPlanComments,
};
