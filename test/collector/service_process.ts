import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import YAML from 'yaml';
import type { CollectorCheckpoint } from '../../common/collector_checkpoint';
import { SERVICE_DEFAULTS } from '../../common/collector_service_config';
import { GraphEmulator } from '../graph_emulator';
import { REPO_ROOT } from '../host/plugin_manifest';
import { esUrl, waitFor } from '../host/test_support';
import { addSettledTenant, CHAOS_CLIENT_ID, CHAOS_SECRET, tenantIdFor } from './chaos_tenant';
import { cliBundle } from './cli_process';
import { compareWithTruth } from './observations';

export const ES_API_KEY_ENV = 'EMT_TEST_SERVICE_API_KEY';
export const TENANT_SECRET_ENV = 'EMT_TEST_TENANT_SECRET';

/** The role descriptors docs/SERVICE.md documents, read from the page itself. */
export function documentedRoleDescriptors(): Record<string, unknown> {
  const page = readFileSync(path.join(REPO_ROOT, 'docs', 'SERVICE.md'), 'utf8');
  const block = /<!-- service-api-key-role-descriptors -->\s*```json\n([\s\S]+?)```/.exec(page);
  if (!block) throw new Error('docs/SERVICE.md lost its role descriptors block');
  return JSON.parse(block[1]!) as Record<string, unknown>;
}

/** The documented least-privilege key, made by the security API as an administrator would. */
export async function createServiceApiKey(admin: Client): Promise<string> {
  const created = await admin.security.createApiKey({
    name: `exchange-message-trace-service-test-${Date.now()}`,
    role_descriptors: documentedRoleDescriptors() as never,
  });
  return created.encoded;
}

/** Elasticsearch's URL without the test superuser's credentials: the service has only its key. */
export function esUrlWithoutCredentials(): string {
  const url = new URL(esUrl());
  url.username = '';
  url.password = '';
  return url.origin;
}

export interface ServiceTenantSpec {
  name: string;
  seed: number;
  secretEnv?: string;
  extra?: Record<string, unknown>;
}

/** Settled tenants of their own in the emulator, and the config entries that collect them. */
export function emulatedTenants(
  emulator: GraphEmulator,
  runId: string,
  specs: ServiceTenantSpec[],
  rowsPerDay: number
) {
  const now = Date.now();
  return specs.map((spec) => {
    addSettledTenant(emulator, spec.seed, rowsPerDay, now);
    return {
      name: spec.name,
      tenantId: tenantIdFor(spec.seed),
      clientId: CHAOS_CLIENT_ID,
      clientSecret: { env: spec.secretEnv ?? TENANT_SECRET_ENV },
      localDomains: ['contoso.com'],
      namespace: `${runId}_${spec.name.replace(/-/g, '_')}`,
      lookback: '1d',
      interval: '1h',
      pageSize: 40,
      budget: 40,
      ...spec.extra,
    };
  });
}

export type ConfigTenant = ReturnType<typeof emulatedTenants>[number];

export function writeServiceConfig(options: {
  dir: string;
  emulator: GraphEmulator;
  tenants: unknown[];
  format?: 'yaml' | 'json';
  leaseDuration?: string;
}): string {
  const caFile = path.join(options.dir, 'emulator-ca.pem');
  writeFileSync(caFile, options.emulator.caCertificatePem ?? '');
  const config = {
    elasticsearch: { url: esUrlWithoutCredentials(), apiKey: { env: ES_API_KEY_ENV } },
    http: { address: '127.0.0.1:0' },
    lease: { duration: options.leaseDuration ?? '3s' },
    graph: {
      url: options.emulator.graphUrl,
      loginUrl: options.emulator.loginUrl,
      caCertificate: caFile,
    },
    tenants: options.tenants,
  };
  const format = options.format ?? 'yaml';
  const file = path.join(options.dir, `service.${format}`);
  writeFileSync(file, format === 'json' ? JSON.stringify(config) : YAML.stringify(config));
  return file;
}

export const freshConfigDir = () => mkdtempSync(path.join(os.tmpdir(), 'emt-serve-'));

export interface LogEntry {
  '@timestamp': string;
  'log.level': string;
  message: string;
  tenant?: string;
  [field: string]: unknown;
}

interface TenantHealth {
  name: string;
  state: string;
  reason?: string;
  failureKind?: string;
}

