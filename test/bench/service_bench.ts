import { Client } from '@elastic/elasticsearch';
import { readFileSync } from 'node:fs';
import { CHAOS_SECRET } from '../collector/chaos_tenant';
import {
  createServiceApiKey,
  emulatedTenants,
  ES_API_KEY_ENV,
  freshConfigDir,
  ServiceProcess,
  TENANT_SECRET_ENV,
  writeServiceConfig,
} from '../collector/service_process';
import { GraphEmulator } from '../graph_emulator';
import { processMemory } from './process_memory';

export interface ServiceBenchResult {
  tenants: number;
  documents: number;
  seconds: number;
  peakRssMb: number;
  cpuSeconds: number;
}

/** User and system CPU time of a process so far, from /proc (Linux; clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of /proc/PID/stat; fields[0] here is field 3.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Many emulated tenants (throttle off, pages of 5000, no re-read) through one `serve` process
 * with the documented least-privilege API key, from start until every tenant is caught up.
 */
export async function serviceBench(
  esUrl: string,
  tenantCount: number,
  rowsPerTenant: number
): Promise<ServiceBenchResult> {
  const admin = new Client({ node: esUrl, requestTimeout: 120_000 });
  const emulator = await GraphEmulator.start({ throttle: false, tenants: [] });
  const runId = `svcbench${Date.now()}`;
  try {
    const tenants = emulatedTenants(
      emulator,
      runId,
      Array.from({ length: tenantCount }, (_, index) => ({
        name: `tenant-${index + 1}`,
        seed: 515_000 + index,
        extra: { pageSize: 5000, budget: 100, reread: '0h', interval: '1h' },
      })),
      rowsPerTenant
    );
    const file = writeServiceConfig({
      dir: freshConfigDir(),
      emulator,
      tenants,
      leaseDuration: '60s',
    });
    const env = {
      [ES_API_KEY_ENV]: await createServiceApiKey(admin),
      [TENANT_SECRET_ENV]: CHAOS_SECRET,
    };
    const started = performance.now();
    const service = await ServiceProcess.start(file, env);
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, processMemory(service.pid)?.peakRssMb ?? 0);
    }, 100);
    try {
      await service.waitForStates(
        tenants.map((tenant) => tenant.name),
        'caught up',
        30 * 60_000
      );
      const seconds = (performance.now() - started) / 1000;
      const cpu = cpuSeconds(service.pid);
      peak = Math.max(peak, processMemory(service.pid)?.peakRssMb ?? 0);
      const pattern = `logs-microsoft_exchange_online_message_trace.log-${runId}_*`;
      await admin.indices.refresh({ index: pattern });
      const { count } = await admin.count({ index: pattern });
      return { tenants: tenantCount, documents: count, seconds, peakRssMb: peak, cpuSeconds: cpu };
    } finally {
      clearInterval(sampler);
      service.signal('SIGTERM');
      await service.exited;
    }
  } finally {
    await emulator.stop();
    await admin.close();
  }
}
