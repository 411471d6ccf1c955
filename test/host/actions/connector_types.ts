import type { Logger } from '@kbn/core/server';
import { schema, type Type } from '../kbn_modules/config_schema';
import { renderMustacheObject, renderMustacheString } from './mustache_renderer';

/*
 * The two connector types the host offers, as Kibana's stack connectors define them.
 * SC = x-pack/platform/plugins/shared/stack_connectors/server/connector_types/,
 * CS = src/platform/packages/shared/kbn-connector-schemas/.
 */

export interface ConnectorResult {
  status: 'ok' | 'error';
  actionId: string;
  message?: string;
  serviceMessage?: string;
  data?: unknown;
}

export interface HostConnectorType {
  id: string;
  name: string;
  minimumLicenseRequired: string;
  supportedFeatureIds: string[];
  config: Type<Record<string, unknown>>;
  secrets: Type<Record<string, unknown>>;
  params: Type<Record<string, unknown>>;
  /** A message when config, secrets or both together are refused beyond their schemas. */
  validateConnector?(
    config: Record<string, unknown>,
    secrets: Record<string, unknown>
  ): string | void;
  renderParameterTemplates?(
    params: Record<string, unknown>,
    variables: Record<string, unknown>
  ): Record<string, unknown>;
  execute(options: {
    actionId: string;
    config: Record<string, unknown>;
    secrets: Record<string, unknown>;
    params: Record<string, unknown>;
    logger: Logger;
  }): Promise<ConnectorResult>;
}

const nullable = <V>(type: Type<V>) =>
  schema.oneOf([type, schema.literal(null)], { defaultValue: null }) as Type<V | null>;

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

// SC/server_log/index.ts @ 0703cc83e8: basic license; the message without control characters.
export const serverLogConnectorType: HostConnectorType = {
  id: '.server-log',
  name: 'Server log',
  minimumLicenseRequired: 'basic',
  supportedFeatureIds: ['alerting', 'uptime', 'security'],
  config: schema.object({}, { defaultValue: {} }),
  secrets: schema.object({}, { defaultValue: {} }),
  params: schema.object({
    message: schema.string(),
    level: schema.oneOf(
      LOG_LEVELS.map((level) => schema.literal(level)),
      { defaultValue: 'info' }
    ),
  }),
  async execute({ actionId, params, logger }) {
    const message = String(params.message).replace(/[\x00-\x1F\x7F]/g, ' ');
    const level = params.level as (typeof LOG_LEVELS)[number];
    logger[level](`Server log: ${message}`);
    return { status: 'ok', actionId };
  },
};

const WEBHOOK_METHODS = ['post', 'put', 'patch', 'get', 'delete'] as const;
const AUTH_TYPES = [
  'webhook-authentication-basic',
  'webhook-authentication-ssl',
  'webhook-oauth2-client-credentials',
  'http-authentication-query-param',
] as const;

// CS/webhook/schemas/v1.ts @ 41e8515ba7 and CS/common/auth/schemas/v1.ts @ 11b9bae380.
const webhookConfig = schema.object({
  url: schema.string(),
  method: schema.oneOf(
    WEBHOOK_METHODS.map((method) => schema.literal(method)),
    { defaultValue: 'post' }
  ),
  headers: nullable(schema.recordOf(schema.string(), schema.string())),
  hasAuth: schema.boolean({ defaultValue: true }),
  authType: schema.maybe(
    schema.oneOf([...AUTH_TYPES.map((type) => schema.literal(type)), schema.literal(null)])
  ),
  certType: schema.maybe(schema.oneOf([schema.literal('ssl-crt-key'), schema.literal('ssl-pfx')])),
  ca: schema.maybe(schema.string()),
  verificationMode: schema.maybe(
    schema.oneOf([schema.literal('none'), schema.literal('certificate'), schema.literal('full')])
  ),
  accessTokenUrl: schema.maybe(schema.string()),
  clientId: schema.maybe(schema.string()),
  scope: schema.maybe(schema.string()),
  additionalFields: schema.maybe(schema.string()),
});