/** A `serve` child process: its JSON log as it comes, its status endpoint, and its end. */
export class ServiceProcess {
  readonly logs: LogEntry[] = [];
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => {
      const before = this.stdout.length;
      this.stdout += chunk.toString();
      const complete = this.stdout.slice(0, this.stdout.lastIndexOf('\n') + 1);
      if (complete.length <= before) return;
      const fresh = complete.slice(this.stdout.slice(0, before).lastIndexOf('\n') + 1);
      for (const line of fresh.split('\n').filter(Boolean))
        this.logs.push(JSON.parse(line) as LogEntry);
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() }))
    );
  }

  static async start(configFile: string, env: NodeJS.ProcessEnv): Promise<ServiceProcess> {
    const child = spawn(process.execPath, [await cliBundle(), 'serve', '--config', configFile], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServiceProcess(child);
  }

  /** For measuring its memory and CPU time (test/bench/service_bench.ts). */
  get pid(): number {
    return this.child.pid!;
  }

  signal(signal: NodeJS.Signals) {
    this.child.kill(signal);
  }

  async address(): Promise<string> {
    const started = await waitFor(
      () => this.logs.find((entry) => entry.message === 'Service started'),
      { timeoutMs: 20_000 }
    );
    return started.address as string;
  }

  async healthz(): Promise<{ status: string; instance: string; tenants: TenantHealth[] }> {
    const response = await fetch(`http://${await this.address()}/healthz`);
    return (await response.json()) as { status: string; instance: string; tenants: TenantHealth[] };
  }

  async metrics(): Promise<string> {
    return (await fetch(`http://${await this.address()}/metrics`)).text();
  }

  /** Waits until every named tenant shows `state` in /healthz. */
  async waitForStates(names: string[], state: string, timeoutMs = 60_000) {
    await waitFor(
      async () => {
        const health = await this.healthz();
        return names.every(
          (name) => health.tenants.find((tenant) => tenant.name === name)?.state === state
        );
      },
      { timeoutMs, intervalMs: 250 }
    );
  }

  logsOf(tenant: string, message: string) {
    return this.logs.filter((entry) => entry.tenant === tenant && entry.message === message);
  }
}

/** The lease and checkpoint document the service keeps for a tenant. */
export async function storedTenantState(
  es: Client,
  tenant: ConfigTenant
): Promise<{ holder: string | null; checkpoint?: CollectorCheckpoint }> {
  const found = await es.get<{ holder: string | null; checkpoint?: CollectorCheckpoint }>({
    index: SERVICE_DEFAULTS.stateIndex,
    id: `tenant:${tenant.tenantId}:${tenant.namespace}`,
  });
  return found._source!;
}

/** What the tenant's data stream holds against the emulator's truth, over what was collected. */
export async function tenantAgainstTruth(
  es: Client,
  emulator: GraphEmulator,
  tenant: ConfigTenant
) {
  const { checkpoint } = await storedTenantState(es, tenant);
  return compareWithTruth({
    es,
    emulator,
    tenantId: tenant.tenantId,
    dataStream: `logs-microsoft_exchange_online_message_trace.log-${tenant.namespace}`,
    checkpoint: checkpoint!,
  });
}

/**
 * A describe block's emulator (no tenants until a test adds its own), superuser client and the
 * service's least-privilege key, with the environment a service process reads its secrets from.
 */
export function serviceTestContext() {
  const context = {
    emulator: undefined as unknown as GraphEmulator,
    es: new Client({ node: esUrl() }),
    apiKey: '',
    env: (): NodeJS.ProcessEnv => ({
      [ES_API_KEY_ENV]: context.apiKey,
      [TENANT_SECRET_ENV]: CHAOS_SECRET,
    }),
  };
  beforeAll(async () => {
    context.emulator = await GraphEmulator.start({ tenants: [] });
    context.apiKey = await createServiceApiKey(context.es);
  });
  afterAll(async () => {
    await context.emulator.stop();
    await context.es.close();
  });
  return context;
}

/** Every tenant's data stream holds exactly the emulator's truth: nothing missing, nothing twice. */
export async function expectExactlyTheTruth(
  es: Client,
  emulator: GraphEmulator,
  tenants: ConfigTenant[]
) {
  const results = [];
  for (const tenant of tenants) {
    const result = await tenantAgainstTruth(es, emulator, tenant);
    results.push(result);
    expect({ tenant: tenant.name, ...result }).toMatchObject({
      tenant: tenant.name,
      missing: [],
      unexpected: [],
      duplicates: 0,
    });
    expect(result.expected).toBeGreaterThan(0);
  }
  return results;
}
