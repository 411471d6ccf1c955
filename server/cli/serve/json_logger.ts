import { redactSecrets } from '../../lib/diagnostics/secret_redaction';
import type { ClientCredential } from '../../lib/graph/token_provider';

export type LogLevel = 'info' | 'warn' | 'error';

/**
 * The service's log: one JSON object per line on stdout, for journald and container runtimes.
 * Messages come from our code and from errors (Microsoft's, Elasticsearch's); every line passes
 * through the secret redaction first, in case a library ever echoes a credential.
 */
export class JsonLogger {
  constructor(
    private secrets: readonly ClientCredential[],
    private readonly write: (line: string) => void = (line) => process.stdout.write(line)
  ) {}

  /** After a reload: the secrets of the config now in force (and those of the previous one). */
  addSecrets(secrets: readonly ClientCredential[]) {
    this.secrets = [...this.secrets, ...secrets];
  }

  redact(text: string): string {
    return this.secrets.reduce((out, credential) => {
      const redacted = redactSecrets(out, credential);
      // A secret inside a JSON string is escaped (a PEM's line breaks): redact that form too.
      return credential.kind === 'secret'
        ? redactSecrets(redacted, {
            kind: 'secret',
            clientSecret: JSON.stringify(credential.clientSecret).slice(1, -1),
          })
        : redacted;
    }, text);
  }

  log(level: LogLevel, message: string, fields: Record<string, unknown> = {}) {
    const entry = {
      '@timestamp': new Date().toISOString(),
      'log.level': level,
      message,
      ...fields,
    };
    this.write(`${this.redact(JSON.stringify(entry))}\n`);
  }

  info(message: string, fields?: Record<string, unknown>) {
    this.log('info', message, fields);
  }

  warn(message: string, fields?: Record<string, unknown>) {
    this.log('warn', message, fields);
  }

  error(message: string, fields?: Record<string, unknown>) {
    this.log('error', message, fields);
  }
}
