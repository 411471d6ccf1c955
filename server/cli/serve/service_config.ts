import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isLeft } from 'fp-ts/Either';
import YAML from 'yaml';
import { formatCodecErrors } from '../../../common/codec_errors';
import {
  collectorServiceConfigCodec,
  serviceTenantCodec,
  SERVICE_DEFAULTS,
  type SecretSource,
  type ServiceTenantConfig,
} from '../../../common/collector_service_config';
import { parseDurationMs } from '../../lib/collector/duration';
import { DEFAULT_WINDOW_SETTINGS, type WindowSettings } from '../../lib/collector/windows';
import { certificateWithKey } from '../../lib/graph/client_certificate';
import { endpointsWithOverrides, type GraphEndpoints } from '../../lib/graph/graph_hosts';
import type { ClientCredential } from '../../lib/graph/token_provider';

export interface ServiceTenant {
  name: string;
  tenantId: string;
  clientId: string;
  credential: ClientCredential;
  localDomains: string[];
  matchSubdomains: boolean;
  namespace: string;
  intervalMs: number;
  settings: WindowSettings;
  budget: number;
  pageSize: number;
  /** Changes whenever anything of the tenant changes, its secret too (a reload restarts it then). */
  fingerprint: string;
}

export interface ElasticsearchTarget {
  url?: string;
  cloudId?: string;
  apiKey?: string;
  caCertificate?: string;
  stateIndex: string;
}

export interface ServiceConfig {
  file: string;
  elasticsearch: ElasticsearchTarget;
  http: { host: string; port: number };
  leaseMs: number;
  /** How many tenants hold a Graph page and its documents at once: the process's memory bound. */
  concurrentPages: number;
  endpoints: GraphEndpoints;
  tenants: ServiceTenant[];
  /** Every secret read, so the logger can make sure none is ever written. */
  secrets: ClientCredential[];
}

/** Everything wrong with a config file, one line per problem, each naming the file. */
export class ServiceConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

type Problems = string[];

async function readSecret(source: SecretSource, where: string, problems: Problems) {
  if ('env' in source) {
    const value = process.env[source.env];
    if (!value) problems.push(`${where}.env: the environment variable ${source.env} is not set`);
    return value;
  }
  return readText(source.file, `${where}.file`, problems, (text) => text.trim());
}

async function readText(
  file: string,
  where: string,
  problems: Problems,
  shape: (text: string) => string = (text) => text
): Promise<string | undefined> {
  try {
    const text = shape(await readFile(file, 'utf8'));
    if (text.length === 0) problems.push(`${where}: ${file} is empty`);
    return text || undefined;
  } catch (error) {
    problems.push(`${where}: cannot read ${file} (${(error as NodeJS.ErrnoException).code})`);
    return undefined;
  }
}

async function tenantCredential(
  tenant: ServiceTenantConfig,
  problems: Problems
): Promise<ClientCredential | undefined> {
  if (Boolean(tenant.clientSecret) === Boolean(tenant.certificate)) {
    problems.push('clientSecret or certificate: give exactly one of them');
    return undefined;
  }
  if (tenant.clientSecret) {
    const clientSecret = await readSecret(tenant.clientSecret, 'clientSecret', problems);
    return clientSecret ? { kind: 'secret', clientSecret } : undefined;
  }
  const files = tenant.certificate!;
  const certificatePem = await readText(files.certificate, 'certificate.certificate', problems);
  const keyPem = files.privateKey
    ? await readText(files.privateKey, 'certificate.privateKey', problems)
    : '';
  if (certificatePem === undefined || keyPem === undefined) return undefined;
  const privateKeyPem = `${certificatePem}\n${keyPem}`;
  try {
    const certificate = certificateWithKey(privateKeyPem);
    if (!certificate) {
      problems.push(`certificate.certificate: ${files.certificate} holds no certificate`);
      return undefined;
    }
    return { kind: 'certificate', privateKeyPem, thumbprint: certificate.thumbprintSha1 };
  } catch (error) {
    problems.push(`certificate: ${(error as Error).message}`);
    return undefined;
  }
}

