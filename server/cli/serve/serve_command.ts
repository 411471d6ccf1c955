import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Client } from '@elastic/elasticsearch';
import { systemClock } from '../../lib/collector/clock';
import { PageSlots } from '../../lib/collector/page_slots';
import { DEFAULT_DATASET } from '../../lib/data_stream/data_stream_name';
import {
  GEOIP_PIPELINE_NAME,
  installGeoIpPipeline,
  NO_PIPELINE,
} from '../../lib/data_stream/geoip_pipeline';
import { NamespaceTemplates } from '../../lib/data_stream/namespace_templates';
import { installTemplates } from '../../lib/data_stream/templates';
import { describeError } from '../../lib/writer/es_errors';
import { assertKnownFlags, requiredFlag, type ParsedArgs } from '../parse_args';
import { JsonLogger } from './json_logger';
import { loadServiceConfig, ServiceConfigError, type ServiceConfig } from './service_config';
import { ensureStateIndex } from './state_index';
import { startStatusServer } from './status_server';
import { TenantCollector, type TenantCollectorServices } from './tenant_collector';

export const SERVE_FLAGS = ['config'];

/** A stop lets each tenant finish its page this long, so the process is gone within 10 s. */
const STOP_GRACE_MS = 7_000;
/** Whatever still runs then is left behind: the process exits 0 before 10 s are up. */
const STOP_DEADLINE_MS = 9_000;
const SETUP_RETRY_MS = 5_000;

function elasticsearchClient(config: ServiceConfig): Client {
  const target = config.elasticsearch;
  return new Client({
    ...(target.cloudId ? { cloud: { id: target.cloudId } } : { node: target.url! }),
    ...(target.apiKey ? { auth: { apiKey: target.apiKey } } : {}),
    ...(target.caCertificate ? { tls: { ca: target.caCertificate } } : {}),
  });
}

/** The state index, our templates and the optional GeoIP pipeline, retried until they are in place. */
async function prepareElasticsearch(
  client: Client,
  config: ServiceConfig,
  logger: JsonLogger,
  signal: AbortSignal
): Promise<string | undefined> {
  for (;;) {
    try {
      await ensureStateIndex(client, config.elasticsearch.stateIndex);
      await installTemplates(client, { dataset: DEFAULT_DATASET });
      const geoIp = await installGeoIpPipeline(client);
      if (!geoIp.installed) logger.info('GeoIP enrichment is off', { reason: geoIp.reason });
      return geoIp.installed ? GEOIP_PIPELINE_NAME : NO_PIPELINE;
    } catch (error) {
      logger.error('Elasticsearch is not ready; trying again', { error: describeError(error) });
      try {
        await systemClock.sleep(SETUP_RETRY_MS, signal);
      } catch {
        return undefined;
      }
    }
  }
}

function reportConfigProblems(error: unknown): number {
  if (!(error instanceof ServiceConfigError)) throw error;
  for (const problem of error.problems)
    process.stderr.write(`exchange-message-trace: ${problem}\n`);
  return 2;
}

/**
 * `serve --config FILE`: every tenant of the config collected in one process, state in
 * Elasticsearch, until SIGTERM (or SIGINT); SIGHUP reloads the config.
 */
