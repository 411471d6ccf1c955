import { Client } from '@elastic/elasticsearch';
import { CAMPAIGN_API_PATH, type CampaignResponse } from '../../../common/http_api/campaign';
import { MESSAGES_CSV_API_PATH } from '../../../common/http_api/message_export';
import { runCli } from '../../../test/collector/cli_process';
import { exchangeMessageTracePlugin } from '../../../test/host/exchange_message_trace_plugin';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute, callRouteForText, esUrl, startTestHost } from '../../../test/host/test_support';
import { dataStreamName } from '../../lib/data_stream/data_stream_name';
import { installTemplates } from '../../lib/data_stream/templates';
import { createMessageTraceMapper } from '../../lib/ecs/message_trace_document';
import { exportMessages } from '../../lib/views/message_export';
import { writeDocuments } from '../../lib/writer/bulk_writer';

const TENANT_ID = '0b5c3f6e-2d4a-4c1b-9e8f-7a6b5c4d3e2f';
const HEADER =
  'origin_timestamp_utc,sender_address,recipient_address,recipient_status,message_subject,' +
  'total_bytes,message_id,network_message_id,original_client_ip,destination_ip,directionality,' +
  'tenant_id,connection_name';

const row = (id: string, minute: number, subject: string, status = 'delivered') => ({
  id,
  messageId: `<${id}@fabrikam.example>`,
  receivedDateTime: `2026-11-10T08:${String(minute).padStart(2, '0')}:00Z`,
  senderAddress: 'billing@fabrikam.example',
  recipientAddress: 'ap@contoso.com',
  subject,
  size: 2048,
  fromIP: '203.0.113.9',
  status,
});

/** Subjects a spreadsheet would run as formulas, or that need CSV quoting. */
const HOSTILE = [
  row('10000000-0000-4000-8000-000000000001', 1, '=HYPERLINK("http://evil.example","open")'),
  row('10000000-0000-4000-8000-000000000002', 2, '+cmd|/C calc'),
  row('10000000-0000-4000-8000-000000000003', 3, '-2+3'),
  row('10000000-0000-4000-8000-000000000004', 4, '@SUM(A1:A9)'),
  row('10000000-0000-4000-8000-000000000005', 5, 'Invoice, "final"\r\nsecond line'),
  // Seen getting status, then delivered: one row, delivered.
  row('10000000-0000-4000-8000-000000000006', 6, 'Statement', 'gettingStatus'),
  row('10000000-0000-4000-8000-000000000006', 6, 'Statement', 'delivered'),
];

/** Rows past one export page (1,000) and the cap the test asks for. */
const BULK = Array.from({ length: 2500 }, (_, i) => ({
  ...row(`20000000-0000-4000-8000-${String(i).padStart(12, '0')}`, 0, `Newsletter ${i}`),
  receivedDateTime: new Date(Date.parse('2026-11-11T00:00:00Z') + i * 1000).toISOString(),
  senderAddress: 'news@bulk.example',
}));

const postCsv = (host: KibanaHost, user: string, body: unknown) =>
  callRouteForText(host, 'POST', MESSAGES_CSV_API_PATH, { user, body });

