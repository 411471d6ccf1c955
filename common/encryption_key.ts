/** The kibana.yml setting without which no connection can keep its secret, and how to set it. */
export const ENCRYPTION_KEY_SETTING = 'xpack.encryptedSavedObjects.encryptionKey';
export const ENCRYPTION_KEY_HOW = '32 characters or more, the same on every Kibana instance';
