import { X509Certificate, createHash, createPrivateKey, type KeyObject } from 'node:crypto';

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

export interface PastedCertificate {
  /** Hex SHA-1 of the certificate, as Entra shows it. */
  thumbprintSha1: string;
  thumbprintSha256: string;
  /** When the certificate stops being valid (ISO 8601). */
  expiresAt: string;
}

export class CertificateMismatchError extends Error {}

/** The PEM's private key; an unreadable one (encrypted, damaged, not a key) is the user's to fix. */
export function readPrivateKey(privateKeyPem: string): KeyObject {
  try {
    return createPrivateKey(privateKeyPem);
  } catch {
    throw new CertificateMismatchError(
      'the private key in the PEM cannot be read: paste it unencrypted and whole (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----)'
    );
  }
}

/**
 * The certificate pasted with the private key, when the PEM holds both (as `openssl pkcs12 -nodes`
 * exports them): its thumbprints and expiry, read rather than typed. Undefined when the PEM holds
 * only the key; an unreadable key, or a certificate that is not the key's own, is an error.
 */
export function certificateWithKey(privateKeyPem: string): PastedCertificate | undefined {
  const key = readPrivateKey(privateKeyPem);
  const block = CERTIFICATE_BLOCK.exec(privateKeyPem);
  if (!block) return undefined;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(block[0]);
  } catch {
    throw new CertificateMismatchError('the certificate in the PEM cannot be read');
  }
  if (!certificate.checkPrivateKey(key)) {
    throw new CertificateMismatchError(
      'the certificate in the PEM is not the one of its private key'
    );
  }
  const digest = (algorithm: string) => createHash(algorithm).update(certificate.raw).digest('hex');
  return {
    thumbprintSha1: digest('sha1'),
    thumbprintSha256: digest('sha256'),
    expiresAt: new Date(certificate.validTo).toISOString(),
  };
}

/** Whether a typed thumbprint (either hash, any case, colons or spaces allowed) names `pasted`. */
export function isThumbprintOf(thumbprint: string, pasted: PastedCertificate): boolean {
  const typed = thumbprint.replace(/[:\s]/g, '').toLowerCase();
  return typed === pasted.thumbprintSha1 || typed === pasted.thumbprintSha256;
}
