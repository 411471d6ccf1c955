import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';

const SALT_BYTES = 64;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ITERATIONS = 10_000;

/**
 * AES-256-GCM with a per-value salt and IV, output base64(salt | iv | tag | ciphertext), the
 * construction of @elastic/node-crypto that the encrypted saved objects plugin uses. The AAD binds a
 * ciphertext to its saved object, so it cannot be copied to another one.
 */
export class AttributeCipher {
  constructor(private readonly encryptionKey: string) {
    if (encryptionKey.length < 32) {
      throw new Error('xpack.encryptedSavedObjects.encryptionKey must be at least 32 characters');
    }
  }

  private key(salt: Buffer) {
    return pbkdf2Sync(this.encryptionKey, salt, KEY_ITERATIONS, 32, 'sha512');
  }

  encrypt(plaintext: string, aad: string): string {
    const salt = randomBytes(SALT_BYTES);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(salt), iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([salt, iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  decrypt(encoded: string, aad: string): string {
    const data = Buffer.from(encoded, 'base64');
    const salt = data.subarray(0, SALT_BYTES);
    const iv = data.subarray(SALT_BYTES, SALT_BYTES + IV_BYTES);
    const tag = data.subarray(SALT_BYTES + IV_BYTES, SALT_BYTES + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key(salt), iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    const ciphertext = data.subarray(SALT_BYTES + IV_BYTES + TAG_BYTES);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }
}
