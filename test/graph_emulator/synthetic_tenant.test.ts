import { SyntheticTenant } from './synthetic_tenant';
import { FINAL_STATUSES, statusAt, type TraceRecord } from './trace_record';
import { DAY, HOUR, T0 } from './test_support';

const collect = (tenant: SyntheticTenant, start: number, end: number): TraceRecord[] => [
  ...tenant.descending(start, end),
];
const domainOf = (address: string | null) => (address ?? '').split('@')[1] ?? '';

describe('SyntheticTenant', () => {
  const tenant = new SyntheticTenant({ seed: 11, rowsPerDay: 20_000, anchorMs: T0 });
  const week = collect(tenant, T0 - 7 * DAY, T0);

  it('is deterministic per seed, whatever window or order it is asked in', () => {
    const again = new SyntheticTenant({ seed: 11, rowsPerDay: 20_000, anchorMs: T0 });
    const window = collect(again, T0 - 6 * HOUR, T0 - 5 * HOUR);
    expect(window).toEqual(
      week.filter((r) => r.receivedMs >= T0 - 6 * HOUR && r.receivedMs <= T0 - 5 * HOUR)
    );
    const other = collect(
      new SyntheticTenant({ seed: 12, rowsPerDay: 20_000, anchorMs: T0 }),
      T0 - 6 * HOUR,
      T0 - 5 * HOUR
    );
    expect(other.map((r) => r.id)).not.toEqual(window.map((r) => r.id));
    const row = window[17]!;
    expect(again.find(row.id, row.recipientAddress.toUpperCase())).toEqual(row);
  });

  it('produces roughly the configured volume with a business-hours rhythm', () => {
    expect(week.length).toBeGreaterThan(7 * 20_000 * 0.85);
    expect(week.length).toBeLessThan(7 * 20_000 * 1.15);
    const hourOf = (r: TraceRecord) => new Date(r.receivedMs).getUTCHours();
    const weekday = week.filter((r) =>
      [1, 2, 3, 4, 5].includes(new Date(r.receivedMs).getUTCDay())
    );
    const tenAm = weekday.filter((r) => hourOf(r) === 10).length;
    const threeAm = weekday.filter((r) => hourOf(r) === 3).length;
    expect(tenAm).toBeGreaterThan(threeAm * 5);
  });

  it('has inbound/outbound/internal mail with realistic fields', () => {
    const inbound = week.filter((r) => r.direction === 'inbound');
    const outbound = week.filter((r) => r.direction === 'outbound');
    expect(inbound.every((r) => r.toIP === '')).toBe(true);
    expect(outbound.every((r) => typeof r.toIP === 'string' && r.toIP.length > 0)).toBe(true);
    expect(outbound.some((r) => r.fromIP === null)).toBe(true);
    expect(week.filter((r) => r.direction === 'internal').length).toBeGreaterThan(
      week.length * 0.15
    );
    expect(week.some((r) => r.senderAddress === '<>')).toBe(true);
    expect(week.some((r) => domainOf(r.senderAddress) === 'mail.contoso.com')).toBe(true);
    expect(week.some((r) => domainOf(r.recipientAddress) === 'contoso.co.uk')).toBe(true);
    expect(week.some((r) => r.subject === null)).toBe(true);
    expect(week.every((r) => r.receivedMs % 1000 === 0)).toBe(true);
  });

  it('multi-recipient messages share id and messageId, one row per recipient', () => {
    const byId = new Map<string, TraceRecord[]>();
    for (const r of week) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    const multi = [...byId.values()].filter((g) => g.length > 1);
    expect(multi.length).toBeGreaterThan(100);
    for (const group of multi.slice(0, 50)) {
      expect(new Set(group.map((r) => r.messageId)).size).toBe(1);
      expect(new Set(group.map((r) => r.recipientAddress)).size).toBe(group.length);
    }
    const newsletter = [...byId.values()].find(
      (g) => g[0]!.senderAddress === 'news@email.northwindtraders.com'
    );
    expect(newsletter!.length).toBeGreaterThan(100);
  });

  it('plants the suspicious senders it describes', () => {
    const kinds = tenant.plantedSenders.map((p) => p.kind);
    expect(kinds).toEqual([
      'lookalikeDomain',
      'homoglyphDomain',
      'spray',
      'spamHeavy',
      'spoofedLocalDomain',
      'newSourceNetwork',
    ]);
    const rowsOf = (kind: string) => week.filter((r) => r.planted === kind);
    const planted = (kind: string) => tenant.plantedSenders.find((p) => p.kind === kind)!;
    expect(planted('lookalikeDomain').senderAddress).toBe('accounts@c0ntoso.com');
    expect(planted('homoglyphDomain').senderAddress).toMatch(/^it-support@xn--/);
    expect(rowsOf('lookalikeDomain').length).toBeGreaterThan(5);
    const spray = rowsOf('spray');
    expect(new Set(spray.map((r) => r.recipientAddress)).size).toBe(80);
    expect(
      Math.max(...spray.map((r) => r.receivedMs)) - Math.min(...spray.map((r) => r.receivedMs))
    ).toBeLessThan(10 * 60_000);
    const spam = rowsOf('spamHeavy');
    const bad = spam.filter((r) =>
      ['filteredAsSpam', 'quarantined'].includes(r.timeline.at(-1)!.status)
    );
    expect(bad.length / spam.length).toBeGreaterThan(0.75);
    const spoof = rowsOf('spoofedLocalDomain');
    expect(
      spoof.every(
        (r) =>
          domainOf(r.senderAddress) === 'contoso.com' &&
          r.fromIP === '192.0.2.66' &&
          r.toIP === '' &&
          r.direction === 'inbound'
      )
    ).toBe(true);
    const partner = week.filter((r) => r.senderAddress === 'invoices@fabrikam.com');
    const switchAt = planted('newSourceNetwork').activeFromMs!;
    expect(
      partner.filter((r) => r.receivedMs < switchAt).every((r) => r.fromIP!.startsWith('40.107.'))
    ).toBe(true);
    expect(
      partner.filter((r) => r.receivedMs >= switchAt).every((r) => r.fromIP!.startsWith('192.0.2.'))
    ).toBe(true);
    expect(partner.some((r) => r.receivedMs >= switchAt)).toBe(true);
  });

  it('rows arrive late and some statuses evolve; recalled rows exist', () => {
    const latency = week.map((r) => r.availableAtMs - r.receivedMs);
    expect(
      latency.filter((l) => l >= 60_000 && l <= 600_000).length / latency.length
    ).toBeGreaterThan(0.85);
    expect(latency.some((l) => l >= HOUR)).toBe(true);
    const evolving = week.filter((r) => r.timeline.length > 1);
    expect(evolving.length).toBeGreaterThan(week.length * 0.02);
    expect(evolving.some((r) => r.timeline[0]!.status === 'pending')).toBe(true);
    expect(evolving.some((r) => r.timeline[0]!.status === 'gettingStatus')).toBe(true);
    expect(week.some((r) => r.timeline.at(-1)!.status === 'recalled')).toBe(true);
    const sample = evolving[0]!;
    expect(statusAt(sample, sample.availableAtMs)).toBe(sample.timeline[0]!.status);
    expect(statusAt(sample, sample.timeline.at(-1)!.fromMs)).toBe(sample.timeline.at(-1)!.status);
  });

  it('truthObservations reflect visibility and status at an instant; final-only tenants never change', () => {
    const at = T0 - 2 * HOUR;
    const truth = tenant.truthObservations({ start: T0 - 4 * HOUR, end: T0, at });
    const source = collect(tenant, T0 - 4 * HOUR, T0).filter((r) => r.availableAtMs <= at);
    expect(truth).toHaveLength(source.length);
    const final = new SyntheticTenant({
      seed: 11,
      rowsPerDay: 20_000,
      anchorMs: T0,
      finalStatusesOnly: true,
      lateArrivals: false,
    });
    const rows = collect(final, T0 - DAY, T0);
    expect(
      rows.every(
        (r) =>
          r.timeline.length === 1 &&
          FINAL_STATUSES.has(r.timeline[0]!.status) &&
          r.availableAtMs === r.receivedMs
      )
    ).toBe(true);
  });
});
