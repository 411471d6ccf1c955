import { readFile } from 'node:fs/promises';
import { Client } from '@elastic/elasticsearch';
import {
  BUDGET_WINDOW_MS,
  DEFAULT_REQUEST_BUDGET,
  GRAPH_REQUEST_LIMIT,
  RequestBudget,
} from '../lib/budget/request_budget';
import { systemClock } from '../lib/collector/clock';
import { collect, type RunSummary } from '../lib/collector/collect';
import { createCollectorDeps } from '../lib/collector/collector_pipeline';
import { parseDurationMs } from '../lib/collector/duration';
import { writeJsonFile } from '../lib/collector/json_file';
import { DEFAULT_WINDOW_SETTINGS, initialCheckpoint, windowsLeft } from '../lib/collector/windows';
import {
  dataStreamName,
  DEFAULT_DATASET,
  DEFAULT_NAMESPACE,
} from '../lib/data_stream/data_stream_name';
import {
  GEOIP_PIPELINE_NAME,
  installGeoIpPipeline,
  NO_PIPELINE,
} from '../lib/data_stream/geoip_pipeline';
import { installTemplates } from '../lib/data_stream/templates';
import { installNamespaceTemplate } from '../lib/data_stream/namespace_templates';
import { endpointsWithOverrides, GRAPH_URL } from '../lib/graph/graph_hosts';
import { TokenProvider, type ClientCredential } from '../lib/graph/token_provider';
import { cliStatePaths, fileBudgetStore, readCheckpoint } from './cli_state';
import {
  assertKnownFlags,
  listFlag,
  requiredFlag,
  stringFlag,
  UsageError,
  type ParsedArgs,
} from './parse_args';

export const COLLECT_FLAGS = [
  'tenant-id',
  'client-id',
  'client-secret-env',
  'certificate',
  'thumbprint',
  'es-url',
  'es-api-key-env',
  'local-domains',
  'match-subdomains',
  'lookback',
  'reread',
  'namespace',
  'dataset',
  'budget',
  'page-size',
  'api-version',
  'graph-url',
  'login-url',
  'ca-cert',
  'state-dir',
  'interval',
  'request-timeout',
  'once',
];

async function credentialFrom(args: ParsedArgs): Promise<ClientCredential> {
  const secretEnv = stringFlag(args, 'client-secret-env');
  const certificate = stringFlag(args, 'certificate');
  if (Boolean(secretEnv) === Boolean(certificate)) {
    throw new UsageError(
      'Give either --client-secret-env VAR or --certificate PEM with --thumbprint X'
    );
  }
  if (secretEnv) {
    // The secret comes from the environment, never the command line, which other users can read.
    const clientSecret = process.env[secretEnv];
    if (!clientSecret)
      throw new UsageError(`The environment variable ${secretEnv} is empty or not set`);
    return { kind: 'secret', clientSecret };
  }
  return {
    kind: 'certificate',
    privateKeyPem: await readFile(certificate!, 'utf8'),
    thumbprint: requiredFlag(args, 'thumbprint'),
  };
}

