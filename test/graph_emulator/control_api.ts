/**
 * `/_emulator/...`: drive the emulator from another process (the Kibana host, a browser test):
 * inject faults, read the request log and fault reports, switch tenant setup states, move a
 * DrivenClock, and read ground truth.
 */
import { DrivenClock } from './clock';
import type { FaultSpec } from './faults';
import { jsonResponse, type EmulatorRequest, type EmulatorResponse } from './http_types';
import type { GraphEmulator } from './graph_emulator';

function parseBody(request: EmulatorRequest): Record<string, unknown> {
  if (!request.body) return {};
  const value: unknown = JSON.parse(request.body);
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

export function handleControl(request: EmulatorRequest, emulator: GraphEmulator): EmulatorResponse {
  const path = request.url.pathname.replace(/^\/_emulator\/?/, '');
  const method = request.method;
  let body: Record<string, unknown>;
  try {
    body = parseBody(request);
  } catch {
    return jsonResponse(400, { error: 'body must be JSON' });
  }
  const q = request.url.searchParams;
  if (path === 'health') return jsonResponse(200, { ok: true, now: emulator.clock.now() });
  if (path === 'requests') {
    if (method === 'DELETE') {
      emulator.requests.clear();
      return jsonResponse(200, { cleared: true });
    }
    return jsonResponse(200, {
      requests: emulator.requests.all(),
      budgetThrottled: emulator.requests.budgetThrottled().length,
    });
  }
  if (path === 'faults') {
    if (method === 'POST')
      return jsonResponse(201, { id: emulator.faults.inject(body as unknown as FaultSpec) });
    if (method === 'DELETE') {
      emulator.faults.clear();
      return jsonResponse(200, { cleared: true });
    }
    return jsonResponse(200, {
      active: emulator.faults.list(),
      events: emulator.faults.events,
      malformedRows: emulator.faults.malformedRows,
    });
  }
  if (path === 'clock') {
    if (!(emulator.clock instanceof DrivenClock))
      return jsonResponse(409, { error: 'the emulator runs on the system clock' });
    if (method === 'POST') {
      if (typeof body.advanceMs === 'number') emulator.clock.advance(body.advanceMs);
      if (typeof body.setTime === 'number') emulator.clock.setTime(body.setTime);
    }
    return jsonResponse(200, { now: emulator.clock.now() });
  }
  if (path === 'tenants') {
    return jsonResponse(200, {
      tenants: emulator.tenants.map((t) => ({
        tenantId: t.tenantId,
        domains: t.domains,
        transportServicePrincipal: t.transportServicePrincipal,
        apps: [...t.apps.values()].map((a) => ({
          clientId: a.clientId,
          grantedPermissions: [...a.grantedPermissions],
        })),
        plantedSenders: t.synthetic?.plantedSenders ?? [],
      })),
    });
  }
  const state = /^tenants\/([^/]+)\/state$/.exec(path);
  if (state && method === 'POST') {
    const tenant = emulator.tenants.find((t) => t.answersTo(decodeURIComponent(state[1]!)));
    if (!tenant) return jsonResponse(404, { error: 'unknown tenant' });
    if (typeof body.transportServicePrincipal === 'boolean')
      tenant.transportServicePrincipal = body.transportServicePrincipal;
    const change = (key: 'grant' | 'revoke') => {
      const value = body[key] as { clientId?: string; permission?: string } | undefined;
      if (value?.clientId && value.permission) tenant[key](value.clientId, value.permission);
    };
    change('grant');
    change('revoke');
    return jsonResponse(200, {
      tenantId: tenant.tenantId,
      transportServicePrincipal: tenant.transportServicePrincipal,
    });
  }
  if (path === 'truth') {
    const tenantId = q.get('tenantId') ?? emulator.tenants[0]!.tenantId;
    const start = Date.parse(q.get('start') ?? '');
    const end = Date.parse(q.get('end') ?? '');
    const at = q.get('at') ? Date.parse(q.get('at')!) : emulator.clock.now();
    if ([start, end, at].some(Number.isNaN))
      return jsonResponse(400, { error: 'start, end (and optional at) must be ISO date-times' });
    return jsonResponse(200, {
      observations: emulator.truthObservations(tenantId, { start, end, at }),
    });
  }
  return jsonResponse(404, { error: `unknown control path /_emulator/${path}` });
}
