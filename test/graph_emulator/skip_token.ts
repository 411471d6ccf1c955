/**
 * Opaque, tamper-evident `$skiptoken`s. A token pins the query (filter + page size), the tenant,
 * the snapshot instant (rows that arrive later are not slipped into a paging run, so every row
 * available at the first page is returned exactly once) and the cursor (last row returned).
 * Altered, foreign or expired tokens are rejected with 400 like a server-side cursor would be.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Cursor } from './trace_record';

export interface SkipTokenState {
  tenantId: string;
  /** Hash of the normalised query the token belongs to. */
  query: string;
  /** Snapshot instant: availability is evaluated at this time on every page. */
  asOfMs: number;
  cursor: Cursor;
  /** Effective window, so a default (no $filter) query keeps its original 48 hours. */
  startMs: number;
  endMs: number;
  expiresAtMs: number;
}

export class SkipTokenCodec {
  private readonly key = randomBytes(32);

  encode(state: SkipTokenState): string {
    const payload = Buffer.from(
      JSON.stringify([
        state.tenantId,
        state.query,
        state.asOfMs,
        state.cursor.receivedMs,
        state.cursor.id,
        state.cursor.recipientAddress,
        state.startMs,
        state.endMs,
        state.expiresAtMs,
      ])
    );
    const mac = createHmac('sha256', this.key).update(payload).digest().subarray(0, 16);
    return Buffer.concat([mac, payload]).toString('base64url');
  }

  /** undefined when the token was not issued by this emulator or was altered. */
  decode(token: string): SkipTokenState | undefined {
    try {
      const raw = Buffer.from(token, 'base64url');
      const mac = raw.subarray(0, 16);
      const payload = raw.subarray(16);
      const expected = createHmac('sha256', this.key).update(payload).digest().subarray(0, 16);
      if (mac.length !== 16 || !timingSafeEqual(mac, expected)) return undefined;
      const [
        tenantId,
        query,
        asOfMs,
        receivedMs,
        id,
        recipientAddress,
        startMs,
        endMs,
        expiresAtMs,
      ] = JSON.parse(payload.toString('utf8')) as [
        string,
        string,
        number,
        number,
        string,
        string,
        number,
        number,
        number,
      ];
      return {
        tenantId,
        query,
        asOfMs,
        cursor: { receivedMs, id, recipientAddress },
        startMs,
        endMs,
        expiresAtMs,
      };
    } catch {
      return undefined;
    }
  }
}

export function queryFingerprint(filter: string | null, top: number): string {
  return createHmac('sha256', 'query')
    .update(`${filter ?? ''}\u0000${top}`)
    .digest('base64url')
    .slice(0, 22);
}
