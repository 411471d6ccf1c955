import { isIpAddress } from './ip_address';

describe('isIpAddress', () => {
  it.each([
    '203.0.113.7',
    '0.0.0.0',
    '2001:db8::1',
    '::',
    '::1',
    '2603:10a6:20b:abc::1f',
    '::ffff:192.0.2.1',
    '1:2:3:4:5:6:7:8',
  ])('accepts %s', (value) => {
    expect(isIpAddress(value)).toBe(true);
  });

  it.each([
    '256.1.1.1',
    '1.2.3',
    '01.2.3.4',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    'abcde::1',
    '::ffff:999.0.0.1',
    'contoso.com',
    '',
  ])('rejects %s', (value) => {
    expect(isIpAddress(value)).toBe(false);
  });
});
