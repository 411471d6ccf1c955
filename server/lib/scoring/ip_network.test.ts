import { blockOf, networkOf } from './ip_network';

describe('networkOf', () => {
  it.each([
    ['192.0.2.66', '192.0.2.0/24'],
    ['192.0.2.0', '192.0.2.0/24'],
    ['2603:10a6:20b:abc::1f', '2603:10a6:20b::/48'],
    ['2603:10a6:20b::', '2603:10a6:20b::/48'],
    ['2001:db8::1', '2001:db8:0::/48'],
    ['::ffff:192.0.2.1', '0:0:0::/48'],
  ])('%s is in %s', (ip, network) => {
    expect(networkOf(ip)).toBe(network);
  });

  it('has no network for what is not an address', () => {
    expect(networkOf('contoso.com')).toBeUndefined();
  });
});

describe('blockOf', () => {
  it('puts neighbouring IPv4 /24s in one /16, and keeps an IPv6 /48', () => {
    expect(blockOf('167.89.115.0/24')).toBe('167.89.0.0/16');
    expect(blockOf('167.89.116.0/24')).toBe('167.89.0.0/16');
    expect(blockOf('2603:10a6:20b::/48')).toBe('2603:10a6:20b::/48');
  });
});
