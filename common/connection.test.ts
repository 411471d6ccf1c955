import { isLeft, isRight } from 'fp-ts/Either';
import { formatCodecErrors } from './codec_errors';
import { connectionIdCodec, connectionSettingsCodec, MAX_LOCAL_DOMAINS } from './connection';

const settings = {
  name: 'Contoso',
  tenantId: 'contoso.onmicrosoft.com',
  clientId: '00000000-0000-4000-8000-000000000001',
  authMethod: 'secret',
  localDomains: ['contoso.com'],
  matchSubdomains: false,
  namespace: 'default',
  intervalMinutes: 5,
  lookbackDays: 1,
  rereadHours: 1,
  requestBudget: 10,
  detailPolicy: 'none',
  enabled: true,
};

function errorsOf(value: unknown) {
  const decoded = connectionSettingsCodec.decode(value);
  return isLeft(decoded) ? formatCodecErrors(decoded.left) : [];
}

describe('connection settings codec', () => {
  it('takes the fixture settings', () => {
    expect(errorsOf(settings)).toEqual([]);
  });

  it('refuses names with line breaks, escape codes, NUL or spaces at an end, without quoting them', () => {
    for (const name of ['a\nERROR forged', '\u001b[31mred', 'nul\u0000', ' padded']) {
      expect(errorsOf({ ...settings, name })).toEqual([
        'name: must be 1 to 200 characters, without control characters or spaces at either end',
      ]);
    }
  });

  it('bounds the local domains', () => {
    const localDomains = Array.from({ length: MAX_LOCAL_DOMAINS + 1 }, (_, i) => `d${i}.com`);
    expect(errorsOf({ ...settings, localDomains })).toEqual([
      'localDomains: must hold at most 5000 domains',
    ]);
  });
});

describe('connection IDs', () => {
  it('take UUIDs and short names, up to 100 characters', () => {
    expect(isRight(connectionIdCodec.decode('3f1c2d4e-0000-4000-8000-000000000001'))).toBe(true);
    expect(isRight(connectionIdCodec.decode('c'.repeat(100)))).toBe(true);
    expect(isLeft(connectionIdCodec.decode('c'.repeat(101)))).toBe(true);
    expect(isLeft(connectionIdCodec.decode('a/b'))).toBe(true);
  });
});