describe('the CSV export of message rows', () => {
  let host: KibanaHost;
  const es = new Client({ node: esUrl() });
  const namespace = `csv${Date.now().toString(36)}`;
  const dataStream = dataStreamName(undefined, namespace);
  const scope = {
    start: '2026-11-10T00:00:00Z',
    end: '2026-11-12T00:00:00Z',
    namespaces: [namespace],
  };

  beforeAll(async () => {
    host = await startTestHost({ plugins: [exchangeMessageTracePlugin()] });
    await installTemplates(es);
    const toDocument = createMessageTraceMapper({
      localDomains: ['contoso.com'],
      namespace,
      tenantId: TENANT_ID,
      connectionName: 'Contoso, "main"',
      connectionId: 'conn-1',
    });
    const rows = [...HOSTILE, ...BULK];
    expect(await writeDocuments(es, dataStream, rows.map(toDocument))).toMatchObject({
      created: rows.length,
      failed: [],
    });
    await es.indices.refresh({ index: dataStream });
  });

  afterAll(async () => {
    await host.stop();
    await es.close();
  });

  it('quotes what needs quoting, defuses formulas, and lists a row once in its latest status', async () => {
    const answer = await postCsv(host, 'soc_analyst', {
      ...scope,
      sender: 'billing@fabrikam.example',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('x-export-row-cap')).toBe('50000');
    expect(answer.headers.get('x-export-total-rows')).toBe('6');
    const line = (id: string, minute: number, subjectCell: string) =>
      `2026-11-10T08:0${minute}:00.000Z,billing@fabrikam.example,ap@contoso.com,delivered,` +
      `${subjectCell},2048,<${id}@fabrikam.example>,${id},203.0.113.9,,inbound,${TENANT_ID},` +
      `"Contoso, ""main"""`;
    expect(answer.text).toBe(
      [
        HEADER,
        line('10000000-0000-4000-8000-000000000006', 6, 'Statement'),
        line('10000000-0000-4000-8000-000000000005', 5, '"Invoice, ""final""\r\nsecond line"'),
        line('10000000-0000-4000-8000-000000000004', 4, `'@SUM(A1:A9)`),
        line('10000000-0000-4000-8000-000000000003', 3, `'-2+3`),
        line('10000000-0000-4000-8000-000000000002', 2, `'+cmd|/C calc`),
        line(
          '10000000-0000-4000-8000-000000000001',
          1,
          `"'=HYPERLINK(""http://evil.example"",""open"")"`
        ),
        '',
      ].join('\r\n')
    );
  });

  it('pages through a point in time up to the cap, newest first, each row once', async () => {
    const exported = await exportMessages(
      { client: es, index: dataStream },
      { ...scope, sender: 'news@bulk.example' },
      { maxRows: 2100 }
    );
    let csv = '';
    for await (const chunk of exported.lines) csv += chunk;
    const lines = csv.split('\r\n').filter(Boolean);
    expect(exported.total).toBe(BULK.length);
    expect(exported.written()).toBe(2100);
    expect(lines).toHaveLength(2101);
    const expectedTimes = BULK.map((r) => new Date(r.receivedDateTime).toISOString())
      .reverse()
      .slice(0, 2100);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expectedTimes);
  });

  it('writes the same CSV from the command line as the route sends', async () => {
    const body = { ...scope, sender: 'billing@fabrikam.example' };
    const fromRoute = await postCsv(host, 'soc_analyst', body);
    const fromCli = await runCli([
      'export',
      '--es-url',
      esUrl(),
      '--start',
      scope.start,
      '--end',
      scope.end,
      '--namespaces',
      namespace,
      '--sender',
      body.sender,
    ]);
    expect(fromCli).toMatchObject({ code: 0, stdout: fromRoute.text });
    expect(fromCli.stderr).toBe('[export] 6 of 6 rows written (at most 50000)\n');
  });

  it('answers a bad field with a 400 naming it', async () => {
    const answer = await postCsv(host, 'soc_analyst', { ...scope, ip: '203.0.113.999' });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).message).toContain('ip');
  });

  it('refuses a viewer without index read, as every view does', async () => {
    const csv = await postCsv(host, 'analyst_without_index', scope);
    expect(csv.status).toBe(403);
    expect(JSON.parse(csv.text).message).toContain(
      'lacks the Elasticsearch index privilege [read]'
    );
    const campaign = await callRoute(host, 'POST', CAMPAIGN_API_PATH, {
      user: 'analyst_without_index',
      body: { ...scope, sender: 'billing@fabrikam.example' },
    });
    expect(campaign.status).toBe(403);
  });

  it('counts a campaign once per row, in its latest status, and needs a criterion', async () => {
    const answer = await callRoute(host, 'POST', CAMPAIGN_API_PATH, {
      user: 'soc_analyst',
      body: { ...scope, sender: 'billing@fabrikam.example' },
    });
    expect(answer.status).toBe(200);
    const body = answer.body as CampaignResponse;
    expect(body.total).toBe(6);
    expect(body.counts.delivered).toBe(6);
    expect(body.recipients).toEqual([
      {
        recipient: 'ap@contoso.com',
        connectionId: 'conn-1',
        status: 'delivered',
        messages: 6,
        firstSeen: '2026-11-10T08:01:00.000Z',
        lastSeen: '2026-11-10T08:06:00.000Z',
      },
    ]);
    expect(body.tenants).toMatchObject([
      {
        connectionId: 'conn-1',
        tenantId: TENANT_ID,
        organizationName: 'Contoso, "main"',
        recipients: 1,
      },
    ]);
    const none = await callRoute(host, 'POST', CAMPAIGN_API_PATH, {
      user: 'soc_analyst',
      body: scope,
    });
    expect(none.status).toBe(400);
    expect(none.body.message).toContain(
      'a campaign needs a sender, subject, message ID or source IP'
    );
  });
});
