import { isLeft, isRight } from 'fp-ts/Either';
import { formatCodecErrors } from '../codec_errors';
import { knownSenderCodec } from './view_codecs';
import { messageSearchRequestCodec, suspiciousSendersRequestCodec, viewScopeCodec } from './views';

const scope = { start: '2026-11-20T00:00:00Z', end: '2026-11-21T00:00:00Z' };

function errorsOf(
  codec: { decode: (u: unknown) => ReturnType<typeof viewScopeCodec.decode> },
  value: unknown
) {
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
    expect(errors).toContain('ip: must be an IP address or a network like 203.0.113.0/24');
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
});
