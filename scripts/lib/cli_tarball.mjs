// The command line on its own, for hosts without Kibana (a systemd service, a container):
//   build/exchange-message-trace-cli-<version>.tgz
//   └─ exchange-message-trace-<version>/ package.json bin/ server/ common/ node_modules/
// Compiled code and the production dependencies only, so `node bin/exchange_message_trace.js`
// runs with nothing but Node 20 on the target.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { copyProductionModules } from './production_modules.mjs';
import { writeServerFiles } from './server_files.mjs';
import { writeTarGz } from './tar.mjs';

const CLI_ENTRY = 'server/cli/main.ts';
const BIN = 'bin/exchange_message_trace.js';

export async function writeCliTarball({ root, outDir }) {
  const own = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  const top = `${own.name}-${own.version}`;
  const stageRoot = path.join(outDir, 'cli');
  const stageDir = path.join(stageRoot, top);
  await rm(stageRoot, { recursive: true, force: true });
  await mkdir(path.join(stageDir, 'bin'), { recursive: true });

  const manifest = {
    name: own.name,
    version: own.version,
    description: 'Command line collector of Exchange Online message traces into Elasticsearch',
    private: true,
    license: own.license,
    engines: own.engines,
    bin: own.bin,
    dependencies: own.dependencies,
  };
  await writeFile(path.join(stageDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await copyFile(path.join(root, BIN), path.join(stageDir, BIN));
  const server = await writeServerFiles({ root, stageDir, entries: [CLI_ENTRY] });
  const modules = await copyProductionModules({ root, stageDir });

  const file = path.join(outDir, `${own.name}-cli-${own.version}.tgz`);
  const archive = await writeTarGz({ dir: stageDir, top, file });
  // Only the archive is the product (a package.json named like ours would also confuse jest).
  await rm(stageRoot, { recursive: true, force: true });
  return { file, top, files: server.included.length, packages: modules.length, ...archive };
}