async function resolveTenant(
  raw: unknown,
  index: number,
  problems: Problems,
  secrets: ClientCredential[]
): Promise<ServiceTenant | undefined> {
  const label =
    typeof raw === 'object' && raw !== null && typeof (raw as { name?: unknown }).name === 'string'
      ? `tenant "${(raw as { name: string }).name}" (tenants[${index}])`
      : `tenants[${index}]`;
  const own: Problems = [];
  const decoded = serviceTenantCodec.decode(raw);
  if (isLeft(decoded)) {
    own.push(...formatCodecErrors(decoded.left));
  } else {
    const tenant = decoded.right;
    const credential = await tenantCredential(tenant, own);
    if (credential) secrets.push(credential);
    if (own.length === 0 && credential) {
      const settings: WindowSettings = {
        ...DEFAULT_WINDOW_SETTINGS,
        lookbackMs: parseDurationMs(tenant.lookback ?? SERVICE_DEFAULTS.lookback),
        rereadMs: parseDurationMs(tenant.reread ?? SERVICE_DEFAULTS.reread),
      };
      const resolved = {
        name: tenant.name,
        tenantId: tenant.tenantId.toLowerCase(),
        clientId: tenant.clientId,
        credential,
        localDomains: tenant.localDomains ?? [],
        matchSubdomains: tenant.matchSubdomains ?? true,
        namespace: tenant.namespace ?? SERVICE_DEFAULTS.namespace,
        intervalMs: parseDurationMs(tenant.interval ?? SERVICE_DEFAULTS.interval),
        settings,
        budget: tenant.budget ?? SERVICE_DEFAULTS.budget,
        pageSize: tenant.pageSize ?? SERVICE_DEFAULTS.pageSize,
      };
      const fingerprint = createHash('sha256').update(JSON.stringify(resolved)).digest('hex');
      return { ...resolved, fingerprint };
    }
  }
  problems.push(...own.map((problem) => `${label}: ${problem}`));
  return undefined;
}

function parseDocument(text: string, file: string): unknown {
  if (path.extname(file).toLowerCase() === '.json') return JSON.parse(text);
  const document = YAML.parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) throw new Error(document.errors[0]!.message);
  return document.toJSON();
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

/**
 * Reads, checks and resolves the config: every problem is collected (not only the first), each
 * line starting with the file and naming the tenant and the field. Secrets are read here, from
 * the environment or their files, and never appear in a message.
 */
export async function loadServiceConfig(file: string): Promise<ServiceConfig> {
  const fail = (problems: string[]) =>
    new ServiceConfigError(problems.map((problem) => `${file}: ${problem}`));
  let document: unknown;
  try {
    document = parseDocument(await readFile(file, 'utf8'), file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail([
      code
        ? `cannot read the file (${code})`
        : `not valid YAML or JSON: ${(error as Error).message}`,
    ]);
  }
  const decoded = collectorServiceConfigCodec.decode(document);
  if (isLeft(decoded)) {
    // The tenants' own problems too, so one run of the command lists everything to fix.
    const problems = formatCodecErrors(decoded.left);
    const entries = (document as { tenants?: unknown } | null)?.tenants;
    if (Array.isArray(entries)) {
      for (const [index, raw] of entries.entries()) await resolveTenant(raw, index, problems, []);
    }
    throw fail(problems);
  }
  const config = decoded.right;
  const problems: Problems = [];
  const secrets: ClientCredential[] = [];

  const es = config.elasticsearch;
  if (Boolean(es.url) === Boolean(es.cloudId))
    problems.push('elasticsearch: give either url or cloudId');
  const apiKey = es.apiKey
    ? await readSecret(es.apiKey, 'elasticsearch.apiKey', problems)
    : undefined;
  if (apiKey) secrets.push({ kind: 'secret', clientSecret: apiKey });
  const caCertificate = es.caCertificate
    ? await readText(es.caCertificate, 'elasticsearch.caCertificate', problems)
    : undefined;

  let endpoints: GraphEndpoints | undefined;
  const graphCa = config.graph?.caCertificate
    ? await readText(config.graph.caCertificate, 'graph.caCertificate', problems)
    : undefined;
  try {
    endpoints = endpointsWithOverrides({
      graphUrl: config.graph?.url,
      loginUrl: config.graph?.loginUrl,
      caCertificate: graphCa,
    });
  } catch (error) {
    problems.push(`graph: ${(error as Error).message}`);
  }

  const tenants: ServiceTenant[] = [];
  for (const [index, raw] of config.tenants.entries()) {
    const tenant = await resolveTenant(raw, index, problems, secrets);
    if (tenant) tenants.push(tenant);
  }
  for (const name of duplicates(tenants.map((tenant) => tenant.name)))
    problems.push(`tenants: the name "${name}" is given to more than one tenant`);
  // One checkpoint and one lease per tenant and namespace: two entries would collect it twice.
  for (const key of duplicates(tenants.map((tenant) => `${tenant.tenantId} ${tenant.namespace}`)))
    problems.push(`tenants: tenant ID and namespace "${key}" appear more than once`);
  if (problems.length > 0 || !endpoints) throw fail(problems);

  const address = config.http?.address ?? SERVICE_DEFAULTS.httpAddress;
  const separator = address.lastIndexOf(':');
  return {
    file,
    elasticsearch: {
      url: es.url,
      cloudId: es.cloudId,
      apiKey,
      caCertificate,
      stateIndex: es.stateIndex ?? SERVICE_DEFAULTS.stateIndex,
    },
    http: {
      host: address.slice(0, separator).replace(/^\[|\]$/g, ''),
      port: Number(address.slice(separator + 1)),
    },
    leaseMs: parseDurationMs(config.lease?.duration ?? SERVICE_DEFAULTS.leaseDuration),
    concurrentPages: config.concurrentPages ?? SERVICE_DEFAULTS.concurrentPages,
    endpoints,
    tenants,
    secrets,
  };
}
