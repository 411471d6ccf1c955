import * as t from 'io-ts';
import { isLeft } from 'fp-ts/Either';
import { formatCodecErrors } from './codec_errors';
import { connectionSecretsCodec } from './connection';

function errorsOf(codec: t.Decoder<unknown, unknown>, value: unknown) {
  const result = codec.decode(value);
  if (!isLeft(result)) throw new Error('expected a decoding failure');
  return formatCodecErrors(result.left);
}

describe('formatCodecErrors', () => {
  const connection = t.type({
    name: t.string,
    schedule: t.type({ intervalMinutes: t.number }),
    domains: t.array(t.string),
  });

  it('names the nested field and the value it got', () => {
    expect(
      errorsOf(connection, { name: 'a', schedule: { intervalMinutes: '5' }, domains: [] })
    ).toEqual(['schedule.intervalMinutes: expected number, got "5"']);
  });

  it('reports every failing field, array items by index', () => {
    expect(errorsOf(connection, { schedule: {}, domains: ['a', 3] })).toEqual([
      'name: expected string, got nothing',
      'schedule.intervalMinutes: expected number, got nothing',
      'domains.1: expected string, got 3',
    ]);
  });

  it('reports a union once, by its name, and keeps intersection members out of the path', () => {
    const auth = t.union([t.literal('secret'), t.literal('certificate')], 'secret | certificate');
    const codec = t.intersection([t.type({ auth }), t.partial({ note: t.string })]);
    expect(errorsOf(codec, { auth: 'password', note: 1 })).toEqual([
      'auth: expected secret | certificate, got "password"',
      'note: expected string, got 1',
    ]);
  });

  it("prefers the codec's own message", () => {
    const guid = new t.Type<string, string, unknown>(
      'Guid',
      (u): u is string => typeof u === 'string',
      (u, c) =>
        typeof u === 'string' && /^[0-9a-f-]{36}$/.test(u)
          ? t.success(u)
          : t.failure(u, c, 'must be a GUID'),
      String
    );
    expect(errorsOf(t.type({ tenantId: guid }), { tenantId: 'x' })).toEqual([
      'tenantId: must be a GUID',
    ]);
  });
});

describe('formatCodecErrors on secrets', () => {
  it('never quotes a secret, whether the codec has its own message or not', () => {
    const lines = errorsOf(connectionSecretsCodec, {
      clientSecret: 'x'.repeat(1025),
      certificatePrivateKey: 424242,
    });
    expect(lines).toEqual([
      'clientSecret: must be the secret value, 1 to 1024 characters',
      'certificatePrivateKey: expected PrivateKeyPem, got a value that is not shown',
    ]);
  });
});

describe('formatCodecErrors on values that may be secrets', () => {
  const request = t.type({ name: t.string, secrets: connectionSecretsCodec });

  it('does not quote a wrongly typed secrets value, nor a request that carries one', () => {
    expect(errorsOf(request, { name: 'n', secrets: 'hunter2-the-real-secret' })).toEqual([
      'secrets: expected an object with clientSecret or certificatePrivateKey, got a value that is not shown',
    ]);
    expect(errorsOf(request, 'hunter2-the-real-secret').join()).not.toContain('hunter2');
  });

  it('still quotes other values, escaped and cut short', () => {
    expect(errorsOf(t.type({ name: t.number }), { name: `line\n${'x'.repeat(60)}` })).toEqual([
      `name: expected number, got "line\\u000a${'x'.repeat(35)}…"`,
    ]);
  });

  it('lists the first 20 failing fields and counts the rest', () => {
    const lines = errorsOf(
      t.array(t.number),
      Array.from({ length: 25 }, (_, i) => `v${i}`)
    );
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('and 5 more');
  });
});