export async function serveCommand(args: ParsedArgs, stop: AbortSignal): Promise<number> {
  assertKnownFlags(args, SERVE_FLAGS);
  const file = requiredFlag(args, 'config');
  let config: ServiceConfig;
  try {
    config = await loadServiceConfig(file);
  } catch (error) {
    return reportConfigProblems(error);
  }
  const logger = new JsonLogger(config.secrets);
  // From the start on, so a SIGHUP before the tenants run never ends the process (its default).
  let reloadRequested = false;
  let onHangUp = () => {
    reloadRequested = true;
  };
  const hangUp = () => onHangUp();
  process.on('SIGHUP', hangUp);
  const instanceId = `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const client = elasticsearchClient(config);
  const collectors = new Map<string, TenantCollector>();
  const status = await startStatusServer({
    ...config.http,
    instanceId,
    statuses: () => [...collectors.values()].map((collector) => collector.status),
    logger,
  });
  logger.info('Service started', {
    instance: instanceId,
    config: file,
    address: status.address,
    tenants: config.tenants.length,
  });

  try {
    const ingestPipeline = await prepareElasticsearch(client, config, logger, stop);
    if (ingestPipeline === undefined) return 0;
    const services: TenantCollectorServices = {
      client,
      stateIndex: config.elasticsearch.stateIndex,
      instanceId,
      leaseMs: config.leaseMs,
      endpoints: config.endpoints,
      namespaceTemplates: new NamespaceTemplates(client, { dataset: DEFAULT_DATASET }),
      ingestPipeline,
      logger,
      clock: systemClock,
      pageSlots: new PageSlots(config.concurrentPages),
    };
    const startTenant = (tenant: ServiceConfig['tenants'][number]) => {
      if (stop.aborted) return;
      const collector = new TenantCollector(tenant, services);
      collectors.set(tenant.name, collector);
      collector.start();
    };
    for (const tenant of config.tenants) startTenant(tenant);

    let reloading: Promise<void> = Promise.resolve();
    const reload = async () => {
      let next: ServiceConfig;
      try {
        next = await loadServiceConfig(file);
      } catch (error) {
        const problems = error instanceof ServiceConfigError ? error.problems : [String(error)];
        for (const problem of problems) logger.error('Config not reloaded', { problem });
        return;
      }
      logger.addSecrets(next.secrets);
      for (const setting of [
        'elasticsearch',
        'http',
        'leaseMs',
        'endpoints',
        'concurrentPages',
      ] as const) {
        if (JSON.stringify(next[setting]) !== JSON.stringify(config[setting]))
          logger.warn('Setting changed; it applies after a restart', { setting });
      }
      const wanted = new Map(next.tenants.map((tenant) => [tenant.name, tenant]));
      // A changed tenant stops and starts again: its progress is in Elasticsearch, nothing is lost.
      const leaving = [...collectors.values()].filter(
        (collector) =>
          wanted.get(collector.tenant.name)?.fingerprint !== collector.tenant.fingerprint
      );
      await Promise.all(leaving.map((collector) => collector.stop(STOP_GRACE_MS)));
      for (const collector of leaving) collectors.delete(collector.tenant.name);
      const starting = next.tenants.filter((tenant) => !collectors.has(tenant.name));
      for (const tenant of starting) startTenant(tenant);
      config = { ...config, tenants: next.tenants };
      logger.info('Config reloaded', {
        stopped: leaving.map((collector) => collector.tenant.name),
        started: starting.map((tenant) => tenant.name),
      });
    };
    onHangUp = () => {
      reloading = reloading.then(reload);
    };
    if (reloadRequested) onHangUp();

    if (!stop.aborted) {
      await new Promise<void>((resolve) => stop.addEventListener('abort', () => resolve()));
    }
    logger.info('Stopping: each tenant ends its page and saves its checkpoint');
    const stopAll = () =>
      Promise.all([...collectors.values()].map((collector) => collector.stop(STOP_GRACE_MS)));
    // A reload that was under way may have started a tenant as the stop began.
    const stopped = Promise.all([stopAll(), reloading]).then(stopAll);
    // A call no signal can cut (a token request) must not hold the process past its 10 s.
    const outOfTime = new Promise<'out of time'>((resolve) =>
      setTimeout(() => resolve('out of time'), STOP_DEADLINE_MS).unref()
    );
    if ((await Promise.race([stopped, outOfTime])) === 'out of time') {
      logger.warn(
        'Stopped before every tenant finished; their pages are read again at the next start'
      );
      return 0;
    }
    await client.close();
    logger.info('Service stopped');
    return 0;
  } finally {
    process.off('SIGHUP', hangUp);
    await status.close();
  }
}
