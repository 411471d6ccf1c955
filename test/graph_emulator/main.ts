/**
 * Standalone emulator with the demo tenant (`npx tsx test/graph_emulator/main.ts --help`).
 * Prints what to type into the plugin's setup: Graph and login URLs, tenant id, client id and
 * secret, and where the CA certificate was written (for NODE_EXTRA_CA_CERTS or a `ca` option).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_TENANT_ID, demoTenantSpec } from './demo_tenant';
import { GraphEmulator } from './graph_emulator';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8443' },
    seed: { type: 'string', default: '1' },
    'rows-per-day': { type: 'string', default: '20000' },
    days: { type: 'string', default: '90' },
    'no-throttle': { type: 'boolean', default: false },
    tls: { type: 'boolean', default: true },
    'no-tls': { type: 'boolean', default: false },
    'ca-file': {
      type: 'string',
      default: path.resolve(__dirname, '../../.cache/graph_emulator/ca.pem'),
    },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(
    'Usage: tsx test/graph_emulator/main.ts [--port 8443] [--seed 1] [--rows-per-day 20000] [--days 90] [--no-throttle] [--tls|--no-tls] [--ca-file path]'
  );
  process.exit(0);
}

async function main(): Promise<void> {
  const days = Number(values.days);
  const emulator = await GraphEmulator.start({
    tls: values.tls && !values['no-tls'],
    port: Number(values.port),
    throttle: values['no-throttle'] ? false : undefined,
    tenants: [
      demoTenantSpec({
        seed: Number(values.seed),
        rowsPerDay: Number(values['rows-per-day']),
        historyStartMs: Date.now() - days * 86_400_000,
      }),
    ],
  });
  let caFile = '(plain HTTP, no certificate)';
  if (emulator.caCertificatePem) {
    caFile = values['ca-file']!;
    fs.mkdirSync(path.dirname(caFile), { recursive: true });
    fs.writeFileSync(caFile, emulator.caCertificatePem);
  }
  const tenant = emulator.tenant(DEMO_TENANT_ID);
  console.log(
    [
      'Microsoft Graph / Entra ID emulator (demo tenant)',
      `  graphUrl:       ${emulator.graphUrl}`,
      `  loginUrl:       ${emulator.loginUrl}`,
      `  tenant id:      ${DEMO_TENANT_ID}  (or ${tenant.domains[0]!.id})`,
      `  client id:      ${DEMO_CLIENT_ID}`,
      `  client secret:  ${DEMO_CLIENT_SECRET}`,
      `  CA certificate: ${caFile}`,
      `  throttle:       ${emulator.throttle ? `${emulator.throttle.options.limit} requests / ${emulator.throttle.options.windowMs / 60_000} min / tenant` : 'off'}`,
      `  control API:    ${emulator.graphUrl}/_emulator/{health,requests,faults,tenants,truth}`,
      `  planted senders: ${tenant.synthetic?.plantedSenders.map((p) => `${p.kind}=${p.senderAddress}`).join(', ')}`,
    ].join('\n')
  );
  const stop = () => void emulator.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
