import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CollectorCheckpoint } from '../../common/collector_checkpoint';
import type { GraphEmulator } from '../graph_emulator';

export const CHAOS_CLIENT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
export const CHAOS_SECRET = 'Chaos8Q~secret-value-0123456789abcdefgh';
export const SECRET_ENV = 'EMT_TEST_CLIENT_SECRET';

/** A tenant id of its own per seed, so runs never share a throttle window or a checkpoint. */
export const tenantIdFor = (seed: number) =>
  `00000000-0000-4000-8000-${String(seed).padStart(12, '0')}`;

/** A tenant whose rows never change status, so what Elasticsearch must hold is exactly known. */
export function addSettledTenant(
  emulator: GraphEmulator,
  seed: number,
  rowsPerDay: number,
  now: number
) {
  const tenantId = tenantIdFor(seed);
  emulator.addTenant({
    tenantId,
    apps: [{ clientId: CHAOS_CLIENT_ID, secrets: [{ value: CHAOS_SECRET }] }],
    synthetic: { seed, rowsPerDay, anchorMs: now, finalStatusesOnly: true, lateArrivals: false },
  });
  return tenantId;
}

/** The command line's flags for a run against the emulator; the secret travels in the environment. */
export function collectArgs(options: {
  emulator: GraphEmulator;
  tenantId: string;
  esUrl: string;
  namespace: string;
  stateDir: string;
  extra?: string[];
}): string[] {
  const caFile = path.join(options.stateDir, 'emulator-ca.pem');
  writeFileSync(caFile, options.emulator.caCertificatePem ?? '');
  return [
    'collect',
    '--tenant-id',
    options.tenantId,
    '--client-id',
    CHAOS_CLIENT_ID,
    '--client-secret-env',
    SECRET_ENV,
    '--es-url',
    options.esUrl,
    '--local-domains',
    'contoso.com,contoso.co.uk',
    '--namespace',
    options.namespace,
    '--state-dir',
    options.stateDir,
    '--graph-url',
    options.emulator.graphUrl,
    '--login-url',
    options.emulator.loginUrl,
    '--ca-cert',
    caFile,
    '--once',
    ...(options.extra ?? []),
  ];
}

export const freshStateDir = () => mkdtempSync(path.join(os.tmpdir(), 'emt-collect-'));

/** The checkpoint the command line left in its state folder. */
export function readCliCheckpoint(
  stateDir: string,
  tenantId: string,
  namespace: string
): CollectorCheckpoint {
  return JSON.parse(
    readFileSync(path.join(stateDir, tenantId, `${namespace}.checkpoint.json`), 'utf8')
  );
}
