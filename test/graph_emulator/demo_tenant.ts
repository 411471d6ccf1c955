/** The demo tenant of `npm start` and the default tenant of a bare `GraphEmulator.start()`. */
import type { TenantSpec } from './tenant_registry';

export const DEMO_TENANT_ID = '72f988bf-0000-4c1d-9e6a-2d7cd011db47';
export const DEMO_CLIENT_ID = '3f2a8c61-5b7e-4d9a-8e1f-0c6b2d4a9e57';
/** Looks like an Entra secret value (40 chars with a `~`), not a secret ID. */
export const DEMO_CLIENT_SECRET = 'Xq58Q~demo.emulator.secret_7Hn2Vb4Kc9Lm3';
export const DEMO_CLIENT_SECRET_ID = 'b2c4e6f8-1a3c-4e5a-9c7e-0f2a4c6e8a1b';

export function demoTenantSpec(
  options: { seed?: number; rowsPerDay?: number; anchorMs?: number; historyStartMs?: number } = {}
): TenantSpec {
  return {
    tenantId: DEMO_TENANT_ID,
    displayName: 'Contoso (emulated)',
    apps: [
      {
        clientId: DEMO_CLIENT_ID,
        displayName: 'Exchange message trace for Elastic',
        secrets: [{ value: DEMO_CLIENT_SECRET, id: DEMO_CLIENT_SECRET_ID }],
      },
    ],
    synthetic: {
      seed: options.seed ?? 1,
      rowsPerDay: options.rowsPerDay ?? 20_000,
      ...(options.anchorMs !== undefined ? { anchorMs: options.anchorMs } : {}),
      ...(options.historyStartMs !== undefined ? { historyStartMs: options.historyStartMs } : {}),
    },
  };
}