const webhookSecrets = schema.object(
  {
    user: nullable(schema.string()),
    password: nullable(schema.string()),
    crt: nullable(schema.string()),
    key: nullable(schema.string()),
    pfx: nullable(schema.string()),
    clientSecret: nullable(schema.string()),
    secretHeaders: nullable(schema.recordOf(schema.string(), schema.string())),
  },
  {
    defaultValue: {} as never,
    // CS/common/auth/schemas/v1.ts @ 11b9bae380 (the secrets' combinations)
    validate: (secrets) => {
      const given = (key: keyof typeof secrets) =>
        secrets[key] !== null && secrets[key] !== undefined;
      const allowed =
        (!given('user') && !given('crt') && !given('pfx') && !given('clientSecret')) ||
        (given('user') && given('password')) ||
        (given('crt') && given('key')) ||
        given('pfx') ||
        given('clientSecret');
      if (!allowed) {
        return 'must specify one of the following schemas: user and password; crt and key (with optional password); pfx (with optional password); or clientSecret (for OAuth2)';
      }
    },
  }
);

// SC/webhook/index.ts @ 027ff21606: 2xx is ok; the body is rendered with JSON escaping.
// Only `hasAuth: false` and basic authentication are sent by the host; certificates and OAuth2
// are refused at creation rather than sent without them.
export const webhookConnectorType: HostConnectorType = {
  id: '.webhook',
  name: 'Webhook',
  minimumLicenseRequired: 'gold',
  supportedFeatureIds: ['alerting', 'uptime', 'security'],
  config: webhookConfig as Type<Record<string, unknown>>,
  secrets: webhookSecrets as Type<Record<string, unknown>>,
  params: schema.object({ body: schema.maybe(schema.string()) }),
  // SC/webhook/validations.ts @ 08fc853750
  validateConnector(config) {
    try {
      new URL(String(config.url));
    } catch (error) {
      return `error validation webhook action config: unable to parse url: ${(error as Error).message}`;
    }
    if (config.hasAuth === false && config.authType !== null && config.authType !== undefined) {
      return 'error validation webhook action config: authType must be null or undefined if hasAuth is false';
    }
    const authType = config.authType ?? (config.hasAuth ? 'webhook-authentication-basic' : null);
    if (authType !== null && authType !== 'webhook-authentication-basic') {
      return `the host does not send webhooks with authType ${String(authType)}`;
    }
  },
  renderParameterTemplates(params, variables) {
    return {
      ...params,
      ...(typeof params.body === 'string' && {
        body: renderMustacheString(params.body, variables, 'json'),
      }),
    };
  },
  async execute({ actionId, config, secrets, params }) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(config.headers as Record<string, string> | null),
      ...(secrets.secretHeaders as Record<string, string> | null),
    };
    if (config.hasAuth && typeof secrets.user === 'string') {
      const credentials = Buffer.from(`${secrets.user}:${secrets.password}`).toString('base64');
      headers.authorization = `Basic ${credentials}`;
    }
    const method = String(config.method).toUpperCase();
    try {
      const response = await fetch(String(config.url), {
        method,
        headers,
        body: method === 'GET' ? undefined : ((params.body as string | undefined) ?? ''),
      });
      const data = await response.text();
      if (response.ok) return { status: 'ok', actionId, data };
      return {
        status: 'error',
        actionId,
        message: 'error calling webhook, unexpected error',
        serviceMessage: `[${response.status}] ${response.statusText}`,
      };
    } catch (error) {
      return {
        status: 'error',
        actionId,
        message: 'error calling webhook, unexpected error',
        serviceMessage: (error as Error).message,
      };
    }
  },
};

export const HOST_CONNECTOR_TYPES = [serverLogConnectorType, webhookConnectorType];

/** Action parameters rendered as Kibana does: the type's own renderer, else every string. */
export function renderActionParams(
  type: HostConnectorType,
  params: Record<string, unknown>,
  variables: Record<string, unknown>
) {
  return type.renderParameterTemplates
    ? type.renderParameterTemplates(params, variables)
    : renderMustacheObject(params, variables);
}
