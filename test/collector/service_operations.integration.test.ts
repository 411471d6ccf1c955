import path from 'node:path';
import { waitFor } from '../host/test_support';
import { CHAOS_SECRET } from './chaos_tenant';
import { runCli } from './cli_process';
import {
  emulatedTenants,
  expectExactlyTheTruth,
  freshConfigDir,
  ServiceProcess,
  serviceTestContext,
  storedTenantState,
  writeServiceConfig,
  type ConfigTenant,
} from './service_process';

describe('exchange-message-trace serve: signals and config', () => {
  jest.setTimeout(120_000);
  const context = serviceTestContext();
  const runId = `ops${Date.now()}`;
  const env = () => context.env();
  const expectExact = (tenants: ConfigTenant[]) =>
    expectExactlyTheTruth(context.es, context.emulator, tenants);

  it('stops on SIGTERM within 10 s with its checkpoints saved, and a restart resumes exactly', async () => {
    const { emulator, es } = context;
    const tenants = emulatedTenants(
      emulator,
      runId,
      [0, 1, 2].map((index) => ({ name: `term-${index}`, seed: 15_300 + index })),
      200
    );
    for (const tenant of tenants) {
      emulator.faults.inject({
        kind: 'hang',
        delayMs: 300,
        probability: 1,
        tenantId: tenant.tenantId,
      });
    }
    const file = writeServiceConfig({ dir: freshConfigDir(), emulator, tenants });
    try {
      const first = await ServiceProcess.start(file, env());
      await waitFor(
        () =>
          first.logs.filter((entry) => entry.message === 'Page stored').length >= 3 || undefined,
        { timeoutMs: 30_000, what: 'three stored pages' }
      );
      expect(first.logs.some((entry) => entry.message === 'Caught up')).toBe(false);
      const signalledAt = Date.now();
      first.signal('SIGTERM');
      const exit = await first.exited;
      expect(exit.code).toBe(0);
      expect(exit.at - signalledAt).toBeLessThan(10_000);
      for (const tenant of tenants) {
        const state = await storedTenantState(es, tenant);
        // Handed back at once, with the checkpoint of the last stored page.
        expect(state.holder).toBeNull();
        expect(state.checkpoint).toBeDefined();
      }
      emulator.faults.clear();

      const second = await ServiceProcess.start(file, env());
      await second.waitForStates(
        tenants.map((tenant) => tenant.name),
        'caught up'
      );
      second.signal('SIGTERM');
      expect((await second.exited).code).toBe(0);
      await expectExact(tenants);
    } finally {
      emulator.faults.clear();
    }
  });

  it('applies a SIGHUP reload: an added tenant starts, a removed one stops', async () => {
    const { emulator, es } = context;
    const [kept, removed, added] = emulatedTenants(
      emulator,
      runId,
      ['kept', 'removed', 'added'].map((name, index) => ({ name, seed: 15_400 + index })),
      100
    );
    const dir = freshConfigDir();
    const file = writeServiceConfig({ dir, emulator, tenants: [kept, removed] });
    const service = await ServiceProcess.start(file, env());
    try {
      await service.waitForStates(['kept', 'removed'], 'caught up');
      writeServiceConfig({ dir, emulator, tenants: [kept, added] });
      service.signal('SIGHUP');
      const reloaded = await waitFor(
        () => service.logs.find((entry) => entry.message === 'Config reloaded'),
        { timeoutMs: 20_000, what: 'the reload' }
      );
      expect(reloaded).toMatchObject({ stopped: ['removed'], started: ['added'] });
      await service.waitForStates(['kept', 'added'], 'caught up');
      const health = await service.healthz();
      expect(health.tenants.map((tenant) => tenant.name).sort()).toEqual(['added', 'kept']);
      expect((await storedTenantState(es, removed!)).holder).toBeNull();
      // The kept tenant went on untouched: one lease, no second start.
      expect(service.logsOf('kept', 'Lease taken')).toHaveLength(1);
      await expectExact([kept!, added!]);
    } finally {
      service.signal('SIGTERM');
      await service.exited;
    }
  });

  it('refuses a broken config with exit 2 and one message per problem, without a secret', async () => {
    const { emulator, apiKey } = context;
    const dir = freshConfigDir();
    const valid = emulatedTenants(emulator, runId, [{ name: 'valid', seed: 15_500 }], 10)[0]!;
    const { clientSecret: _secret, ...withoutSecret } = valid;
    const file = writeServiceConfig({
      dir,
      emulator,
      tenants: [
        { ...valid, name: 'typo', colour: 'blue' },
        { ...valid, name: 'unset', namespace: 'unset', clientSecret: { env: 'EMT_TEST_UNSET' } },
        { ...valid, name: 'bad-id', namespace: 'bad_id', tenantId: 'not a tenant' },
        {
          ...withoutSecret,
          name: 'no-cert',
          namespace: 'no_cert',
          certificate: { certificate: path.join(dir, 'missing.pem') },
        },
      ],
    });
    const outcome = await runCli(['serve', '--config', file], { env: env() });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr.trim().split('\n')).toEqual([
      `exchange-message-trace: ${file}: tenant "typo" (tenants[0]): colour: is not a known setting (known: name, tenantId, clientId, clientSecret, certificate, localDomains, matchSubdomains, namespace, interval, lookback, reread, budget, pageSize)`,
      `exchange-message-trace: ${file}: tenant "unset" (tenants[1]): clientSecret.env: the environment variable EMT_TEST_UNSET is not set`,
      `exchange-message-trace: ${file}: tenant "bad-id" (tenants[2]): tenantId: must be the tenant ID (a GUID) or one of its verified domains, e.g. contoso.onmicrosoft.com`,
      `exchange-message-trace: ${file}: tenant "no-cert" (tenants[3]): certificate.certificate: cannot read ${path.join(dir, 'missing.pem')} (ENOENT)`,
    ]);
    expect(outcome.stdout).toBe('');
    expect(outcome.stderr).not.toContain(CHAOS_SECRET);
    expect(outcome.stderr).not.toContain(apiKey);
  });
});
