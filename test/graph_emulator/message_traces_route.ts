/**
 * `GET /{v1.0|beta}/admin/exchange/tracing/messageTraces` (reference A1–A6): `$filter` with both
 * receivedDateTime bounds (≤ 10 days, start ≥ now − 90 days, end ≤ now) or none (previous 48 h),
 * `$top` 1–5000 (default 1000), newest rows first, `@odata.nextLink` = the full URL with the
 * original query plus `$skiptoken` (beta: `$skipToken`), `Prefer: include-unknown-enum-members`
 * for `recalled`, and beta's PascalCase statuses.
 */
import { graphErrors } from './graph_errors';
import { header, jsonResponse, type EmulatorRequest, type EmulatorResponse } from './http_types';
import { FilterError, matchesFilter, parseFilter, type ParsedFilter } from './odata_filter';
import { queryFingerprint, type SkipTokenCodec } from './skip_token';
import type { EmulatedTenant } from './tenant_registry';
import {
  formatGraphDateTime,
  isAfterCursor,
  statusAt,
  type Cursor,
  type TraceRecord,
  type TraceStatus,
} from './trace_record';
import { DAY_MS } from '../../common/time';

export type ApiVersion = 'v1.0' | 'beta';

export { DAY_MS };
export const MAX_INTERVAL_MS = 10 * DAY_MS;
export const RETENTION_MS = 90 * DAY_MS;
export const DEFAULT_WINDOW_MS = 2 * DAY_MS;
export const DEFAULT_TOP = 1000;
export const MAX_TOP = 5000;

export const GRAPH_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const UNSUPPORTED_OPTIONS = ['$orderby', '$select', '$count', '$skip', '$expand', '$search'];

export interface TraceRouteContext {
  nowMs: number;
  tenant: EmulatedTenant;
  version: ApiVersion;
  skipTokens: SkipTokenCodec;
  skipTokenTtlMs: number;
  /** Tolerance for an end bound slightly ahead of the server clock. */
  endSkewMs: number;
}

export interface ListOutcome {
  response: EmulatorResponse;
  /** Rows returned (for the request log), and their positions for the malformed-rows fault. */
  rowCount: number;
}

/** Graph's wire value for a status: v1.0 camelCase, beta PascalCase; `recalled` is evolvable. */
export function renderStatus(
  status: TraceStatus,
  version: ApiVersion,
  includeUnknownMembers: boolean
): string {
  const value =
    status === 'recalled' && (version === 'beta' || !includeUnknownMembers)
      ? 'unknownFutureValue'
      : status;
  return version === 'beta' ? value.charAt(0).toUpperCase() + value.slice(1) : value;
}

export function renderRow(record: TraceRecord, status: string): Record<string, unknown> {
  // Property order of Microsoft's v1.0 sample response.
  return {
    id: record.id,
    senderAddress: record.senderAddress,
    recipientAddress: record.recipientAddress,
    messageId: record.messageId,
    receivedDateTime: formatGraphDateTime(record.receivedMs),
    subject: record.subject,
    size: record.size,
    fromIP: record.fromIP,
    toIP: record.toIP,
    status,
  };
}

