/**
 * Self-signed X.509 certificates without openssl or an npm dependency: Node's crypto makes the
 * RSA key and the signature, and this file writes the few DER structures a certificate needs.
 * Used for the emulator's TLS endpoint and for app credentials (client-assertion tests).
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  X509Certificate,
} from 'node:crypto';
import { isIPv4 } from 'node:net';

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body]);
}

const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
const set = (...items: Buffer[]) => tlv(0x31, ...items);

function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const bytes: number[] = [40 * parts[0]! + parts[1]!];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    for (let n = part >>> 7; n > 0; n >>>= 7) chunk.unshift((n & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function positiveInteger(bytes: Buffer): Buffer {
  const trimmed = bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
  return tlv(0x02, trimmed);
}

/** UTCTime until 2049, GeneralizedTime after, as RFC 5280 §4.1.2.5 requires. */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return date.getUTCFullYear() < 2050
    ? tlv(0x17, Buffer.from(iso.slice(2)))
    : tlv(0x18, Buffer.from(iso));
}

function name(commonName: string): Buffer {
  return sequence(set(sequence(oid('2.5.4.3'), tlv(0x0c, Buffer.from(commonName, 'utf8')))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return sequence(oid(id), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), tlv(0x04, value));
}

export interface GeneratedCertificate {
  certificatePem: string;
  privateKeyPem: string;
  /** Hex SHA-1 / SHA-256 of the DER certificate: what Entra shows and msal's `thumbprint(Sha256)`. */
  thumbprintSha1: string;
  thumbprintSha256: string;
}

export interface CertificateOptions {
  commonName: string;
  dnsNames?: string[];
  ipAddresses?: string[];
  notBefore?: Date;
  validDays?: number;
  keyBits?: number;
}

export function createSelfSignedCertificate(options: CertificateOptions): GeneratedCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: options.keyBits ?? 2048,
  });
  const notBefore = options.notBefore ?? new Date(Date.now() - 60 * 60 * 1000);
  const notAfter = new Date(notBefore.getTime() + (options.validDays ?? 30) * 86_400_000);
  const sha256WithRsa = sequence(oid('1.2.840.113549.1.1.11'), tlv(0x05));
  const altNames = [
    ...(options.dnsNames ?? []).map((dns) => tlv(0x82, Buffer.from(dns, 'ascii'))),
    ...(options.ipAddresses ?? [])
      .filter(isIPv4)
      .map((ip) => tlv(0x87, Buffer.from(ip.split('.').map(Number)))),
  ];
  const extensions = [
    // CA:TRUE so that the same certificate can be handed to a client as its trust anchor.
    extension('2.5.29.19', true, sequence(tlv(0x01, Buffer.from([0xff])))),
    ...(altNames.length > 0 ? [extension('2.5.29.17', false, sequence(...altNames))] : []),
  ];
  const serial = randomBytes(16);
  // First byte 0x01–0x7f: positive and minimal (a leading 0x00 is non-DER and OpenSSL rejects it).
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  const tbs = sequence(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))), // v3
    positiveInteger(serial),
    sha256WithRsa,
    name(options.commonName),
    sequence(time(notBefore), time(notAfter)),
    name(options.commonName),
    publicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, sequence(...extensions))
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = sequence(tbs, sha256WithRsa, tlv(0x03, Buffer.from([0]), signature));
  const base64 = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return {
    certificatePem: `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    thumbprintSha1: createHash('sha1').update(der).digest('hex'),
    thumbprintSha256: createHash('sha256').update(der).digest('hex'),
  };
}

export interface ParsedCertificate {
  x509: X509Certificate;
  /** base64url of the SHA-1 / SHA-256 digest: the JWT `x5t` / `x5t#S256` header values. */
  x5t: string;
  x5tS256: string;
}

export function parseCertificate(pem: string): ParsedCertificate {
  const x509 = new X509Certificate(pem);
  return {
    x509,
    x5t: createHash('sha1').update(x509.raw).digest('base64url'),
    x5tS256: createHash('sha256').update(x509.raw).digest('base64url'),
  };
}

/** True when the PEM key is the private half of the certificate (catches mixed-up fixtures). */
export function keyMatchesCertificate(privateKeyPem: string, certificatePem: string): boolean {
  const fromKey = createPublicKey(createPrivateKey(privateKeyPem)).export({
    type: 'spki',
    format: 'der',
  });
  const fromCert = new X509Certificate(certificatePem).publicKey.export({
    type: 'spki',
    format: 'der',
  });
  return Buffer.compare(fromKey, fromCert) === 0;
}
