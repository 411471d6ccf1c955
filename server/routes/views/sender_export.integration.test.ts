import { Client } from '@elastic/elasticsearch';
import { SENDERS_CSV_API_PATH } from '../../../common/http_api/sender_export';
import { KNOWN_SENDERS_API_PATH, knownSenderPath } from '../../../common/http_api/views';
import { exchangeMessageTracePlugin } from '../../../test/host/exchange_message_trace_plugin';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute, callRouteForText, esUrl, startTestHost } from '../../../test/host/test_support';
import { dataStreamName } from '../../lib/data_stream/data_stream_name';
import { installTemplates } from '../../lib/data_stream/templates';
import { createMessageTraceMapper } from '../../lib/ecs/message_trace_document';
import { writeDocuments } from '../../lib/writer/bulk_writer';

const HEADER =
  'sender,score,reason_codes,reasons,messages,recipients,undelivered,first_seen,last_seen,' +
  'source_ips,known_good,known_good_sender,known_good_note,known_good_marked_by,' +
  'known_good_marked_at';
/** Senders a spreadsheet would run as formulas. */
const FORMULA_SENDER = '=cmd@phish.example';
const MARKED_SENDER = '-ceo@phish.example';
const NOTE = '=SUM(1,2), our "vendor"';

let rowCount = 0;
const row = (sender: string, at: string, recipient: string, fromIP: string, status: string) => {
  rowCount += 1;
  const id = `30000000-0000-4000-8000-${String(rowCount).padStart(12, '0')}`;
  return {
    id,
    messageId: `<${id}@phish.example>`,
    receivedDateTime: at,
    senderAddress: sender,
    recipientAddress: recipient,
    subject: 'Invoice',
    size: 1024,
    fromIP,
    status,
  };
};

/**
 * A partner's mail on the first day; four days later two senders appear whose mail is mostly
 * not delivered: each is first seen (10) and undelivered (40 × the share not delivered).
 */
const ROWS = [
  row('news@partner.example', '2026-11-01T08:00:00Z', 'ap@contoso.com', '192.0.2.1', 'delivered'),
  row(FORMULA_SENDER, '2026-11-05T09:00:00Z', 'ap@contoso.com', '203.0.113.9', 'quarantined'),
  row(FORMULA_SENDER, '2026-11-05T09:01:00Z', 'ceo@contoso.com', '203.0.113.9', 'quarantined'),
  row(FORMULA_SENDER, '2026-11-05T09:02:00Z', 'ap@contoso.com', '203.0.113.9', 'quarantined'),
  row(FORMULA_SENDER, '2026-11-05T09:03:00Z', 'ap@contoso.com', '198.51.100.7', 'delivered'),
  row(MARKED_SENDER, '2026-11-05T10:00:00Z', 'ap@contoso.com', '198.51.100.8', 'failed'),
  row(MARKED_SENDER, '2026-11-05T10:01:00Z', 'ap@contoso.com', '198.51.100.8', 'failed'),
  row(MARKED_SENDER, '2026-11-05T10:02:00Z', 'ap@contoso.com', '198.51.100.8', 'failed'),
];

describe('the CSV export of suspicious senders', () => {
  let host: KibanaHost;
  let markedAt: string;
  const es = new Client({ node: esUrl() });
  const namespace = `sendercsv${Date.now().toString(36)}`;
  const dataStream = dataStreamName(undefined, namespace);
  const scope = {
    start: '2026-11-01T00:00:00Z',
    end: '2026-11-06T00:00:00Z',
    baselineDays: 1,
    namespaces: [namespace],
  };
  const exportCsv = (user: string, body: unknown) =>
    callRouteForText(host, 'POST', SENDERS_CSV_API_PATH, { user, body });

  beforeAll(async () => {
    host = await startTestHost({ plugins: [exchangeMessageTracePlugin()] });
    await installTemplates(es);
    const toDocument = createMessageTraceMapper({
      localDomains: ['contoso.com'],
      namespace,
      tenantId: '0b5c3f6e-2d4a-4c1b-9e8f-7a6b5c4d3e2f',
      connectionName: 'Contoso',
      connectionId: 'conn-1',
    });
    expect(await writeDocuments(es, dataStream, ROWS.map(toDocument))).toMatchObject({
      created: ROWS.length,
      failed: [],
    });
    await es.indices.refresh({ index: dataStream });
    const marked = await callRoute(host, 'POST', KNOWN_SENDERS_API_PATH, {
      user: 'mail_admin',
      body: { sender: MARKED_SENDER, note: NOTE },
    });
    expect(marked.status).toBe(200);
    markedAt = marked.body.markedAt;
  });

  afterAll(async () => {
    await callRoute(host, 'DELETE', knownSenderPath(MARKED_SENDER), { user: 'mail_admin' });
    await host.stop();
    await es.close();
  });

  it('holds every page in the asked order, formulas defused and commas quoted', async () => {
    const answer = await exportCsv('soc_analyst', {
      ...scope,
      includeKnownGood: true,
      sortField: 'score',
      sortDirection: 'asc',
      // One sender a page: the export still holds both.
      pageIndex: 0,
      pageSize: 1,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('x-export-row-cap')).toBe('1000');
    expect(answer.headers.get('x-export-total-rows')).toBe('2');
    expect(answer.text).toBe(
      [
        HEADER,
        `'=cmd@phish.example,40,undeliveredRatio;firstSeen,Often not delivered;First seen,4,2,3,` +
          '2026-11-05T09:00:00.000Z,2026-11-05T09:03:00.000Z,203.0.113.9;198.51.100.7,false,,,,',
        `'-ceo@phish.example,50,undeliveredRatio;firstSeen,Often not delivered;First seen,3,1,3,` +
          '2026-11-05T10:00:00.000Z,2026-11-05T10:02:00.000Z,198.51.100.8,true,' +
          `'-ceo@phish.example,"'=SUM(1,2), our ""vendor""",mail_admin,${markedAt}`,
        '',
      ].join('\r\n')
    );
  });

  it('leaves out known-good senders unless asked, as the page does', async () => {
    const answer = await exportCsv('soc_analyst', { ...scope, reasons: ['firstSeen'] });
    expect(answer.status).toBe(200);
    expect(answer.text.split('\r\n').map((line) => line.split(',')[0])).toEqual([
      'sender',
      `'=cmd@phish.example`,
      '',
    ]);
  });

  it('answers a bad field with a 400 naming it', async () => {
    const answer = await exportCsv('soc_analyst', { ...scope, reasons: ['spoofing'] });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).message).toContain('reasons');
  });

  it('refuses a viewer without index read, as every view does', async () => {
    const answer = await exportCsv('analyst_without_index', scope);
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.text).message).toContain(
      'lacks the Elasticsearch index privilege [read]'
    );
  });
});
