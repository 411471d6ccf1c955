import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Client } from '@elastic/elasticsearch';
import type { AuthenticatedUser, AuthenticationProvider } from '@kbn/core/server';
import { basicAuthorization, statusCodeOf } from '../elasticsearch/credentials';

/** Someone the host's login page (its user switcher) can log in, with what they would type. */
export interface HostLogin {
  username: string;
  fullName: string;
  password: string;
}

/** Who a request is, as Elasticsearch answered, and the header that proves it to Elasticsearch. */
export interface Authentication {
  user: AuthenticatedUser;
  authorization: string;
}

export type AuthenticationOutcome =
  | { kind: 'authenticated'; authentication: Authentication }
  | { kind: 'failed'; statusCode: number; message: string }
  | { kind: 'none' };

export const SESSION_COOKIE = 'sid';

// Kibana's provider names: the HTTP provider (an Authorization header) is `__http__`; the login
// form's is the `basic` provider (x-pack/platform/plugins/shared/security/server/authentication/
// providers/http.ts, basic.ts; find_string id 67395747104).
const HTTP_PROVIDER: AuthenticationProvider = { type: 'http', name: '__http__' };
const BASIC_PROVIDER: AuthenticationProvider = { type: 'basic', name: 'basic' };

/**
 * The schemes Kibana's HTTP provider takes: `xpack.security.authc.http.schemes` (default `apikey`,
 * `bearer`) plus, with `autoSchemesEnabled` (default true), those of the enabled providers: the
 * basic provider's `basic`. Another scheme is not handled, so the request is unauthenticated (401).
 * x-pack/platform/plugins/shared/security/server/config.ts (`http` schema) and
 * authentication/authenticator.ts (`getHTTPAuthenticationSchemes`).
 */
const HTTP_SCHEMES = new Set(['apikey', 'bearer', 'basic']);

function sessionIdOf(cookie: string | undefined): string | undefined {
  return new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookie ?? '')?.[1];
}

/**
 * Kibana's authenticator over Elasticsearch's own: every request's credentials are checked with
 * `_security/_authenticate` as the caller, so Elasticsearch decides who may log in. A session (the
 * browser) keeps the credentials it logged in with, as Kibana's basic provider keeps them in its
 * session, and they are sent on the user's behalf.
 */
export class HostAuthenticator {
  private readonly sessions = new Map<string, string>();

  /** `client` carries no credentials of its own. */
  constructor(private readonly client: Client) {}

  async authenticate(headers: IncomingHttpHeaders): Promise<AuthenticationOutcome> {
    const header = typeof headers.authorization === 'string' ? headers.authorization : undefined;
    if (header) {
      const scheme = header.split(/\s+/)[0]!.toLowerCase();
      return HTTP_SCHEMES.has(scheme) ? this.asCaller(header, HTTP_PROVIDER) : { kind: 'none' };
    }
    const stored = this.sessions.get(sessionIdOf(headers.cookie) ?? '');
    return stored ? this.asCaller(stored, BASIC_PROVIDER) : { kind: 'none' };
  }

  /**
   * The login form: a new session for valid credentials, undefined otherwise. Sessions live as
   * long as the host (Kibana's idle timeout and lifespan are not modelled).
   */
  async login(
    login: Pick<HostLogin, 'username' | 'password'>
  ): Promise<{ sessionId: string; authentication: Authentication } | undefined> {
    const authorization = basicAuthorization(login);
    const outcome = await this.asCaller(authorization, BASIC_PROVIDER);
    if (outcome.kind !== 'authenticated') return undefined;
    const sessionId = randomBytes(24).toString('base64url');
    this.sessions.set(sessionId, authorization);
    return { sessionId, authentication: outcome.authentication };
  }

  private async asCaller(
    authorization: string,
    provider: AuthenticationProvider
  ): Promise<AuthenticationOutcome> {
    try {
      const user = await this.client.security.authenticate(undefined, {
        headers: { authorization },
      });
      return {
        kind: 'authenticated',
        authentication: {
          authorization,
          user: {
            username: user.username,
            full_name: user.full_name ?? undefined,
            email: user.email ?? undefined,
            roles: user.roles,
            enabled: user.enabled,
            authentication_realm: user.authentication_realm,
            lookup_realm: user.lookup_realm,
            authentication_type: user.authentication_type,
            authentication_provider: provider,
            elastic_cloud_user: false,
          },
        },
      };
    } catch (error) {
      // Kibana's auth handler passes on the status of Elasticsearch's answer, and answers 401 to
      // an error without one, such as no answer at all (x-pack/platform/plugins/shared/security/
      // server/authentication/authentication_service.ts @ 01964e12, registerAuth; errors.ts @
      // 2d2a8a17, getErrorStatusCode).
      const statusCode = statusCodeOf(error);
      return statusCode
        ? { kind: 'failed', statusCode, message: (error as Error).message }
        : { kind: 'failed', statusCode: 401, message: 'Unauthorized' };
    }
  }
}
