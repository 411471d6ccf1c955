import { createSelfSignedCertificate } from '../../../test/graph_emulator/certificate';
import { CertificateMismatchError, certificateWithKey, isThumbprintOf } from './client_certificate';

describe('certificateWithKey', () => {
  const notBefore = new Date('2026-01-01T00:00:00Z');
  const mine = createSelfSignedCertificate({ commonName: 'collector', notBefore, validDays: 365 });
  const other = createSelfSignedCertificate({ commonName: 'other' });

  it('reads the thumbprints and expiry of the certificate pasted with its key', () => {
    const pasted = certificateWithKey(`${mine.certificatePem}${mine.privateKeyPem}`)!;
    expect(pasted).toEqual({
      thumbprintSha1: mine.thumbprintSha1,
      thumbprintSha256: mine.thumbprintSha256,
      expiresAt: '2027-01-01T00:00:00.000Z',
    });
    expect(isThumbprintOf(mine.thumbprintSha1.toUpperCase().match(/../g)!.join(':'), pasted)).toBe(
      true
    );
    expect(isThumbprintOf(mine.thumbprintSha256, pasted)).toBe(true);
    expect(isThumbprintOf(other.thumbprintSha1, pasted)).toBe(false);
  });

  it('says nothing about a PEM holding only the key', () => {
    expect(certificateWithKey(mine.privateKeyPem)).toBeUndefined();
  });

  it("refuses a certificate that is not the key's own", () => {
    expect(() => certificateWithKey(`${other.certificatePem}${mine.privateKeyPem}`)).toThrow(
      CertificateMismatchError
    );
  });

  it('refuses a good certificate with a private key that cannot be read', () => {
    const cutKey = mine.privateKeyPem.replace(/\n[^\n]+\n(-----END)/, '\n$1');
    expect(() => certificateWithKey(`${mine.certificatePem}${cutKey}`)).toThrow(
      new CertificateMismatchError(
        'the private key in the PEM cannot be read: paste it unencrypted and whole (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----)'
      )
    );
    expect(() => certificateWithKey(cutKey)).toThrow(CertificateMismatchError);
  });
});
