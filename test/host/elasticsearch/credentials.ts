import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Credentials {
  username: string;
  password: string;
}

interface BootstrapAccounts {
  superuser: Credentials;
  kibanaSystem: Credentials;
}

/** The test node's file-realm accounts (scripts/es.mjs creates them). */
export const BOOTSTRAP_ACCOUNTS = JSON.parse(
  readFileSync(
    path.join(__dirname, '..', '..', '..', 'scripts', 'lib', 'es_bootstrap_accounts.json'),
    'utf8'
  )
) as BootstrapAccounts;

export function basicAuthorization({ username, password }: Credentials): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** ES_URL without the credentials it may carry: the host chooses whose to send. */
export function nodeOf(esUrl: string): string {
  const url = new URL(esUrl);
  url.username = '';
  url.password = '';
  return url.toString().replace(/\/$/, '');
}

export function statusCodeOf(error: unknown): number | undefined {
  return (error as { meta?: { statusCode?: number } }).meta?.statusCode;
}
