import { Client } from '@elastic/elasticsearch';
import {
  KNOWN_SENDERS_API_PATH,
  MAX_KNOWN_SENDER_NOTE,
  SUSPICIOUS_SENDERS_API_PATH,
  knownSenderPath,
  type KnownSender,
  type ListKnownSendersResponse,
  type SuspiciousSendersResponse,
} from '../../../common/http_api/views';
import { exchangeMessageTracePlugin } from '../../../test/host/exchange_message_trace_plugin';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { rawIdOf } from '../../../test/host/saved_objects/raw_document';
import { seedSavedObjects } from '../../../test/host/saved_objects/seed_saved_objects';
import { callRoute, esUrl, startTestHost } from '../../../test/host/test_support';
import { dataStreamName } from '../../lib/data_stream/data_stream_name';
import { installTemplates } from '../../lib/data_stream/templates';
import { createMessageTraceMapper } from '../../lib/ecs/message_trace_document';
import { writeDocuments } from '../../lib/writer/bulk_writer';
import { KNOWN_SENDER_SAVED_OBJECT_TYPE } from '../../saved_objects/known_sender_type';

const HOUR = 3_600_000;
/** Past Elasticsearch's default index.max_result_window (10,000), which from/size paging hits. */
const BULK_SENDERS = 10_050;
/** Sorts after every `known-…` sender, so from/size paging would reach it last, if at all. */
const VENDOR = 'zz-vendor@bulk-mailer.example';
const STRANGER = 'stranger@bulk-mailer.example';
const MARKED_AT = '2026-11-02T09:00:00.000Z';

/** Marked before a note was required: they carry none, and still list and show. */
const knownSenders: KnownSender[] = [
  ...Array.from({ length: BULK_SENDERS }, (_, i) => ({
    sender: `known-${String(i).padStart(5, '0')}@partners.example`,
    markedAt: MARKED_AT,
    markedBy: 'mail_admin',
  })),
  { sender: VENDOR, markedAt: MARKED_AT, markedBy: 'mail_admin', note: 'Our newsletter' },
];

/** Four messages from sender number `n`, all quarantined: an undelivered ratio of 100%. */
function quarantinedMail(n: number, sender: string, nowMs: number) {
  return Array.from({ length: 4 }, (_, i) => ({
    id: `0000000${n}-0000-4000-8000-00000000000${i}`,
    messageId: `<${i}.${sender}>`,
    receivedDateTime: new Date(nowMs - HOUR - i * 60_000).toISOString(),
    senderAddress: sender,
    recipientAddress: `user${i}@contoso.com`,
    status: 'Quarantined',
    fromIP: '198.51.100.7',
  }));
}

describe('known senders beyond the 10,000-hit result window', () => {
  let host: KibanaHost;
  const es = new Client({ node: esUrl() });
  const namespace = `known${Date.now().toString(36)}`;
  const nowMs = Date.now();

  beforeAll(async () => {
    host = await startTestHost({ plugins: [exchangeMessageTracePlugin()] });
    await seedSavedObjects(
      es,
      host.savedObjects.index,
      KNOWN_SENDER_SAVED_OBJECT_TYPE,
      knownSenders.map((known) => ({ id: known.sender, attributes: { ...known } }))
    );
    // The test node cannot delete data streams: a namespace of this run's own.
    await installTemplates(es);
    const toDocument = createMessageTraceMapper({ localDomains: ['contoso.com'], namespace });
    const dataStream = dataStreamName(undefined, namespace);
    const mail = [...quarantinedMail(1, VENDOR, nowMs), ...quarantinedMail(2, STRANGER, nowMs)];
    expect(await writeDocuments(es, dataStream, mail.map(toDocument))).toMatchObject({
      created: mail.length,
      failed: [],
    });
    await es.indices.refresh({ index: dataStream });
  });

  afterAll(async () => {
    await host.stop();
    await es.close();
  });

  it('lists every known sender, in sender order', async () => {
    const response = await callRoute(host, 'GET', KNOWN_SENDERS_API_PATH, { user: 'soc_analyst' });
    expect(response.status).toBe(200);
    const listed = (response.body as ListKnownSendersResponse).knownSenders;
    expect(listed).toHaveLength(BULK_SENDERS + 1);
    expect(listed).toEqual(
      [...knownSenders].sort((a, b) => (a.sender < b.sender ? -1 : a.sender > b.sender ? 1 : 0))
    );
  });

  it('refuses a mark that does not say why, naming the note, and stores nothing', async () => {
    const newcomer = 'newcomer@bulk-mailer.example';
    const rule = `note: must say why the sender is known-good: 1 to ${MAX_KNOWN_SENDER_NOTE} characters, without control characters`;
    for (const note of [
      undefined,
      '',
      '   \t ',
      'n'.repeat(MAX_KNOWN_SENDER_NOTE + 1),
      'ok\u0007',
    ]) {
      const refused = await callRoute(host, 'POST', KNOWN_SENDERS_API_PATH, {
        user: 'mail_admin',
        body: { sender: newcomer, ...(note === undefined ? {} : { note }) },
      });
      expect({ note, ...refused }).toEqual({
        note,
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: `[request body]: ${rule}` },
      });
    }
    const stored = () =>
      es.exists({
        index: host.savedObjects.index,
        id: rawIdOf(KNOWN_SENDER_SAVED_OBJECT_TYPE, newcomer),
      });
    expect(await stored()).toBe(false);

    // Said with spaces around it, the note is stored without them.
    const marked = await callRoute(host, 'POST', KNOWN_SENDERS_API_PATH, {
      user: 'mail_admin',
      body: { sender: newcomer, note: '  Our mailing house  ' },
    });
    expect(marked).toMatchObject({ status: 200, body: { note: 'Our mailing house' } });
    expect(await stored()).toBe(true);
    expect(
      (await callRoute(host, 'DELETE', knownSenderPath(newcomer), { user: 'mail_admin' })).status
    ).toBe(204);
  });

  it('leaves out of the suspicious senders the known sender that sorts last', async () => {
    const request = {
      start: new Date(nowMs - 24 * HOUR).toISOString(),
      end: new Date(nowMs).toISOString(),
      baselineDays: 1,
      namespaces: [namespace],
    };
    const hidden = await callRoute(host, 'POST', SUSPICIOUS_SENDERS_API_PATH, {
      user: 'soc_analyst',
      body: request,
    });
    expect(hidden.status).toBe(200);
    const body = hidden.body as SuspiciousSendersResponse;
    expect(body.senders.map((sender) => sender.sender)).toEqual([STRANGER]);
    expect(body.knownGoodHidden).toBe(1);

    const shown = await callRoute(host, 'POST', SUSPICIOUS_SENDERS_API_PATH, {
      user: 'soc_analyst',
      body: { ...request, includeKnownGood: true },
    });
    expect(shown.status).toBe(200);
    const marked = (shown.body as SuspiciousSendersResponse).senders.map(
      ({ sender, knownGood }) => ({ sender, knownGood })
    );
    expect(marked).toEqual(
      expect.arrayContaining([
        { sender: VENDOR, knownGood: true },
        { sender: STRANGER, knownGood: false },
      ])
    );
    expect(marked).toHaveLength(2);
    // The row carries its mark: who, when and why.
    expect(
      (shown.body as SuspiciousSendersResponse).senders.find((s) => s.sender === VENDOR)
        ?.knownGoodMark
    ).toEqual(knownSenders.at(-1));
  });
});
