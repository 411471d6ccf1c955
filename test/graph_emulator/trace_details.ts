/**
 * `GET /{v1.0|beta}/admin/exchange/tracing/messageTraces/{id}/getDetailsByRecipient(recipientAddress='x')`
 * (reference A4): the per-recipient event list — Receive, then Deliver / Send external / Fail /
 * Spam / Defer / Expand … as of now — each with `id` = the trace id, `messageId`, `dateTime`,
 * `event`, `action` (usually ""), `description` and a `data` XML blob of `<MEP …/>` entries.
 */
import { graphErrors } from './graph_errors';
import { jsonResponse, type EmulatorRequest, type EmulatorResponse } from './http_types';
import { GRAPH_JSON, type ApiVersion } from './message_traces_route';
import { Rng } from './random';
import type { EmulatedTenant } from './tenant_registry';
import { formatGraphDateTime, type StatusChange, type TraceRecord } from './trace_record';

export const DETAILS_PATH =
  /^\/(v1\.0|beta)\/admin\/exchange\/tracing\/messageTraces\/([^/]+)\/getDetailsByRecipient\((.*)\)$/i;

interface Detail {
  dateTime: number;
  event: string;
  action: string;
  description: string;
  data: Array<[string, string]>;
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function dataXml(entries: Array<[string, string]>): string {
  return `<root>${entries.map(([n, v]) => `<MEP Name="${n}" String="${xmlEscape(v)}" />`).join('')}</root>`;
}

/**
 * Responses Exchange Online gives for mail it could not deliver, as they appear in the LED part of
 * a Fail event's description (the form of getDetailsByRecipient's sample and of NDRs' diagnostic
 * text; codes from Microsoft's "Email non-delivery reports and SMTP errors in Exchange Online").
 * Mail into the tenant fails inside it; mail out is refused by the remote side.
 */
const INBOUND_NDRS = [
  '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
  '550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized',
  '550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed as sender not authenticated for group',
  '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded',
] as const;
const OUTBOUND_NDRS = [
  '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)',
  '550 4.4.7 QUEUE.Expired; message expired',
  '550 5.7.1 Unable to relay',
  '550 5.7.23 The message was rejected because of Sender Policy Framework violation',
] as const;

/** The response a failed row was refused with: the same for the same row, every time. */
export function nonDeliveryOf(record: TraceRecord): string {
  const rng = Rng.from('ndr', record.id, record.recipientAddress);
  return rng.pick(record.direction === 'outbound' ? OUTBOUND_NDRS : INBOUND_NDRS);
}

function failDescription(ndr: string, toIP: string | null): string {
  const remote = toIP ?? '';
  return `Reason: [{LED=${ndr}};{MSG=};{FQDN=};{IP=${remote}};{LRT=}]. OutboundProxyTargetIP: ${remote}. OutboundProxyTargetHostName: `;
}

/** Events of one row up to `nowMs`; each status change happened about one latency before it became visible. */
export function detailEvents(record: TraceRecord, nowMs: number): Detail[] {
  const rng = Rng.from('details', record.id, record.recipientAddress);
  const server = `${rng.pick(['AM9PR04MB', 'DB9PR04MB', 'PAXPR04MB'])}${rng.int(1000, 9999)}.eurprd04.prod.outlook.com`;
  const lag = record.availableAtMs - record.receivedMs;
  const connector = record.direction === 'inbound' ? 'Default Frontend' : 'Outbound to Internet';
  const base: Array<[string, string]> = [
    ['ServerHostname', server],
    ['ConnectorId', connector],
    ['ClientIP', record.fromIP ?? ''],
  ];
  const events: Detail[] = [
    {
      dateTime: record.receivedMs,
      event: 'Receive',
      action: '',
      description: `Message received by: ${server}`,
      data: [...base, ['MessageSize', String(record.size)]],
    },
  ];
  const visible = record.timeline.filter((c) => c.fromMs <= nowMs);
  visible.forEach((change: StatusChange, i) => {
    const at = Math.max(record.receivedMs + (i + 1) * 1000, change.fromMs - lag);
    const add = (
      event: string,
      description: string,
      extra: Array<[string, string]> = [],
      action = ''
    ) => events.push({ dateTime: at, event, action, description, data: [...base, ...extra] });
    switch (change.status) {
      case 'delivered':
        if (record.direction === 'outbound') {
          add('Send external', `Message sent to ${record.toIP ?? 'mx'} using TLS1.2 with AES256`, [
            ['RemoteIP', record.toIP ?? ''],
          ]);
        } else {
          add('Deliver', 'The message was successfully delivered.', [['DeliveryFolder', 'Inbox']]);
        }
        break;
      case 'filteredAsSpam':
        add(
          'Spam',
          'The message was marked as spam and delivered to the Junk Email folder.',
          [['SCL', '6']],
          'MoveToJmf'
        );
        add('Deliver', 'The message was successfully delivered.', [
          ['DeliveryFolder', 'Junk Email'],
        ]);
        break;
      case 'quarantined':
        add('Spam', 'The message was quarantined.', [['SCL', '9']], 'Quarantine');
        break;
      case 'failed': {
        const ndr = nonDeliveryOf(record);
        add('Fail', failDescription(ndr, record.toIP), [
          ['ErrorCode', ndr.split(' ', 2).join(' ')],
        ]);
        break;
      }
      case 'pending':
        add(
          'Defer',
          'The message was deferred. Reason: 451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped." Attempted failover to alternate host, but that did not succeed.'
        );
        break;
      case 'gettingStatus':
        break;
      case 'expanded':
        add('Expand', `The distribution group ${record.recipientAddress} was expanded.`);
        break;
      case 'recalled':
        add('Recall', 'The message was recalled by the sender.');
        break;
    }
  });
  return events;
}

export function getDetailsByRecipient(
  request: EmulatorRequest,
  nowMs: number,
  tenant: EmulatedTenant
): EmulatorResponse {
  const match = DETAILS_PATH.exec(request.rawPath);
  const version = match![1]!.toLowerCase() === 'beta' ? 'beta' : ('v1.0' as ApiVersion);
  let id: string;
  let args: string;
  try {
    id = decodeURIComponent(match![2]!);
    args = decodeURIComponent(match![3]!);
  } catch {
    return graphErrors.badRequest(request, nowMs, 'Malformed URL.');
  }
  const parameter = /^\s*recipientAddress\s*=\s*'((?:[^']|'')*)'\s*$/i.exec(args);
  if (!parameter) {
    return graphErrors.badRequest(
      request,
      nowMs,
      "The function getDetailsByRecipient requires the parameter 'recipientAddress'."
    );
  }
  const recipient = parameter[1]!.replace(/''/g, "'");
  const record = tenant.source.find(id, recipient);
  if (!record || record.availableAtMs > nowMs) {
    return graphErrors.notFound(
      request,
      nowMs,
      `No message trace was found for id '${id}' and recipient '${recipient}'.`
    );
  }
  return jsonResponse(
    200,
    {
      '@odata.context': `${request.origin}/${version}/$metadata#Collection(microsoft.graph.exchangeMessageTraceDetail)`,
      value: detailEvents(record, nowMs).map((d) => ({
        id: record.id,
        messageId: record.messageId,
        dateTime: formatGraphDateTime(d.dateTime),
        event: d.event,
        action: d.action,
        description: d.description,
        data: dataXml(d.data),
      })),
    },
    { 'Content-Type': GRAPH_JSON }
  );
}
