import type * as t from 'io-ts';
import { isLeft, isRight } from 'fp-ts/Either';
import { formatCodecErrors } from '../codec_errors';
import { knownSenderCodec } from './view_codecs';
import {
  MAX_CONNECTION_IDS,
  MAX_NAMESPACES,
  markKnownSenderRequestCodec,
  messageDetailRequestCodec,
  messageSearchRequestCodec,
  suspiciousSendersRequestCodec,
  viewScopeCodec,
} from './views';

const scope = { start: '2026-11-20T00:00:00Z', end: '2026-11-21T00:00:00Z' };

function errorsOf(codec: t.Decoder<unknown, unknown>, value: unknown) {
  const decoded = codec.decode(value);
  return isLeft(decoded) ? formatCodecErrors(decoded.left) : [];
}

describe('views API codecs', () => {
  it('accepts a scope and refuses a backwards or endless range', () => {
    expect(isRight(viewScopeCodec.decode({ ...scope, namespaces: ['default'] }))).toBe(true);
    expect(errorsOf(viewScopeCodec, { start: scope.end, end: scope.start })).toEqual([
      expect.stringContaining('end: must be after start'),
    ]);
    expect(
      errorsOf(viewScopeCodec, { start: '2024-01-01T00:00:00Z', end: scope.end }).join()
    ).toContain('end: must be within 400 days of start');
    expect(errorsOf(viewScopeCodec, { ...scope, namespaces: ['Bad-Name'] }).join()).toContain(
      'namespaces.0'
    );
  });

  it('checks search fields one by one', () => {
    const errors = errorsOf(messageSearchRequestCodec, {
      ...scope,
      ip: '10.0.0.0/33',
      pageSize: 500,
      sortField: 'color',
      sender: '',
    });
    // The field's name alone: no member index of the codec's intersection ("1.ip").
    expect(errors).toContain(
      'ip: must be an IP address or a network like 203.0.113.0/24 (an address like ::ffff:192.0.2.1 without a prefix length)'
    );
    expect(errors.join('\n')).toMatch(/pageSize: must be a whole number from 1 to 100/);
    expect(errors.join('\n')).toMatch(/sortField/);
    expect(errors.join('\n')).toMatch(/sender: must be 1 to 320 characters/);
    expect(
      isRight(
        messageSearchRequestCodec.decode({ ...scope, ip: '2001:db8::/32', statuses: ['failed'] })
      )
    ).toBe(true);
  });

  it('takes suspicious sender options and known-good senders', () => {
    expect(
      isRight(
        suspiciousSendersRequestCodec.decode({ ...scope, groupBy: 'domain', baselineDays: 14 })
      )
    ).toBe(true);
    expect(isRight(knownSenderCodec.decode('news@email.northwindtraders.com'))).toBe(true);
    expect(isRight(knownSenderCodec.decode('adatum.com'))).toBe(true);
    expect(isLeft(knownSenderCodec.decode('not a sender'))).toBe(true);
    expect(isLeft(knownSenderCodec.decode('@adatum.com'))).toBe(true);
  });

  it('requires a known-good mark to say why, and keeps the note trimmed', () => {
    const sender = 'news@email.northwindtraders.com';
    expect(markKnownSenderRequestCodec.decode({ sender, note: ' Our newsletter ' })).toEqual(
      expect.objectContaining({ right: { sender, note: 'Our newsletter' } })
    );
    const rule =
      'note: must say why the sender is known-good: 1 to 500 characters, without control characters';
    for (const note of [undefined, '  ', 42, 'n'.repeat(501), 'a\u0000b']) {
      expect(errorsOf(markKnownSenderRequestCodec, { sender, note })).toEqual([rule]);
    }
  });

  it('bounds the wildcards of a search: at most 5 `*`', () => {
    expect(isRight(messageSearchRequestCodec.decode({ ...scope, messageId: '*a*b*c*d*' }))).toBe(
      true
    );
    expect(errorsOf(messageSearchRequestCodec, { ...scope, messageId: '*'.repeat(1000) })).toEqual([
      'messageId: must be 1 to 1000 characters, without control characters, with at most 5 `*`',
    ]);
  });

  it('bounds namespaces and connection IDs, by count and by length', () => {
    const namespaces = Array.from({ length: MAX_NAMESPACES + 1 }, (_, i) => `ns${i}`);
    expect(errorsOf(viewScopeCodec, { ...scope, namespaces })).toEqual([
      'namespaces: must hold at most 20 namespaces',
    ]);
    expect(errorsOf(viewScopeCodec, { ...scope, namespaces: ['n'.repeat(101)] })).toEqual([
      expect.stringMatching(/^namespaces\.0: must be 1 to 100 lowercase letters/),
    ]);
    const connectionIds = Array.from({ length: MAX_CONNECTION_IDS + 1 }, (_, i) => `c${i}`);
    expect(errorsOf(viewScopeCodec, { ...scope, connectionIds })).toEqual([
      'connectionIds: must hold at most 100 connection IDs',
    ]);
    expect(
      errorsOf(messageDetailRequestCodec, { traceId: 't', connectionIds: ['c'.repeat(5000)] })
    ).toEqual(['connectionIds.0: must be a connection ID: 1 to 100 letters, digits, "-" or "_"']);
  });

  it('takes only dates Elasticsearch reads, with their zone', () => {
    for (const date of ['2026-11-20T00:00:00+01:00', '2026-11-20T00:00:00.123456789Z']) {
      expect(isRight(viewScopeCodec.decode({ start: date, end: '2026-11-21T00:00:00Z' }))).toBe(
        true
      );
    }
    for (const date of ['2026-02-30T00:00:00Z', '2026-11-20T24:00:00Z', '2026-11-20T00:00:00']) {
      expect(errorsOf(viewScopeCodec, { start: date, end: scope.end })).toEqual([
        'start: must be a date like 2026-11-20T00:00:00Z',
      ]);
    }
  });

  it('refuses a page past the first 10,000 rows, naming pageIndex', () => {
    expect(
      isRight(messageSearchRequestCodec.decode({ ...scope, pageIndex: 99, pageSize: 100 }))
    ).toBe(true);
    expect(
      errorsOf(messageSearchRequestCodec, { ...scope, pageIndex: 100, pageSize: 100 })
    ).toEqual([
      'pageIndex: must be below 100 with pages of 100 rows: only the first 10000 rows can be paged through',
    ]);
  });

  it('refuses a prefix length on an IPv4-mapped IPv6 address, which Elasticsearch cannot read', () => {
    expect(isRight(messageSearchRequestCodec.decode({ ...scope, ip: '::ffff:192.0.2.1' }))).toBe(
      true
    );
    expect(errorsOf(messageSearchRequestCodec, { ...scope, ip: '::ffff:192.0.2.1/128' })).toEqual([
      'ip: must be an IP address or a network like 203.0.113.0/24 (an address like ::ffff:192.0.2.1 without a prefix length)',
    ]);
  });
});