function positiveInt(value: string | undefined, name: string, fallback: number, max: number) {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}`);
  return parsed;
}

function report(dataStream: string, summary: RunSummary, collectedUntil: number, error?: string) {
  return JSON.stringify({
    dataStream,
    documents: summary.documentsCreated,
    alreadyPresent: summary.documentsAlreadyPresent,
    rejected: summary.rowsRejected,
    failed: summary.documentsFailed,
    windows: summary.windowsCompleted,
    pages: summary.pages,
    rowsRead: summary.rowsRead,
    caughtUp: summary.caughtUp,
    collectedUntil: new Date(collectedUntil).toISOString(),
    ...(summary.rejectedSamples.length > 0 ? { rejectedSamples: summary.rejectedSamples } : {}),
    ...(summary.failedSamples.length > 0 ? { failedSamples: summary.failedSamples } : {}),
    ...(error ? { error } : {}),
  });
}

/** `collect`: the collector outside Kibana; with --once it exits when caught up. */
export async function collectCommand(args: ParsedArgs, signal: AbortSignal): Promise<number> {
  assertKnownFlags(args, COLLECT_FLAGS);
  const tenantId = requiredFlag(args, 'tenant-id');
  const namespace = stringFlag(args, 'namespace') ?? DEFAULT_NAMESPACE;
  const dataset = stringFlag(args, 'dataset') ?? DEFAULT_DATASET;
  const dataStream = dataStreamName(dataset, namespace);
  const settings = {
    ...DEFAULT_WINDOW_SETTINGS,
    lookbackMs: parseDurationMs(stringFlag(args, 'lookback') ?? '2d'),
    rereadMs: parseDurationMs(stringFlag(args, 'reread') ?? '24h'),
  };
  const caFile = stringFlag(args, 'ca-cert');
  const endpoints = endpointsWithOverrides({
    graphUrl: stringFlag(args, 'graph-url'),
    loginUrl: stringFlag(args, 'login-url'),
    caCertificate: caFile ? await readFile(caFile, 'utf8') : undefined,
  });
  // Above Microsoft's limit only against a test Graph, e.g. the emulator with its throttle off.
  const maxBudget =
    endpoints.graphUrl === GRAPH_URL ? GRAPH_REQUEST_LIMIT : Number.MAX_SAFE_INTEGER;
  const apiKeyEnv = stringFlag(args, 'es-api-key-env');
  const elasticsearch = new Client({
    node: requiredFlag(args, 'es-url'),
    ...(apiKeyEnv ? { auth: { apiKey: process.env[apiKeyEnv] ?? '' } } : {}),
  });
  const paths = cliStatePaths(
    stringFlag(args, 'state-dir') ?? '.exchange-message-trace',
    tenantId,
    namespace
  );
  const apiVersion = stringFlag(args, 'api-version') ?? 'v1.0';
  if (apiVersion !== 'v1.0' && apiVersion !== 'beta')
    throw new UsageError('--api-version is v1.0 or beta');

  try {
    await installTemplates(elasticsearch, { dataset });
    await installNamespaceTemplate(elasticsearch, { dataset, namespace });
    const geoIp = await installGeoIpPipeline(elasticsearch);
    const deps = createCollectorDeps({
      endpoints,
      tokens: new TokenProvider({
        tenantId,
        clientId: requiredFlag(args, 'client-id'),
        credential: await credentialFrom(args),
        endpoints,
        timeoutMs: 30_000,
      }),
      budget: new RequestBudget(
        fileBudgetStore(paths.budget),
        systemClock,
        positiveInt(stringFlag(args, 'budget'), 'budget', DEFAULT_REQUEST_BUDGET, maxBudget),
        BUDGET_WINDOW_MS,
        maxBudget
      ),
      clock: systemClock,
      elasticsearch,
      dataStream,
      mapping: {
        localDomains: listFlag(args, 'local-domains'),
        matchSubdomains: args.flags.get('match-subdomains') === true,
        dataset,
        namespace,
        tenantId,
      },
      ingestPipeline: geoIp.installed ? GEOIP_PIPELINE_NAME : NO_PIPELINE,
      apiVersion,
      pageSize: positiveInt(stringFlag(args, 'page-size'), 'page-size', 5000, 5000),
      requestTimeoutMs: parseDurationMs(stringFlag(args, 'request-timeout') ?? '60s'),
      saveCheckpoint: (checkpoint) => writeJsonFile(paths.checkpoint, checkpoint),
      onGraphRetry: (error, delayMs) =>
        process.stderr.write(
          `[collect] ${error.message}; retrying in ${Math.round(delayMs / 1000)} s\n`
        ),
    });
    let checkpoint =
      (await readCheckpoint(paths.checkpoint)) ?? initialCheckpoint(systemClock.now(), settings);
    const intervalMs = parseDurationMs(stringFlag(args, 'interval') ?? '5m');
    for (;;) {
      const result = await collect(deps, checkpoint, settings, {
        signal,
        onPage: (summary, at) =>
          process.stderr.write(
            `[collect] ${summary.pages} pages, ${summary.documentsCreated} new documents, read to ${new Date(at.collectedUntil).toISOString()}, ${windowsLeft(at, systemClock.now())} window(s) left\n`
          ),
      });
      checkpoint = result.checkpoint;
      process.stdout.write(`${report(dataStream, result.summary, checkpoint.collectedUntil)}\n`);
      if (args.flags.get('once') === true) return 0;
      await systemClock.sleep(intervalMs, signal);
    }
  } finally {
    await elasticsearch.close();
  }
}
