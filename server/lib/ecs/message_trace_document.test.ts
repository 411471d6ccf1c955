import { type GraphMessageTrace } from '../../../common/graph/message_trace';
import { mappedFieldPaths } from '../data_stream/mappings';
import {
  createMessageTraceMapper,
  eventOutcome,
  toMessageTraceDocument,
} from './message_trace_document';

const row: GraphMessageTrace = {
  id: '4c1b2d3e-0000-4000-8000-00000000abcd',
  messageId: '<a1@mail.example.org>',
  receivedDateTime: '2026-03-01T10:20:30.1234567Z',
  senderAddress: 'Alice.Smith@Mail.Example.co.uk',
  recipientAddress: 'bob@contoso.com',
  subject: 'Invoice 42',
  status: 'delivered',
  size: 87891,
  fromIP: '81.2.69.144',
  toIP: '',
};

const base = { localDomains: ['contoso.com'] };

describe('toMessageTraceDocument', () => {
  it('maps every field the integration sets, the way it sets them, plus ours', () => {
    const { _id, document } = toMessageTraceDocument(row, {
      ...base,
      tenantId: 'tenant-1',
      connectionName: 'Contoso',
      connectionId: 'conn-1',
    });
    expect(_id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(document).toEqual({
      '@timestamp': '2026-03-01T10:20:30.123Z',
      data_stream: {
        type: 'logs',
        dataset: 'microsoft_exchange_online_message_trace.log',
        namespace: 'default',
      },
      ecs: { version: '8.17.0' },
      event: {
        kind: 'event',
        category: ['email'],
        type: ['info'],
        action: 'delivered',
        outcome: 'success',
        dataset: 'microsoft_exchange_online_message_trace.log',
      },
      email: {
        local_id: row.id,
        message_id: '<a1@mail.example.org>',
        subject: 'Invoice 42',
        delivery_timestamp: '2026-03-01T10:20:30.123Z',
        direction: 'inbound',
        from: { address: ['Alice.Smith@Mail.Example.co.uk'] },
        to: { address: ['bob@contoso.com'] },
        attachments: { file: { size: 87891 } },
        size: 87891,
      },
      network: { direction: 'inbound' },
      source: {
        ip: '81.2.69.144',
        domain: 'Mail.Example.co.uk',
        registered_domain: 'example.co.uk',
        top_level_domain: 'co.uk',
        subdomain: 'mail',
        user: {
          id: 'Alice.Smith@Mail.Example.co.uk',
          email: 'Alice.Smith@Mail.Example.co.uk',
          name: 'Alice.Smith',
          domain: 'Mail.Example.co.uk',
        },
      },
      destination: {
        domain: 'contoso.com',
        registered_domain: 'contoso.com',
        top_level_domain: 'com',
        user: {
          id: 'bob@contoso.com',
          email: 'bob@contoso.com',
          name: 'bob',
          domain: 'contoso.com',
        },
      },
      related: {
        user: ['bob@contoso.com', 'Alice.Smith@Mail.Example.co.uk', 'bob', 'Alice.Smith'],
        ip: ['81.2.69.144'],
      },
      user: { id: 'bob@contoso.com', email: 'bob@contoso.com', name: 'bob' },
      observer: { vendor: 'Microsoft', product: 'Exchange Online' },
      organization: { id: 'tenant-1', name: 'Contoso' },
      exchange_message_trace: {
        connection_id: 'conn-1',
        row_id: `${row.id}|bob@contoso.com`,
        source_network: '81.2.69.0/24',
      },
      microsoft: {
        online_message_trace: {
          MessageTraceId: row.id,
          MessageId: '<a1@mail.example.org>',
          Received: '2026-03-01T10:20:30.1234567Z',
          SenderAddress: 'Alice.Smith@Mail.Example.co.uk',
          RecipientAddress: 'bob@contoso.com',
          Subject: 'Invoice 42',
          Status: 'delivered',
          FromIP: '81.2.69.144',
          Size: 87891,
        },
      },
    });
  });

  it('writes only mapped fields', () => {
    const mapped = new Set(mappedFieldPaths());
    const { document } = toMessageTraceDocument(
      {
        ...row,
        toIP: '2001:db8::1',
        recipientAddress: 'carol@contoso.com',
        senderAddress: 'a@contoso.com',
      },
      { ...base, tenantId: 't', connectionName: 'n', connectionId: 'c', preserveOriginal: true }
    );
    const leaves = (value: unknown, prefix = ''): string[] =>
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value).flatMap(([key, child]) => leaves(child, `${prefix}${key}.`))
        : [prefix.slice(0, -1)];
    expect(leaves(document).filter((path) => !mapped.has(path))).toEqual([]);
  });

  it.each([
    ['a@contoso.com', 'b@contoso.com', 'internal'],
    ['a@Contoso.COM', 'b@fabrikam.com', 'outbound'],
    ['a@fabrikam.com', 'b@CONTOSO.com', 'inbound'],
    ['a@fabrikam.com', 'b@example.org', 'external'],
    ['a@mail.contoso.com', 'b@contoso.com', 'inbound'],
  ])('direction of %s → %s is %s (case-insensitive, exact)', (from, to, direction) => {
    const { document } = toMessageTraceDocument(
      { ...row, senderAddress: from, recipientAddress: to },
      base
    );
    expect(document.email.direction).toBe(direction);
    expect(document.network?.direction).toBe(direction);
  });

  it('matches subdomains only when asked', () => {
    const sub = {
      ...row,
      senderAddress: 'a@mail.Contoso.com',
      recipientAddress: 'b@x.contoso.com',
    };
    expect(toMessageTraceDocument(sub, base).document.email.direction).toBe('external');
    expect(
      toMessageTraceDocument(sub, { ...base, matchSubdomains: true }).document.email.direction
    ).toBe('internal');
    // A suffix that is not a label boundary is not a subdomain.
    const lookalike = { ...sub, senderAddress: 'a@evilcontoso.com' };
    expect(
      toMessageTraceDocument(lookalike, { ...base, matchSubdomains: true }).document.email.direction
    ).toBe('inbound');
  });

  it('leaves direction and user.* unset without local domains, as the integration', () => {
    const { document } = toMessageTraceDocument(row);
    expect(document.email.direction).toBeUndefined();
    expect(document.network).toBeUndefined();
    expect(document.user).toBeUndefined();
  });

  it('names sender for outbound and both users for internal', () => {
    const outbound = toMessageTraceDocument(
      { ...row, senderAddress: 'a@contoso.com', recipientAddress: 'x@fabrikam.com' },
      base
    ).document;
    expect(outbound.user).toEqual({ id: 'a@contoso.com', email: 'a@contoso.com', name: 'a' });
    const internal = toMessageTraceDocument(
      { ...row, senderAddress: 'a@contoso.com', recipientAddress: 'b@contoso.com' },
      base
    ).document;
    expect(internal.user).toEqual({
      id: ['b@contoso.com', 'a@contoso.com'],
      email: ['b@contoso.com', 'a@contoso.com'],
      name: ['b', 'a'],
    });
    const external = toMessageTraceDocument(
      { ...row, senderAddress: 'a@x.com', recipientAddress: 'b@y.com' },
      base
    ).document;
    expect(external.user).toBeUndefined();
  });

  it('keeps the null sender <> without a user name or domain', () => {
    const { document } = toMessageTraceDocument({ ...row, senderAddress: '<>' }, base);
    expect(document.email.from).toEqual({ address: ['<>'] });
    expect(document.source).toEqual({ ip: '81.2.69.144', user: { id: '<>', email: '<>' } });
    expect(document.related?.user).toEqual(['bob@contoso.com', 'bob']);
    expect(document.email.direction).toBe('inbound');
    expect(document.microsoft.online_message_trace.SenderAddress).toBe('<>');
  });

  it('drops empty and null values, keeps IPs only when valid', () => {
    const { document } = toMessageTraceDocument(
      { ...row, subject: null, messageId: '', fromIP: 'not-an-ip', toIP: null, size: null },
      base
    );
    expect(document.email.subject).toBeUndefined();
    expect(document.email.message_id).toBeUndefined();
    expect(document.email.size).toBeUndefined();
    expect(document.email.attachments).toBeUndefined();
    expect(document.source?.ip).toBeUndefined();
    expect(document.destination?.ip).toBeUndefined();
    expect(document.related?.ip).toBeUndefined();
    // The raw keyword keeps what Graph sent, as the integration's does.
    expect(document.microsoft.online_message_trace).not.toHaveProperty('Subject');
    expect(document.microsoft.online_message_trace.FromIP).toBe('not-an-ip');
    expect(document.microsoft.online_message_trace).not.toHaveProperty('ToIP');
  });

  it('keeps a size of 0', () => {
    expect(toMessageTraceDocument({ ...row, size: 0 }).document.email.size).toBe(0);
  });

  it.each([
    ['Delivered', 'delivered', 'success'],
    ['FilteredAsSpam', 'filteredAsSpam', 'failure'],
    ['quarantined', 'quarantined', 'failure'],
    ['Failed', 'failed', 'failure'],
    ['GettingStatus', 'gettingStatus', 'unknown'],
    ['pending', 'pending', 'unknown'],
    ['Expanded', 'expanded', 'unknown'],
    ['Recalled', 'recalled', 'unknown'],
    ['SomethingNew', 'somethingNew', 'unknown'],
  ])('status %s → event.action %s, outcome %s', (status, action, outcome) => {
    const { document } = toMessageTraceDocument({ ...row, status });
    expect(document.event.action).toBe(action);
    expect(document.event.outcome).toBe(outcome);
    expect(eventOutcome(status)).toBe(outcome);
    expect(document.microsoft.online_message_trace.Status).toBe(status);
  });

  it('reads a zone-less timestamp as UTC and keeps the raw precision', () => {
    const { document } = toMessageTraceDocument({
      ...row,
      receivedDateTime: '2022-09-05T18:10:13.4907658',
    });
    expect(document['@timestamp']).toBe('2022-09-05T18:10:13.490Z');
    expect(document.microsoft.online_message_trace.Received).toBe('2022-09-05T18:10:13.4907658');
  });

  it('keeps event.original only when asked', () => {
    expect(toMessageTraceDocument(row).document.event.original).toBeUndefined();
    const original = toMessageTraceDocument(row, { preserveOriginal: true }).document.event
      .original;
    expect(JSON.parse(original as string)).toEqual(row);
  });

  it('uses the configured dataset and namespace, and rejects invalid ones', () => {
    const { document } = toMessageTraceDocument(row, {
      dataset: 'exchange.trace',
      namespace: 'prod',
    });
    expect(document.data_stream).toEqual({
      type: 'logs',
      dataset: 'exchange.trace',
      namespace: 'prod',
    });
    expect(document.event.dataset).toBe('exchange.trace');
    expect(() => createMessageTraceMapper({ namespace: 'a-b' })).toThrow(/namespace/);
    expect(() => createMessageTraceMapper({ dataset: 'Upper' })).toThrow(/dataset/);
  });

  it('handles a recipient without @ and an IP-literal domain', () => {
    const { document } = toMessageTraceDocument(
      { ...row, recipientAddress: 'IMCEAEX-_O=ORG', senderAddress: 'a@[10.0.0.1]' },
      base
    );
    expect(document.destination?.user).toEqual({ id: 'IMCEAEX-_O=ORG', email: 'IMCEAEX-_O=ORG' });
    expect(document.destination?.domain).toBeUndefined();
    expect(document.source?.domain).toBe('[10.0.0.1]');
    expect(document.source?.registered_domain).toBeUndefined();
  });
});
