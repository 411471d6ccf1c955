import { AttributeCipher } from './attribute_cipher';

describe('AttributeCipher', () => {
  const cipher = new AttributeCipher('k'.repeat(32));

  it('round-trips with the same AAD and salts every value', () => {
    const first = cipher.encrypt('"secret"', 'aad');
    expect(first).not.toBe(cipher.encrypt('"secret"', 'aad'));
    expect(cipher.decrypt(first, 'aad')).toBe('"secret"');
  });

  it('fails with another AAD, another key or tampered bytes', () => {
    const encrypted = cipher.encrypt('"secret"', 'aad');
    expect(() => cipher.decrypt(encrypted, 'other')).toThrow();
    expect(() => new AttributeCipher('z'.repeat(32)).decrypt(encrypted, 'aad')).toThrow();
    const bytes = Buffer.from(encrypted, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => cipher.decrypt(bytes.toString('base64'), 'aad')).toThrow();
  });

  it('refuses keys shorter than Kibana allows', () => {
    expect(() => new AttributeCipher('short')).toThrow('at least 32 characters');
  });
});
