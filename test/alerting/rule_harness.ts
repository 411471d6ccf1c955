import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KibanaHost } from '../host/kibana_host';
import { callRoute, waitFor } from '../host/test_support';

/** A webhook receiver on 127.0.0.1: every body a connector posts, parsed. */
export async function startWebhookListener() {
  const received: Array<Record<string, unknown>> = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push(JSON.parse(body));
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A webhook connector without auth (Kibana licenses `.webhook` at gold: the node runs a trial). */
export async function createWebhookConnector(host: KibanaHost, url: string): Promise<string> {
  const created = await callRoute(host, 'POST', '/api/actions/connector', {
    user: 'elastic',
    body: {
      name: 'alert listener',
      connector_type_id: '.webhook',
      config: { url, method: 'post', hasAuth: false, authType: null },
      secrets: {},
    },
  });
  if (created.status !== 200) throw new Error(`connector: ${JSON.stringify(created.body)}`);
  return created.body.id;
}

/** A per-alert webhook action of `group`, told once each time the alert changes group. */
export const webhookAction = (connectorId: string, group: string, body: string) => ({
  group,
  id: connectorId,
  params: { body },
  frequency: { summary: false, notify_when: 'onActionGroupChange', throttle: null },
});

export async function createRule(host: KibanaHost, user: string, body: Record<string, unknown>) {
  return callRoute(host, 'POST', '/api/alerting/rule', {
    user,
    body: { consumer: 'exchangeMessageTrace', schedule: { interval: '1h' }, ...body },
  });
}

export type AlertDocument = Record<string, unknown> & { id: string };

export async function alertDocuments(
  host: KibanaHost,
  ruleId: string,
  user = 'mail_admin'
): Promise<AlertDocument[]> {
  const found = await callRoute(host, 'POST', '/internal/rac/alerts/find', {
    user,
    body: { query: { term: { 'kibana.alert.rule.uuid': ruleId } }, size: 1000 },
  });
  if (found.status !== 200) throw new Error(`alerts: ${JSON.stringify(found.body)}`);
  return (found.body.hits.hits as Array<{ _id: string; _source: Record<string, unknown> }>).map(
    (hit) => ({ id: hit._id, ...hit._source })
  );
}

const lastRunOf = async (host: KibanaHost, ruleId: string) =>
  (await host.taskManagerStart().get(ruleId)).state.previousStartedAt as string | null | undefined;

/** Waits for the rule's first run (scheduled at creation). */
export const firstRun = (host: KibanaHost, ruleId: string) =>
  waitFor(async () => Boolean(await lastRunOf(host, ruleId)), {
    timeoutMs: 60_000,
    what: 'the rule’s first run',
  });

/**
 * Runs the rule now and waits for that run to end. As `elastic`: Kibana's runSoon also needs the
 * actions' `execute` privilege when the rule has actions (run_soon.ts), which is not our feature's
 * to grant; the run itself still uses the API key of the rule's creator.
 */
export async function runAgain(host: KibanaHost, ruleId: string) {
  const before = await lastRunOf(host, ruleId);
  const soon = await callRoute(host, 'POST', `/internal/alerting/rule/${ruleId}/_run_soon`, {
    user: 'elastic',
  });
  if (soon.status !== 204) throw new Error(`run soon: ${JSON.stringify(soon)}`);
  await waitFor(async () => (await lastRunOf(host, ruleId)) !== before, {
    timeoutMs: 60_000,
    what: 'the rule’s next run',
  });
}
