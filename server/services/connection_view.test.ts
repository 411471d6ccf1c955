import type { ConcreteTaskInstance } from '@kbn/task-manager-plugin/server';
import { CONNECTION_DEFAULTS, type ConnectionSettings } from '../../common/connection';
import type { ConnectionRecord } from './connection_store';
import { connectionView, LOST_RUN_ERROR_KIND } from './connection_view';

const MINUTE = 60_000;
const STARTED = Date.parse('2026-12-02T10:00:00.000Z');
const TENANT = '00000000-0000-4000-8000-000000000001';

const record: ConnectionRecord = {
  id: 'c1',
  settings: {
    ...CONNECTION_DEFAULTS,
    name: 'Contoso',
    tenantId: TENANT,
    clientId: '00000000-0000-4000-8000-000000000002',
    authMethod: 'secret',
    localDomains: ['contoso.com'],
  } as ConnectionSettings,
  secretsSet: { clientSecret: true, certificatePrivateKey: false },
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

/** A task claimed at STARTED whose result was never stored: Task Manager keeps it running. */
const stuck = {
  id: 'exchangeMessageTrace:collect:c1',
  status: 'running',
  enabled: true,
  startedAt: new Date(STARTED),
  runAt: new Date(STARTED),
  retryAt: new Date(STARTED + 10 * MINUTE),
  state: {
    version: 2,
    tenantId: TENANT,
    status: { lastSuccessAt: '2026-12-02T09:55:00.000Z', documentsTotal: 10 },
  },
} as unknown as ConcreteTaskInstance;

describe('connectionView of a task still running', () => {
  it('is running until its run deadline (8 of the 10 minute timeout) passes', () => {
    const view = connectionView(record, stuck, true, STARTED + 8 * MINUTE);
    expect(view.task).toEqual({ health: 'running' });
    expect(view.status).toEqual({ lastSuccessAt: '2026-12-02T09:55:00.000Z', documentsTotal: 10 });
  });

  it('is failed after it, saying the run lost its result and when Task Manager retries it', () => {
    const view = connectionView(record, stuck, true, STARTED + 8 * MINUTE + 1);
    expect(view.task).toEqual({ health: 'failed', nextRunAt: '2026-12-02T10:10:00.000Z' });
    expect(view.status).toEqual({
      lastSuccessAt: '2026-12-02T09:55:00.000Z',
      documentsTotal: 10,
      lastError: {
        kind: LOST_RUN_ERROR_KIND,
        message:
          'The run that started at 2026-12-02T10:00:00.000Z ended without its result being ' +
          'recorded (Elasticsearch could not be reached then, or the Kibana node running it ' +
          'stopped). Task Manager runs it again at 2026-12-02T10:10:00.000Z; Run now starts a ' +
          'new run at once.',
        at: '2026-12-02T10:08:00.000Z',
      },
    });
  });

  it('stays disabled when the connection is', () => {
    const disabled = { ...record, settings: { ...record.settings, enabled: false } };
    expect(connectionView(disabled, stuck, true, STARTED + 9 * MINUTE).task).toEqual({
      health: 'disabled',
    });
  });
});
