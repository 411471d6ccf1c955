import { randomUUID } from 'node:crypto';
import { Client } from '@elastic/elasticsearch';
import { esUrl } from '../../../test/host/test_support';
import { dataStreamName } from '../data_stream/data_stream_name';
import { installTemplates } from '../data_stream/templates';
import { messageDetail } from './message_detail';
import { viewIndex } from './view_scope';

/**
 * A data stream of our dataset that another template mapped (Fleet's package at 200 wins any
 * namespace ours has no template for): its strings are text, so nothing can sort on its row id.
 * The detail searches every data stream of the dataset and must still answer from ours. A dataset
 * of this suite's own: the test node has no data streams API to delete the foreign one with, and
 * the other suites' views must not meet it.
 */
describe('messageDetail beside a data stream our template did not map', () => {
  const es = new Client({ node: esUrl() });
  const run = Date.now();
  const dataset = `emtdetail${run}.log`;
  const foreign = dataStreamName(dataset, 'foreign');
  const ours = dataStreamName(dataset, 'ours');
  const template = `emt-test-detail-foreign-${run}`;
  const traceId = randomUUID();

  const observation = (rowId: string, recipient: string, timestamp: string, status: string) => ({
    '@timestamp': timestamp,
    event: { action: status },
    email: {
      local_id: traceId,
      subject: 'Quarterly report',
      from: { address: 'partner@fabrikam.com' },
      to: { address: recipient },
    },
    exchange_message_trace: { row_id: rowId },
  });

  beforeAll(async () => {
    await installTemplates(es, { dataset });
    await es.indices.putIndexTemplate({
      name: template,
      index_patterns: [foreign],
      priority: 500,
      data_stream: {},
    });
    const written = await es.bulk({
      refresh: true,
      operations: [
        { create: { _index: foreign } },
        observation('row-foreign', 'c@contoso.com', '2001-01-01T00:00:00Z', 'delivered'),
        { create: { _index: ours } },
        observation('row-b', 'b@contoso.com', '2026-10-01T10:05:00Z', 'failed'),
        { create: { _index: ours } },
        observation('row-a', 'a@contoso.com', '2026-10-01T10:00:00Z', 'delivered'),
      ],
    });
    expect(written.errors).toBe(false);
  });

  afterAll(async () => {
    await es.indices.deleteIndexTemplate({ name: template });
    await es.close();
  });

  it('answers with every recipient, the first row by row id giving the message’s own fields', async () => {
    const mapping = await es.indices.getFieldMapping({
      index: foreign,
      fields: 'exchange_message_trace.row_id',
    });
    // The premise: Elasticsearch refuses to sort on this field.
    expect(Object.values(mapping)[0]?.mappings['exchange_message_trace.row_id']?.mapping).toEqual({
      row_id: expect.objectContaining({ type: 'text' }),
    });

    const detail = await messageDetail({ client: es, index: viewIndex(dataset) }, { traceId });

    expect(detail).toMatchObject({
      traceId,
      receivedAt: '2026-10-01T10:00:00Z',
      sender: 'partner@fabrikam.com',
      recipients: [
        { recipient: 'a@contoso.com', status: 'delivered' },
        { recipient: 'b@contoso.com', status: 'failed' },
      ],
    });
  });
});
