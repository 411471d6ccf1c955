/**
 * Injectable faults, programmatic or over `/_emulator/faults`. Each fault fires for the next
 * `count` matching requests (default 1) or with a seeded `probability` (until cleared), so chaos
 * tests are reproducible. Malformed rows served are reported so tests can count them.
 */
import { Rng } from './random';

export type FaultTarget = 'list' | 'detail' | 'domains' | 'messageTrace' | 'graph' | 'token';

export type MalformedRowVariant = 'missingId' | 'invalidDate' | 'sizeWrongType';

export type FaultKind =
  | 'throttle'
  | 'serverError'
  | 'hang'
  | 'truncatedBody'
  | 'malformedJson'
  | 'malformedRows'
  | 'servicePrincipalMissing'
  | 'forbidden'
  | 'invalidClientSecret';

interface FaultCommon {
  /** Fire for the next N matching requests (default 1 unless `probability` is given). */
  count?: number;
  /** Fire with this probability per matching request (seeded), until cleared or `count` is used. */
  probability?: number;
  /** Which requests qualify; each kind has a sensible default. */
  target?: FaultTarget;
  tenantId?: string;
}

export type FaultSpec = FaultCommon &
  (
    | { kind: 'throttle'; retryAfterSeconds?: number }
    | { kind: 'serverError'; status?: 500 | 502 | 503 | 504 }
    /** Without delayMs the request is accepted and never answered. */
    | { kind: 'hang'; delayMs?: number }
    /** Body cut in half; `abortConnection` declares the full length and drops the socket instead. */
    | { kind: 'truncatedBody'; abortConnection?: boolean }
    | { kind: 'malformedJson' }
    | { kind: 'malformedRows'; variants?: MalformedRowVariant[]; rowsPerPage?: number }
    | { kind: 'servicePrincipalMissing' }
    | { kind: 'forbidden' }
    | { kind: 'invalidClientSecret' }
  );

export interface ActiveFault {
  id: string;
  spec: FaultSpec;
  remaining: number | undefined;
}

export interface FaultEvent {
  faultId: string;
  kind: FaultKind;
  atMs: number;
  path: string;
  tenantId?: string;
}

export interface MalformedRowReport {
  faultId: string;
  atMs: number;
  path: string;
  /** Index in the page's `value` array and what was broken. */
  index: number;
  variant: MalformedRowVariant;
  /** The row's key before it was broken (id may be gone from the served row). */
  id: string;
  recipientAddress: string;
}

const DEFAULT_TARGET: Record<FaultKind, FaultTarget> = {
  throttle: 'messageTrace',
  serverError: 'messageTrace',
  hang: 'messageTrace',
  truncatedBody: 'list',
  malformedJson: 'list',
  malformedRows: 'list',
  servicePrincipalMissing: 'messageTrace',
  forbidden: 'messageTrace',
  invalidClientSecret: 'token',
};

function targetMatches(
  target: FaultTarget,
  kind: 'list' | 'detail' | 'domains' | 'token'
): boolean {
  if (target === kind) return true;
  if (target === 'messageTrace') return kind === 'list' || kind === 'detail';
  if (target === 'graph') return kind !== 'token';
  return false;
}

export class FaultInjector {
  private readonly rng: Rng;
  private readonly active: ActiveFault[] = [];
  private nextId = 1;
  readonly events: FaultEvent[] = [];
  readonly malformedRows: MalformedRowReport[] = [];

  constructor(seed = 1) {
    this.rng = Rng.from(seed, 'faults');
  }

  inject(spec: FaultSpec): string {
    const id = `fault-${this.nextId++}`;
    const remaining = spec.count ?? (spec.probability === undefined ? 1 : undefined);
    this.active.push({ id, spec, remaining });
    return id;
  }

  remove(id: string): void {
    const index = this.active.findIndex((f) => f.id === id);
    if (index >= 0) this.active.splice(index, 1);
  }

  clear(): void {
    this.active.length = 0;
  }

  list(): readonly ActiveFault[] {
    return this.active;
  }

  /**
   * The fault (of the given kinds) that fires for this request, consuming one use. Kinds are
   * tried in the caller's order so a request never gets two faults of the same phase.
   */
  take(
    kinds: readonly FaultKind[],
    request: {
      kind: 'list' | 'detail' | 'domains' | 'token';
      tenantId?: string;
      path: string;
      atMs: number;
    }
  ): ActiveFault | undefined {
    for (const fault of this.active) {
      const { spec } = fault;
      if (!kinds.includes(spec.kind)) continue;
      if (!targetMatches(spec.target ?? DEFAULT_TARGET[spec.kind], request.kind)) continue;
      if (spec.tenantId && request.tenantId && spec.tenantId.toLowerCase() !== request.tenantId)
        continue;
      if (spec.probability !== undefined && !this.rng.chance(spec.probability)) continue;
      if (fault.remaining !== undefined) {
        fault.remaining--;
        if (fault.remaining <= 0) this.remove(fault.id);
      }
      this.events.push({
        faultId: fault.id,
        kind: spec.kind,
        atMs: request.atMs,
        path: request.path,
        ...(request.tenantId ? { tenantId: request.tenantId } : {}),
      });
      return fault;
    }
    return undefined;
  }

  /** Breaks some rows of a page in place and records which. */
  breakRows(
    fault: ActiveFault,
    rows: Array<Record<string, unknown>>,
    meta: { atMs: number; path: string }
  ): void {
    if (fault.spec.kind !== 'malformedRows') return;
    const variants = fault.spec.variants ?? ['missingId', 'invalidDate', 'sizeWrongType'];
    const count = Math.min(rows.length, fault.spec.rowsPerPage ?? variants.length);
    for (const [n, index] of this.rng.sampleIndexes(rows.length, count).entries()) {
      const row = rows[index]!;
      const variant = variants[n % variants.length]!;
      this.malformedRows.push({
        faultId: fault.id,
        atMs: meta.atMs,
        path: meta.path,
        index,
        variant,
        id: String(row.id),
        recipientAddress: String(row.recipientAddress),
      });
      if (variant === 'missingId') delete row.id;
      else if (variant === 'invalidDate') row.receivedDateTime = '2026-13-45T99:99:99Z';
      else row.size = String(row.size);
    }
  }
}
