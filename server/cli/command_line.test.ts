import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../test/collector/cli_process';
import { FILE_FIXTURES, fixturePath } from '../../test/fixtures/files/fixture_files';
import { REPO_ROOT } from '../../test/host/plugin_manifest';

const VERSION = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** Every line of stdout must belong to a `_bulk` body: an action line, then its document. */
function bulkPairs(stdout: string) {
  const lines = stdout.split('\n').filter((line) => line.length > 0);
  const pairs: Array<{ id: string; document: Record<string, unknown> }> = [];
  for (let index = 0; index < lines.length; index += 2) {
    const action = JSON.parse(lines[index]!) as { create?: { _id?: string } };
    const document = JSON.parse(lines[index + 1] ?? 'null') as Record<string, unknown> | null;
    if (!action.create?._id || !document || !('@timestamp' in document)) {
      throw new Error(`not a _bulk pair at line ${index + 1}: ${lines[index]}`);
    }
    pairs.push({ id: action.create._id, document });
  }
  return pairs;
}

describe('the command line', () => {
  jest.setTimeout(60_000);

  it.each(['collect', 'serve', 'convert', 'import', 'export'])(
    'answers `%s --help` on stdout with 0',
    async (command) => {
      const outcome = await runCli([command, '--help']);
      expect(outcome.code).toBe(0);
      expect(outcome.stdout.startsWith(`Usage:\n  exchange-message-trace ${command} `)).toBe(true);
      expect(outcome.stderr).toBe('');
    }
  );

  it('answers --help and --version on stdout with 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['collect', 'serve', 'convert', 'import', 'export']) {
      expect(help.stdout).toContain(`exchange-message-trace ${command} `);
    }
    const version = await runCli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('treats no command, or an unknown one, as a usage error (2), on stderr only', async () => {
    const none = await runCli([]);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toContain('exchange-message-trace: A command is needed\n\nUsage:');
    const unknown = await runCli(['collectt']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('exchange-message-trace: Unknown command collectt');
    const option = await runCli(['convert', fixturePath(FILE_FIXTURES.powershell7), '--bluk', 'x']);
    expect(option).toMatchObject({ code: 2, stdout: '' });
    expect(option.stderr).toContain('Unknown option --bluk');
  });

  it('writes nothing but valid _bulk lines to stdout for a broken file; errors go to stderr', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'emt-cli-'));
    // A PowerShell export whose second row is cut off and whose third has no status.
    const [header, first, , third] = readFileSync(
      fixturePath(FILE_FIXTURES.powershell7),
      'utf8'
    ).split(/\r?\n/);
    const broken = path.join(folder, 'broken.csv');
    writeFileSync(broken, [header, first, '"2026-11-21T10:00:00Z","cut', third, ''].join('\r\n'));
    const partly = await runCli(['convert', broken, '--bulk']);
    expect(partly.code).toBe(0);
    expect(bulkPairs(partly.stdout).length).toBeGreaterThan(0);
    expect(JSON.parse(partly.stderr.trim().split('\n').pop()!)).toMatchObject({
      file: broken,
      rejectedCount: expect.any(Number),
    });

    const garbage = path.join(folder, 'garbage.csv');
    writeFileSync(garbage, 'this is not a message trace export\n\u0000\u0001\n');
    const refused = await runCli(['convert', garbage, '--bulk']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^exchange-message-trace: /);
  });
});
