import { CONNECTION_DEFAULTS } from '../../../common/connection';
import type { ConnectionView } from '../../../common/http_api/connections';
import type { ConnectionStatus } from '../../../common/connection_status';
import { connectionAlertsOf } from './connection_problems';

const NOW = Date.parse('2026-12-02T10:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const params = { throttledMinutes: 60, lagMinutes: 120, expiryDays: 14 };
const inDefault = (path: string) => path;

function connection(
  status: ConnectionStatus,
  settings: Partial<ConnectionView['settings']> = {}
): ConnectionView {
  return {
    id: 'c1',
    settings: {
      ...CONNECTION_DEFAULTS,
      name: 'Contoso',
      tenantId: '11111111-2222-3333-4444-555555555555',
      clientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
      authMethod: 'secret',
      localDomains: ['contoso.com'],
      ...settings,
    },
    secrets: { clientSecret: true, certificatePrivateKey: false },
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    status,
    task: { health: 'idle' },
    authorization: { state: 'internal' },
  };
}

const healthy: ConnectionStatus = { lastSuccessAt: minutesAgo(5), collectedUntil: minutesAgo(30) };
const problemsOf = (connections: ConnectionView[]) =>
  connectionAlertsOf(connections, params, NOW, inDefault).map((alert) => alert.id);

describe('connectionAlertsOf', () => {
  it('finds nothing wrong with a healthy connection', () => {
    expect(
      problemsOf([connection(healthy, { credentialExpiresAt: '2027-06-01T00:00:00Z' })])
    ).toEqual([]);
  });

  it('raises a refused sign-in at once, with what happened and what to do', () => {
    const [alert] = connectionAlertsOf(
      [
        connection({
          ...healthy,
          lastError: {
            kind: 'authentication',
            message: 'AADSTS7000215: Invalid client secret',
            at: minutesAgo(1),
          },
        }),
      ],
      params,
      NOW,
      inDefault
    );
    expect(alert).toMatchObject({
      id: 'c1:signInRefused',
      context: {
        connectionName: 'Contoso',
        problem: 'signInRefused',
        errorMessage: 'AADSTS7000215: Invalid client secret',
        viewPath: '/app/exchangeMessageTrace/settings',
      },
    });
    expect(alert!.context.happened).toContain('refused the app');
  });

  it('raises throttling only once it outlasts the rule’s minutes', () => {
    const throttled = (sinceMinutes: number) =>
      connection({
        lastSuccessAt: minutesAgo(sinceMinutes),
        collectedUntil: minutesAgo(sinceMinutes),
        lastError: { kind: 'throttled', message: 'Too many requests', at: minutesAgo(1) },
      });
    expect(problemsOf([throttled(30)])).toEqual([]);
    expect(problemsOf([throttled(90)])).toEqual(['c1:throttled']);
  });

  it('raises lagging collection, an expiring or expired secret, each as its own alert', () => {
    expect(
      problemsOf([
        connection(
          { lastSuccessAt: minutesAgo(5), collectedUntil: minutesAgo(180) },
          { credentialExpiresAt: new Date(NOW + 10 * 86_400_000).toISOString() }
        ),
      ])
    ).toEqual(['c1:lagging', 'c1:credentialExpiring']);
    const [expired] = connectionAlertsOf(
      [connection(healthy, { authMethod: 'certificate', credentialExpiresAt: minutesAgo(60) })],
      params,
      NOW,
      inDefault
    );
    expect(expired!.context.happened).toBe(`The certificate expired at ${minutesAgo(60)}.`);
  });

  it('leaves disabled connections alone', () => {
    expect(problemsOf([connection({}, { enabled: false })])).toEqual([]);
  });

  it('checks only the connections the rule names, every one when it names none', () => {
    const lagging = { lastSuccessAt: minutesAgo(5), collectedUntil: minutesAgo(180) };
    const both = [connection(lagging), { ...connection(lagging), id: 'c2' }];
    const checkedBy = (connectionIds?: string[]) =>
      connectionAlertsOf(both, { ...params, connectionIds }, NOW, inDefault).map(
        (alert) => alert.id
      );
    expect(checkedBy(['c2'])).toEqual(['c2:lagging']);
    expect(checkedBy([])).toEqual(['c1:lagging', 'c2:lagging']);
    expect(checkedBy(undefined)).toEqual(['c1:lagging', 'c2:lagging']);
    expect(checkedBy(['removed'])).toEqual([]);
  });
});
