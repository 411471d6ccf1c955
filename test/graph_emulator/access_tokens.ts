/**
 * Access tokens the emulated Entra issues and the emulated Graph accepts. Real Graph tokens are
 * JWTs whose `roles` claim lists the consented application permissions *at issuance time* —
 * a consent granted later needs a new token, and collectors may decode `roles` to explain a 403 —
 * so these are JWTs too, signed with the emulator's own key (clients must not verify them).
 */
import {
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

export const TOKEN_LIFETIME_SECONDS = 3599;
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

export interface AccessTokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  appid: string;
  app_displayname: string;
  idtyp: 'app';
  oid: string;
  roles?: string[];
  sub: string;
  tid: string;
  ver: '1.0';
  uti: string;
}

export type TokenCheck = { ok: true; claims: AccessTokenClaims } | { ok: false; message: string };

export class TokenIssuer {
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId = randomUUID().replace(/-/g, '').slice(0, 27);

  constructor() {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicKey = createPublicKey(privateKey);
  }

  issue(input: {
    tenantId: string;
    clientId: string;
    appName: string;
    roles: string[];
    nowMs: number;
    resource: string;
  }): string {
    const iat = Math.floor(input.nowMs / 1000);
    const claims: AccessTokenClaims = {
      aud: input.resource,
      iss: `https://sts.windows.net/${input.tenantId}/`,
      iat,
      nbf: iat,
      exp: iat + TOKEN_LIFETIME_SECONDS,
      appid: input.clientId,
      app_displayname: input.appName,
      idtyp: 'app',
      oid: randomUUID(),
      ...(input.roles.length > 0 ? { roles: input.roles } : {}),
      sub: randomUUID(),
      tid: input.tenantId,
      ver: '1.0',
      uti: randomUUID().replace(/-/g, ''),
    };
    const header = { typ: 'JWT', alg: 'RS256', kid: this.keyId };
    const body = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${body}.${sign('sha256', Buffer.from(body), this.privateKey).toString('base64url')}`;
  }

  /** Graph's InvalidAuthenticationToken messages for each failure. */
  check(authorization: string | undefined, nowMs: number): TokenCheck {
    const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
    if (!match) return { ok: false, message: 'Access token is empty.' };
    const parts = match[1]!.trim().split('.');
    if (parts.length !== 3) {
      return {
        ok: false,
        message:
          'IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format.',
      };
    }
    const valid = verify(
      'sha256',
      Buffer.from(`${parts[0]}.${parts[1]}`),
      this.publicKey,
      Buffer.from(parts[2]!, 'base64url')
    );
    if (!valid)
      return { ok: false, message: 'Access token validation failure. Invalid signature.' };
    const claims = JSON.parse(
      Buffer.from(parts[1]!, 'base64url').toString('utf8')
    ) as AccessTokenClaims;
    if (claims.exp * 1000 <= nowMs)
      return { ok: false, message: 'Lifetime validation failed, the token is expired.' };
    if (claims.nbf * 1000 > nowMs + 300_000)
      return { ok: false, message: 'Lifetime validation failed, the token is not yet valid.' };
    return { ok: true, claims };
  }

  jwks(): { keys: unknown[] } {
    return {
      keys: [
        { kty: 'RSA', use: 'sig', kid: this.keyId, ...this.publicKey.export({ format: 'jwk' }) },
      ],
    };
  }
}
