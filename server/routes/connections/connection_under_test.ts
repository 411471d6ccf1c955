import type { IKibanaResponse, KibanaRequest, KibanaResponseFactory } from '@kbn/core/server';
import { CONNECTION_DEFAULTS } from '../../../common/connection';
import type { TestConnectionRequest } from '../../../common/http_api/connections';
import {
  diagnosticClients,
  type ConnectionUnderTest,
} from '../../lib/diagnostics/diagnostic_clients';
import type { ClientCredential } from '../../lib/graph/token_provider';
import type { ExchangeMessageTraceServices } from '../../types';
import { ConnectionNotFoundError, isNotFoundError } from '../../services/connection_errors';
import type { ConnectionWithSecrets } from '../../services/connection_store';

/** Per call to Entra ID or Graph: a test answers within a page's patience. */
const REQUEST_TIMEOUT_MS = 20_000;
const MAX_BUDGET_WAIT_MS = 10_000;

type Resolved =
  | { connection: ConnectionUnderTest; requestBudget: number }
  | { status: 400 | 404; message: string };

function credentialOf(
  body: TestConnectionRequest,
  stored: ConnectionWithSecrets | undefined
): ClientCredential | string {
  const fallback = stored ? '' : ' (or the connectionId of a saved connection to use its secret)';
  if (body.authMethod === 'secret') {
    const clientSecret = body.secrets.clientSecret ?? stored?.secrets.clientSecret;
    return clientSecret
      ? { kind: 'secret', clientSecret }
      : `secrets.clientSecret: required to sign in with a client secret${fallback}`;
  }
  const privateKeyPem = body.secrets.certificatePrivateKey ?? stored?.secrets.certificatePrivateKey;
  const thumbprint = body.certificateThumbprint ?? stored?.settings.certificateThumbprint;
  if (!privateKeyPem)
    return `secrets.certificatePrivateKey: required to sign in with a certificate${fallback}`;
  if (!thumbprint) return 'certificateThumbprint: required to sign in with a certificate';
  return { kind: 'certificate', privateKeyPem, thumbprint };
}

/**
 * The connection a test or a domain lookup signs in with: as entered, with the secret (and
 * thumbprint) of the saved connection `connectionId` where the request leaves them out.
 */
async function resolveConnectionUnderTest(
  services: ExchangeMessageTraceServices,
  body: TestConnectionRequest
): Promise<Resolved> {
  let stored: ConnectionWithSecrets | undefined;
  if (body.connectionId !== undefined) {
    try {
      stored = await services.connections.getWithSecrets(body.connectionId);
    } catch (error) {
      if (isNotFoundError(error))
        return { status: 404, message: new ConnectionNotFoundError(body.connectionId).message };
      throw error;
    }
  }
  const credential = credentialOf(body, stored);
  if (typeof credential === 'string') return { status: 400, message: credential };
  return {
    connection: { tenantId: body.tenantId, clientId: body.clientId, credential },
    requestBudget: stored?.settings.requestBudget ?? CONNECTION_DEFAULTS.requestBudget,
  };
}

/**
 * Clients on the configured hosts. A test's message trace request is taken from the tester's part
 * of the tenant's on-demand share, like an event trail, so testing never delays collection; the
 * domain lookup's request to /domains is not a message trace request and takes nothing.
 */
function clientsFor(
  services: ExchangeMessageTraceServices,
  { connection, requestBudget }: Extract<Resolved, { connection: ConnectionUnderTest }>,
  username: string | undefined
) {
  const { endpoints } = services.resources;
  return {
    endpoints,
    now: () => services.clock.now(),
    ...diagnosticClients(connection, {
      endpoints,
      budget: services.resources.onDemandBudgetFor(connection.tenantId, requestBudget, username),
      clock: services.clock,
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxBudgetWaitMs: MAX_BUDGET_WAIT_MS,
    }),
  };
}

export type DiagnosticDeps = ReturnType<typeof clientsFor>;

/**
 * Answers with what `diagnose` finds for the connection in the request (a 400 or 404 when it
 * cannot be put together), and stops the calls to Microsoft when the browser goes away.
 */
export async function respondWithDiagnosis<T extends object>(
  services: ExchangeMessageTraceServices,
  request: KibanaRequest<unknown, unknown, TestConnectionRequest>,
  response: KibanaResponseFactory,
  diagnose: (
    connection: ConnectionUnderTest,
    deps: DiagnosticDeps,
    signal: AbortSignal
  ) => Promise<T>
): Promise<IKibanaResponse> {
  const resolved = await resolveConnectionUnderTest(services, request.body);
  if ('status' in resolved) {
    return response.customError({
      statusCode: resolved.status,
      body: { message: resolved.message },
    });
  }
  const controller = new AbortController();
  const subscription = request.events.aborted$.subscribe(() => controller.abort());
  try {
    const username = services.authc.getCurrentUser(request)?.username;
    const body = await diagnose(
      resolved.connection,
      clientsFor(services, resolved, username),
      controller.signal
    );
    return response.ok({ body });
  } finally {
    subscription.unsubscribe();
  }
}