export function prefersUnknownEnumMembers(request: EmulatorRequest): boolean {
  return (header(request, 'prefer') ?? '')
    .split(',')
    .some((p) => p.trim().toLowerCase() === 'include-unknown-enum-members');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function option(params: URLSearchParams, name: string): string | null {
  for (const [key, value] of params) if (key.toLowerCase() === name) return value;
  return null;
}

export function listMessageTraces(request: EmulatorRequest, ctx: TraceRouteContext): ListOutcome {
  const bad = (message: string): ListOutcome => ({
    response: graphErrors.badRequest(request, ctx.nowMs, message),
    rowCount: 0,
  });
  const params = request.url.searchParams;
  for (const key of params.keys()) {
    if (UNSUPPORTED_OPTIONS.includes(key.toLowerCase()))
      return bad(`Query option '${key}' is not supported for messageTraces.`);
  }
  const filterText = option(params, '$filter');
  const topText = option(params, '$top');
  const top = topText === null ? DEFAULT_TOP : /^\d+$/.test(topText.trim()) ? Number(topText) : NaN;
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    return bad(`Invalid value '${topText}' for $top. The value must be between 1 and ${MAX_TOP}.`);
  }
  let filter: ParsedFilter;
  try {
    filter = filterText === null ? { equals: [], subject: [] } : parseFilter(filterText);
  } catch (error) {
    if (error instanceof FilterError) return bad(error.message);
    throw error;
  }
  const fingerprint = queryFingerprint(filterText, top);
  const skipToken = option(params, '$skiptoken');
  let asOfMs = ctx.nowMs;
  let cursor: Cursor | undefined;
  let startMs: number;
  let endMs: number;
  if (skipToken !== null) {
    const state = ctx.skipTokens.decode(skipToken);
    if (!state || state.tenantId !== ctx.tenant.tenantId || state.query !== fingerprint) {
      return bad('The $skiptoken is invalid. Follow @odata.nextLink exactly as returned.');
    }
    if (state.expiresAtMs <= ctx.nowMs)
      return bad('The $skiptoken has expired. Restart the query.');
    ({ asOfMs, cursor, startMs, endMs } = state);
  } else {
    const window = validateWindow(filter, ctx);
    if (typeof window === 'string') return bad(window);
    ({ startMs, endMs } = window);
  }

  const rows: TraceRecord[] = [];
  let more = false;
  const scanEnd = cursor ? Math.min(endMs, cursor.receivedMs) : endMs;
  for (const record of ctx.tenant.source.descending(startMs, scanEnd)) {
    if (record.availableAtMs > asOfMs) continue;
    if (cursor && !isAfterCursor(record, cursor)) continue;
    if (!matchesFilter(record, statusAt(record, asOfMs), filter)) continue;
    if (rows.length === top) {
      more = true;
      break;
    }
    rows.push(record);
  }

  const unknownMembers = prefersUnknownEnumMembers(request);
  const base = `${request.origin}/${ctx.version}/admin/exchange/tracing/messageTraces`;
  const body: Record<string, unknown> = {
    '@odata.context': `${request.origin}/${ctx.version}/$metadata#admin/exchange/tracing/messageTraces`,
    value: rows.map((r) =>
      renderRow(r, renderStatus(statusAt(r, ctx.nowMs), ctx.version, unknownMembers))
    ),
  };
  if (more) {
    const last = rows[rows.length - 1]!;
    const token = ctx.skipTokens.encode({
      tenantId: ctx.tenant.tenantId,
      query: fingerprint,
      asOfMs,
      cursor: { receivedMs: last.receivedMs, id: last.id, recipientAddress: last.recipientAddress },
      startMs,
      endMs,
      expiresAtMs: ctx.nowMs + ctx.skipTokenTtlMs,
    });
    // Keep the caller's query exactly (it "carries the original query options"), swap the token.
    const kept = request.url.search
      .replace(/^\?/, '')
      .split('&')
      .filter((part) => part && safeDecode(part.split('=')[0]!).toLowerCase() !== '$skiptoken');
    const name = ctx.version === 'beta' ? '$skipToken' : '$skiptoken';
    body['@odata.nextLink'] = `${base}?${[...kept, `${name}=${token}`].join('&')}`;
  }
  return {
    response: jsonResponse(200, body, { 'Content-Type': GRAPH_JSON }),
    rowCount: rows.length,
  };
}

function validateWindow(
  filter: ParsedFilter,
  ctx: TraceRouteContext
): { startMs: number; endMs: number } | string {
  if (filter.start === undefined && filter.end === undefined) {
    return { startMs: ctx.nowMs - DEFAULT_WINDOW_MS, endMs: ctx.nowMs };
  }
  if (filter.start === undefined || filter.end === undefined) {
    return "Both bounds of receivedDateTime must be specified: 'receivedDateTime ge {start} and receivedDateTime le {end}'.";
  }
  if (filter.start > filter.end)
    return 'The start of the receivedDateTime range must be earlier than its end.';
  if (filter.end - filter.start > MAX_INTERVAL_MS)
    return 'The receivedDateTime range must not exceed 10 days.';
  if (filter.start < ctx.nowMs - RETENTION_MS)
    return 'The start of the receivedDateTime range must not be more than 90 days before the current date.';
  if (filter.end > ctx.nowMs + ctx.endSkewMs)
    return 'The end of the receivedDateTime range must not be later than the current date.';
  return { startMs: filter.start, endMs: filter.end };
}
