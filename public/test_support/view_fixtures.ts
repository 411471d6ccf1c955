import type {
  DeliveryStatusResponse,
  MessageDetail,
  MessageRow,
  MessageSearchResponse,
  SuspiciousSendersResponse,
} from '../../common/http_api/views';

const counts = (delivered: number, failed = 0, pending = 0) => ({
  delivered,
  failed,
  quarantined: 0,
  filteredAsSpam: 0,
  pending,
  other: 0,
});

export function deliveryStatusResponse(): DeliveryStatusResponse {
  return {
    totals: {
      total: 1000,
      delivered: 900,
      failed: 40,
      quarantined: 20,
      filteredAsSpam: 30,
      pending: 10,
      other: 0,
      pendingOverAnHour: 4,
    },
    rates: {
      delivered: 0.9,
      failed: 0.04,
      quarantined: 0.02,
      filteredAsSpam: 0.03,
      pendingOverAnHour: 0.004,
    },
    histogram: {
      intervalMs: 3_600_000,
      buckets: [
        { start: '2026-11-20T00:00:00.000Z', counts: counts(450, 20, 5) },
        { start: '2026-11-20T01:00:00.000Z', counts: counts(450, 20, 5) },
      ],
    },
    directions: [
      { direction: 'inbound', total: 600, delivered: 520, undelivered: 70 },
      { direction: 'outbound', total: 400, delivered: 380, undelivered: 20 },
    ],
    topFailingRecipients: [{ recipient: 'former.employee7@contoso.com', failed: 12 }],
    topFailingDomains: [{ domain: 'woodgrovebank.com', failed: 9 }],
    latestStatus: { exact: true, rowsWithStatusChanges: 31 },
  };
}

export function messageRow(overrides: Partial<MessageRow> = {}): MessageRow {
  return {
    rowId: 'trace-1|bob@contoso.com',
    traceId: 'trace-1',
    messageId: '<m1@fabrikam.com>',
    receivedAt: '2026-11-20T10:00:00.000Z',
    sender: 'orders@fabrikam.com',
    recipient: 'bob@contoso.com',
    subject: 'PO 12345 confirmation',
    status: 'failed',
    direction: 'inbound',
    fromIp: '40.107.1.5',
    size: 31_000,
    connectionId: 'c1',
    namespace: 'default',
    ...overrides,
  };
}

export function searchResponse(rows: MessageRow[], total = rows.length): MessageSearchResponse {
  return {
    index: 'logs-microsoft_exchange_online_message_trace.log-*',
    total,
    rows,
    latestStatus: { exact: true, rowsWithStatusChanges: 0 },
  };
}

export function messageDetail(): MessageDetail {
  return {
    traceId: 'trace-1',
    messageId: '<m1@fabrikam.com>',
    receivedAt: '2026-11-20T10:00:00.000Z',
    sender: 'orders@fabrikam.com',
    subject: 'PO 12345 confirmation',
    fromIp: '40.107.1.5',
    size: 31_000,
    connectionId: 'c1',
    namespace: 'default',
    recipients: [
      {
        recipient: 'bob@contoso.com',
        status: 'delivered',
        statuses: ['gettingStatus', 'delivered'],
      },
    ],
  };
}

export function suspiciousSendersResponse(): SuspiciousSendersResponse {
  return {
    senders: [
      {
        sender: 'accounts@c0ntoso.com',
        domain: 'c0ntoso.com',
        score: 35,
        reasons: [
          {
            code: 'lookalikeDomain',
            weight: 35,
            explanation:
              'c0ntoso.com swaps look-alike characters to pass for our domain contoso.com.',
          },
        ],
        messages: 9,
        recipients: 4,
        undelivered: 1,
        sourceIps: ['203.0.113.77'],
        firstSeen: '2026-11-18T09:00:00.000Z',
        lastSeen: '2026-11-20T15:00:00.000Z',
        knownGood: false,
      },
    ],
    total: 1,
    baseline: {
      start: '2026-11-10T00:00:00.000Z',
      end: '2026-11-17T00:00:00.000Z',
      hasData: true,
      days: 7,
      enough: true,
    },
    knownGoodHidden: 0,
    localDomains: ['contoso.com'],
  };
}
