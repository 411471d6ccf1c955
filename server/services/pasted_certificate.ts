import type { ConnectionSecrets, ConnectionSettings } from '../../common/connection';
import {
  CertificateMismatchError,
  certificateWithKey,
  isThumbprintOf,
  type PastedCertificate,
} from '../lib/graph/client_certificate';
import { InvalidConnectionRequestError } from './connection_errors';

/**
 * A certificate pasted with its private key gives the thumbprint and the expiry (read, not typed):
 * a typed thumbprint must be its own, and the expiry countdown follows the certificate.
 */
export function withPastedCertificate(
  settings: ConnectionSettings,
  secrets: ConnectionSecrets
): ConnectionSettings {
  if (settings.authMethod !== 'certificate') return settings;
  let pasted: PastedCertificate | undefined;
  try {
    pasted = certificateWithKey(secrets.certificatePrivateKey ?? '');
  } catch (error) {
    if (!(error instanceof CertificateMismatchError)) throw error;
    throw new InvalidConnectionRequestError(`certificatePrivateKey: ${error.message}`);
  }
  if (!pasted) {
    if (settings.certificateThumbprint) return settings;
    throw new InvalidConnectionRequestError(
      'certificateThumbprint: is required when authMethod is certificate (or paste the certificate with the private key)'
    );
  }
  const ownThumbprint = pasted.thumbprintSha1.toUpperCase();
  if (settings.certificateThumbprint && !isThumbprintOf(settings.certificateThumbprint, pasted)) {
    throw new InvalidConnectionRequestError(
      `certificateThumbprint: is not the thumbprint of the certificate pasted with the private key (${ownThumbprint})`
    );
  }
  return {
    ...settings,
    certificateThumbprint: settings.certificateThumbprint ?? ownThumbprint,
    credentialExpiresAt: pasted.expiresAt,
  };
}
