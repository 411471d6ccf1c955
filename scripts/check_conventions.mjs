// Project conventions no linter checks: snake_case file names (Kibana style), and no `body:` in
// Elasticsearch client calls (client 9.x rejects it; top-level fields work on 8.x and 9.x).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((file) => /^(common|server|public|test|scripts|bin)\/.*\.(ts|tsx|mjs|js)$/.test(file))
  // Tracked files deleted in the working tree are listed too, until the deletion is committed.
  .filter((file) => existsSync(path.join(root, file)));

const problems = [];
for (const file of files) {
  const name = path
    .basename(file)
    .replace(
      /(\.d|\.test|\.integration\.test|\.browser\.test|\.scale\.test)?\.(ts|tsx|mjs|js)$/,
      ''
    );
  if (!/^[a-z0-9_]+$/.test(name)) problems.push(`${file}: file names are snake_case`);
  const source = readFileSync(path.join(root, file), 'utf8');
  if (/\b(es|client|esClient|asCurrentUser|asInternalUser)\.[\w.]+\(\{[^)]*\bbody:/s.test(source)) {
    problems.push(`${file}: an Elasticsearch call passes 'body:'; put the fields at the top level`);
  }
}
for (const problem of problems) process.stderr.write(`${problem}\n`);
process.exit(problems.length > 0 ? 1 : 0);
