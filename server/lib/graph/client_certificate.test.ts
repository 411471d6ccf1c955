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
});
