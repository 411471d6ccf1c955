import type { Client } from '@elastic/elasticsearch';
import { inMemoryBudgetStore } from '../../server/lib/budget/in_memory_budget_store';
import { RequestBudget } from '../../server/lib/budget/request_budget';
import type { CollectorDeps } from '../../server/lib/collector/collect';
import { createCollectorDeps } from '../../server/lib/collector/collector_pipeline';
import { DEFAULT_DATASET, dataStreamName } from '../../server/lib/data_stream/data_stream_name';
import { TokenProvider } from '../../server/lib/graph/token_provider';
import type { DrivenClock, GraphEmulator } from '../graph_emulator';
import { CLIENT_ID, SECRET, TENANT_ID } from '../graph_emulator/test_support';

/**
 * The collector the task and the command line run, reading `tenantSpec()`'s tenant of the emulator
 * into the default dataset's data stream of `namespace`.
 */
export function emulatedCollectorDeps(options: {
  emulator: GraphEmulator;
  clock: DrivenClock;
  es: Client;
  namespace: string;
}): CollectorDeps {
  const { emulator, clock } = options;
  const endpoints = {
    graphUrl: emulator.graphUrl,
    loginUrl: emulator.loginUrl,
    caCertificate: emulator.caCertificatePem,
  };
  return createCollectorDeps({
    endpoints,
    tokens: new TokenProvider({
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      credential: { kind: 'secret', clientSecret: SECRET },
      endpoints,
      timeoutMs: 5000,
    }),
    budget: new RequestBudget(inMemoryBudgetStore(), clock, 60),
    clock,
    elasticsearch: options.es,
    dataStream: dataStreamName(DEFAULT_DATASET, options.namespace),
    mapping: { localDomains: ['contoso.com'], namespace: options.namespace },
    saveCheckpoint: async () => undefined,
  });
}
