import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../host/plugin_manifest';
import { esUrl } from '../host/test_support';

/** What test/build/zip_server_runner.ts prints once the host with the zip's server listens. */
export interface RunnerReport {
  url: string;
  configDefaults: unknown;
  loadedFromZip: string[];
  loadedFromRepository: string[];
}

/** Starts test/build/zip_server_runner.ts on the unpacked plugin; resolves with its first line. */
export function startZipServer(pluginDir: string): { child: ChildProcess; ready: Promise<RunnerReport> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(REPO_ROOT, 'test', 'build', 'zip_server_runner.ts'), pluginDir],
    { cwd: REPO_ROOT, env: { ...process.env, ES_URL: esUrl() }, stdio: ['ignore', 'pipe', 'pipe'] }
  );
  let stdout = '';
  let stderr = '';
  const ready = new Promise<RunnerReport>((resolve, reject) => {
    child.stdout!.on('data', (data: Buffer) => {
      stdout += data.toString();
      const line = stdout.split('\n').find((text) => text.startsWith('{"url"'));
      if (line) resolve(JSON.parse(line) as RunnerReport);
    });
    child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
    child.once('exit', (code) => reject(new Error(`runner exited with ${code}: ${stderr}`)));
  });
  return { child, ready };
}
