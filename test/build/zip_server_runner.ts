/**
 * Runs the unpacked zip's `server/index.js` in plain Node, as Kibana would: a real `require` from
 * the plugin folder, `@kbn/config-schema` answered by the host's stand-in (registerKbnModules is
 * the Node resolve hook; jest's module system would bypass it, hence a child process), then
 * setup and start in the standalone host.
 *
 *   tsx test/build/zip_server_runner.ts <pluginDir>     (ES_URL in the environment)
 *
 * Prints one JSON line `{ url, configDefaults, loadedFromZip, loadedFromRepository }` when the
 * host listens, and stops the host on SIGTERM.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HostedPlugin } from '../host/host_plugin';
import { registerKbnModules } from '../host/kbn_modules/register_kbn_modules';
import { KibanaHost } from '../host/kibana_host';
import { REPO_ROOT } from '../host/plugin_manifest';
import { TEST_ENCRYPTION_KEY } from '../host/test_support';

type ServerModule = Awaited<ReturnType<HostedPlugin['load']>>;

async function main() {
  const pluginDir = path.resolve(process.argv[2] ?? '');
  const esUrl = process.env.ES_URL;
  if (!esUrl) throw new Error('ES_URL is not set');
  registerKbnModules();
  const manifest = JSON.parse(readFileSync(path.join(pluginDir, 'kibana.json'), 'utf8'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const server = require(path.join(pluginDir, 'server', 'index.js')) as ServerModule;
  const configDefaults = server.config?.schema.validate({});

  const host = await new KibanaHost({
    esUrl,
    encryptionKey: TEST_ENCRYPTION_KEY,
    plugins: [
      {
        id: manifest.id,
        configPath: manifest.configPath[0],
        requiredPlugins: manifest.requiredPlugins,
        optionalPlugins: manifest.optionalPlugins,
        load: async () => server,
      },
    ],
  }).start();

  const loaded = Object.keys(require.cache);
  const own = (dir: string) => loaded.filter((file) => file.startsWith(`${dir}${path.sep}`));
  process.stdout.write(
    `${JSON.stringify({
      url: host.url,
      configDefaults,
      loadedFromZip: own(pluginDir).map((file) => path.relative(pluginDir, file)),
      // Plugin sources from this checkout would mean the zip is not self-contained.
      loadedFromRepository: [...own(path.join(REPO_ROOT, 'server')), ...own(path.join(REPO_ROOT, 'common'))],
    })}\n`
  );
  process.once('SIGTERM', () => {
    host.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    );
  });
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
