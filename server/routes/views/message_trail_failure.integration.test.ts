import type { ConnectionView } from '../../../common/http_api/connections';
import {
  MESSAGE_TRAIL_API_PATH,
  MESSAGES_API_PATH,
  type MessageSearchResponse,
  type MessageTrail,
} from '../../../common/http_api/views';
import type { GraphEmulator } from '../../../test/graph_emulator';
import { nonDeliveryOf } from '../../../test/graph_emulator/trace_details';
import { startCollectedTenant } from '../../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute } from '../../../test/host/test_support';

const DAY = 24 * 3_600_000;

/** What each response the emulator fails rows with must read as (common/delivery_failure.ts). */
const EXPECTED_SENTENCES: Record<string, string> = {
  '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup':
    "The recipient's address was not found by SMTP address lookup: no such mailbox or contact exists.",
  '550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized':
    'The sender is not allowed to send to this recipient (for example a group that accepts only its members), or a mail flow rule refused it.',
  '550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed as sender not authenticated for group':
    'The recipient is a group that accepts mail only from inside its own organization.',
  '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded':
    "The recipient's mailbox is full.",
  '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)':
    "The recipient's address does not exist: it was refused at the edge (recipient address rejected: access denied).",
  '550 4.4.7 QUEUE.Expired; message expired':
    'The message expired in the queue: the receiving server did not accept it before the expiration time.',
  '550 5.7.1 Unable to relay':
    "The receiving system does not accept mail for the recipient's domain from this sender (unable to relay).",
  '550 5.7.23 The message was rejected because of Sender Policy Framework violation':
    "The recipient's system refused the message because it failed SPF.",
};

/** Issue 16, item 6: a failed message's trail from Graph says why in words; Undelivered reuses it. */
describe('failures in words, from the event trail', () => {
  let host: KibanaHost;
  let emulator: GraphEmulator;
  let tenantId: string;
  let connection: ConnectionView;
  beforeAll(async () => {
    ({ host, emulator, tenantId, connection } = await startCollectedTenant(9716, 400));
  }, 120_000);

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
  });

  const failedRows = async () => {
    const search = await callRoute(host, 'POST', MESSAGES_API_PATH, {
      user: 'soc_analyst',
      body: {
        start: new Date(Date.now() - 2 * DAY).toISOString(),
        end: new Date().toISOString(),
        connectionIds: [connection.id],
        statuses: ['failed'],
        pageSize: 100,
      },
    });
    expect(search.status).toBe(200);
    return (search.body as MessageSearchResponse).rows;
  };

  it("shows the sentence for the emulator's NDR, and then the same reason on the Undelivered row", async () => {
    const before = await failedRows();
    expect(before.length).toBeGreaterThan(1);
    // Nobody opened a trail yet: no reasons, and listing rows asked Graph for none.
    expect(before.filter((row) => row.failure)).toEqual([]);
    const details = () => emulator.requests.all().filter((r) => r.kind === 'detail').length;
    expect(details()).toBe(0);

    const row = before[0]!;
    const ndr = nonDeliveryOf(emulator.tenant(tenantId).source.find(row.traceId, row.recipient!)!);
    const answer = await callRoute(host, 'POST', MESSAGE_TRAIL_API_PATH, {
      user: 'soc_analyst',
      body: { traceId: row.traceId, recipient: row.recipient, connectionId: connection.id },
    });
    expect(answer.status).toBe(200);
    const trail = answer.body as MessageTrail;
    expect(trail.failure).toMatchObject({
      code: ndr.split(' ')[1],
      sentence: EXPECTED_SENTENCES[ndr],
      response: ndr,
    });
    expect(details()).toBe(1);

    // The Undelivered table's search: the opened row carries the reason, the others none, and
    // still no Graph request per row.
    const after = await failedRows();
    const reasons = after.filter((candidate) => candidate.failure);
    expect(reasons.map((candidate) => [candidate.rowId, candidate.failure?.sentence])).toEqual([
      [row.rowId, EXPECTED_SENTENCES[ndr]],
    ]);
    expect(details()).toBe(1);
  });
});
