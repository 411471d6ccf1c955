import type {
  TestConnectionResponse,
  TestStep,
  TestStepId,
} from '../../../common/http_api/connections';
import type { GraphClient } from '../graph/graph_client';
import { GraphError } from '../graph/graph_error';
import type { GraphEndpoints } from '../graph/graph_hosts';
import type { TokenProvider } from '../graph/token_provider';
import type { ConnectionUnderTest } from './diagnostic_clients';
import {
  diagnoseGraphFailure,
  diagnoseTokenFailure,
  diagnosisContext,
  DOMAIN_READ_PERMISSIONS,
  MESSAGE_TRACE_PERMISSION,
  missingConsent,
  type Diagnosis,
  type DiagnosisContext,
} from './explanations';
import { redactSecrets } from './secret_redaction';
import { HOUR_MS } from '../../../common/time';

export interface ConnectionTestDeps {
  tokens: Pick<TokenProvider, 'accessToken'>;
  graph: Pick<GraphClient, 'listMessageTraces'>;
  endpoints: Pick<GraphEndpoints, 'loginUrl' | 'graphUrl'>;
  now(): number;
}

const STEP_ORDER: TestStepId[] = ['token', 'permission', 'servicePrincipal', 'query'];

const TITLES: Record<TestStepId, string> = {
  token: 'Sign in to Entra ID as the app',
  permission: `Permission ${MESSAGE_TRACE_PERMISSION}`,
  servicePrincipal: 'Message trace service principal in the tenant',
  query: 'Read message traces of the last hour',
};

/** The `roles` claim of a JWT access token, unverified (Graph verifies it); undefined if no JWT. */
export function tokenRoles(accessToken: string): string[] | undefined {
  const payload = accessToken.split('.')[1];
  if (accessToken.split('.').length !== 3 || !payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (!claims || typeof claims !== 'object') return undefined;
    const { roles } = claims as { roles?: unknown };
    return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return undefined;
  }
}

async function timed<T>(
  action: () => Promise<T>
): Promise<{ durationMs: number } & ({ value: T } | { error: unknown })> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const value = await action();
    return { durationMs: elapsed(), value };
  } catch (error) {
    return { durationMs: elapsed(), error };
  }
}

const step = (id: TestStepId, fields: Omit<TestStep, 'id' | 'title'>): TestStep => ({
  id,
  title: TITLES[id],
  ...fields,
});

const failedStep = (id: TestStepId, durationMs: number, diagnosis: Diagnosis): TestStep =>
  step(id, { outcome: 'failed', durationMs, ...diagnosis });

function permissionStep(accessToken: string, context: DiagnosisContext): TestStep {
  const roles = tokenRoles(accessToken);
  if (roles === undefined) {
    return step('permission', {
      outcome: 'warning',
      durationMs: 0,
      message:
        'The access token is not a readable JWT, so its permissions cannot be checked here; the query below decides.',
    });
  }
  if (!roles.includes(MESSAGE_TRACE_PERMISSION)) {
    return step('permission', {
      outcome: 'failed',
      durationMs: 0,
      message: `The app's token does not carry ${MESSAGE_TRACE_PERMISSION} (${roles.length > 0 ? `it carries ${roles.join(', ')}` : 'it carries no application permissions'}).`,
      ...missingConsent(context),
    });
  }
  const domains = roles.some((role) => DOMAIN_READ_PERMISSIONS.includes(role))
    ? 'Domain.Read.All is granted too, so the local domains can be looked up.'
    : 'Without Domain.Read.All the local domains must be typed in.';
  return step('permission', {
    outcome: 'passed',
    durationMs: 0,
    message: `The app's token carries ${MESSAGE_TRACE_PERMISSION}. ${domains}`,
  });
}

/** The steps taken so far, in order, then the rest as skipped. */
function finish(steps: TestStep[], connection: ConnectionUnderTest): TestConnectionResponse {
  const skipped = STEP_ORDER.slice(steps.length).map((id) =>
    step(id, { outcome: 'skipped', message: 'Not run: an earlier step failed.' })
  );
  // Only a step's message can hold Microsoft's words (or a library's); the rest is our own text.
  const all = [...steps, ...skipped].map((s) => ({
    ...s,
    message: redactSecrets(s.message, connection.credential),
  }));
  return { ok: all.every((s) => s.outcome !== 'failed'), steps: all };
}

/**
 * The steps a connection needs, in order, stopping at the first failure: a fresh token, its
 * permission, then one message trace request (counted against the tenant's budget) that proves the
 * service principal exists and the query works.
 */
export async function runConnectionTest(
  connection: ConnectionUnderTest,
  deps: ConnectionTestDeps,
  signal?: AbortSignal
): Promise<TestConnectionResponse> {
  const context = diagnosisContext(connection, deps.endpoints.loginUrl);
  const steps: TestStep[] = [];

  const token = await timed(() => deps.tokens.accessToken(signal, true));
  if ('error' in token) {
    steps.push(failedStep('token', token.durationMs, diagnoseTokenFailure(token.error, context)));
    return finish(steps, connection);
  }
  steps.push(
    step('token', {
      outcome: 'passed',
      durationMs: token.durationMs,
      message: 'Entra ID issued an app-only token for Microsoft Graph.',
    })
  );

  const permission = permissionStep(token.value, context);
  steps.push(permission);
  if (permission.outcome === 'failed') return finish(steps, connection);

  const end = deps.now();
  const query = await timed(() =>
    deps.graph.listMessageTraces({ window: { start: end - HOUR_MS, end } }, signal)
  );
  if ('error' in query) {
    const diagnosis = diagnoseGraphFailure(
      query.error,
      diagnosisContext(connection, deps.endpoints.graphUrl)
    );
    const missingPrincipal =
      query.error instanceof GraphError && query.error.kind === 'servicePrincipalMissing';
    steps.push(
      missingPrincipal
        ? failedStep('servicePrincipal', query.durationMs, diagnosis)
        : step('servicePrincipal', {
            outcome: 'skipped',
            message: 'Not confirmed: the message trace query below failed for another reason.',
          })
    );
    if (!missingPrincipal) steps.push(failedStep('query', query.durationMs, diagnosis));
    return finish(steps, connection);
  }
  const rows = query.value.rows.length + query.value.rejected.length;
  steps.push(
    step('servicePrincipal', {
      outcome: 'passed',
      durationMs: query.durationMs,
      message:
        "Microsoft's message trace service accepted the app, so the service principal exists.",
    }),
    step('query', {
      outcome: 'passed',
      durationMs: query.durationMs,
      message:
        rows === 0
          ? 'Microsoft Graph answered with 0 rows: no mail in the last hour, which is fine.'
          : `Microsoft Graph returned ${rows} message trace row for the last hour (the test asks for one).`,
    })
  );
  return finish(steps, connection);
}
