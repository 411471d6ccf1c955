import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureElasticsearch } from '../es/es_node';
import { prepareSecuredNode } from '../es/security_fixtures';
import { ensureDemoConnection, startDemoTenant } from './demo_tenant';
import { exchangeMessageTracePlugin } from './exchange_message_trace_plugin';
import { KibanaHost } from './kibana_host';
import { createPageHandler } from './public/page_handler';
import { REPO_ROOT } from './plugin_manifest';

const PLUGIN_PATH = '/app/exchangeMessageTrace';

/** A key kept across restarts, so secrets saved by an earlier run still decrypt. */
function developmentEncryptionKey(): string {
  const file = path.join(REPO_ROOT, '.cache', 'host', 'encryption_key');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** `npm start`: Elasticsearch, then the host with our plugin on http://127.0.0.1:5601. */
async function main() {
  const elasticsearch = await ensureElasticsearch('dev');
  await prepareSecuredNode(elasticsearch.url);
  const demo = await startDemoTenant();
  const host = await new KibanaHost({
    esUrl: elasticsearch.url,
    config: { exchange_message_trace: demo.pluginConfig },
    plugins: [exchangeMessageTracePlugin()],
    port: Number(process.env.PORT ?? 5601),
    encryptionKey: process.env.EMT_ENCRYPTION_KEY ?? developmentEncryptionKey(),
    echoLogs: true,
    pages: createPageHandler,
  }).start();
  await ensureDemoConnection(host);
  process.stdout.write(`\nDemo tenant (Graph emulator): ${demo.emulator.graphUrl}\n`);
  process.stdout.write(`\nExchange Message Trace is running: ${host.url}${PLUGIN_PATH}\n`);
  process.stdout.write(`Users: elastic, mail_admin, soc_analyst, no_access (password: changeme)\n`);
  const shutdown = async () => {
    await host.stop();
    await demo.emulator.stop();
    await elasticsearch.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
