import { Client } from '@elastic/elasticsearch';
import { latestStatusFilter } from './latest_status';
import { LatestStatusCache } from './latest_status_slices';
import { FIELDS, timeRange, type ViewTarget } from './view_scope';

/**
 * The look-up against the real node over a handful of rows across two UTC days, with and without
 * the cache of days, as observations arrive.
 */
const url = process.env.ES_URL;
if (!url) throw new Error('ES_URL is not set: run through the integration project or set it');
const es = new Client({ node: url });
const index = `emt-latest-status-${Date.now().toString(36)}`;
const DAY1 = '2026-03-01';
const DAY2 = '2026-03-02';
let clockMs = Date.parse('2026-03-03T00:00:00Z');
const cache = new LatestStatusCache({ now: () => clockMs });
const searches: string[] = [];

const target = (withCache: boolean): ViewTarget => ({
  client: {
    transport: es.transport,
    search: ((request: { aggs?: Record<string, unknown> }) => {
      searches.push(Object.keys(request.aggs ?? {}).join(','));
      return es.search(request as never);
    }) as never,
  },
  index,
  ...(withCache ? { latestStatusCache: cache } : {}),
});

async function observe(row: string, time: string, status: string) {
  await es.index({
    index,
    refresh: true,
    document: {
      '@timestamp': time,
      [FIELDS.rowId]: row,
      [FIELDS.status]: status,
      [FIELDS.connectionId]: 'c1',
    },
  });
}

/** Rows the view counts, each in its latest status. */
async function latestRows(withCache: boolean, start: string, end: string, rows?: string[]) {
  const viewFilters = [
    timeRange(start, end),
    ...(rows ? [{ terms: { [FIELDS.rowId]: rows } }] : []),
  ];
  const latest = await latestStatusFilter(
    target(withCache),
    { start, end, connectionIds: ['c1'] },
    { filters: viewFilters, narrowed: rows !== undefined }
  );
  const response = await es.search({
    index,
    size: 100,
    query: { bool: { filter: viewFilters, must_not: latest.mustNot } },
  });
  const latestRows = response.hits.hits.map((hit) => {
    const source = hit._source as Record<string, string>;
    return `${source[FIELDS.rowId]}:${source[FIELDS.status]}`;
  });
  return { rows: latestRows.sort(), latest };
}

beforeAll(async () => {
  await es.indices.create({
    index,
    mappings: {
      properties: {
        '@timestamp': { type: 'date' },
        [FIELDS.rowId]: { type: 'keyword' },
        [FIELDS.status]: { type: 'keyword' },
        [FIELDS.connectionId]: { type: 'keyword' },
      },
    },
  });
  await observe('settled', `${DAY1}T08:00:00Z`, 'gettingStatus');
  await observe('settled', `${DAY1}T08:00:00Z`, 'delivered');
  await observe('recalled', `${DAY1}T09:00:00Z`, 'delivered');
  await observe('recalled', `${DAY1}T09:00:00Z`, 'recalled');
  await observe('twice-transient', `${DAY1}T23:59:59Z`, 'gettingStatus');
  await observe('twice-transient', `${DAY1}T23:59:59Z`, 'pending');
  await observe('in-flight', `${DAY2}T10:00:00Z`, 'pending');
  await observe('plain', `${DAY2}T11:00:00Z`, 'failed');
});

afterAll(async () => {
  await es.indices.delete({ index, ignore_unavailable: true });
  await es.close();
});

describe('latestStatusFilter', () => {
  it('counts each row once, in its latest status, across days', async () => {
    const { rows, latest } = await latestRows(false, `${DAY1}T00:00:00Z`, `${DAY2}T23:00:00Z`);
    expect(rows).toEqual([
      'in-flight:pending',
      'plain:failed',
      'recalled:recalled',
      'settled:delivered',
      'twice-transient:pending',
    ]);
    // Eight observations, five rows: three observations were replaced by a later one.
    expect(latest.qualityOf(rows.length)).toEqual({ exact: true, rowsWithStatusChanges: 3 });
  });

  it('looks up whole days but reports only what the view holds', async () => {
    const { rows, latest } = await latestRows(false, `${DAY1}T08:30:00Z`, `${DAY2}T10:30:00Z`);
    expect(rows).toEqual(['in-flight:pending', 'recalled:recalled', 'twice-transient:pending']);
    expect(latest.qualityOf(rows.length)).toEqual({ exact: true, rowsWithStatusChanges: 2 });
  });

  it('looks a narrow search up directly, whatever the days hold', async () => {
    searches.length = 0;
    const { rows, latest } = await latestRows(true, `${DAY1}T00:00:00Z`, `${DAY2}T23:00:00Z`, [
      'settled',
      'in-flight',
    ]);
    expect(rows).toEqual(['in-flight:pending', 'settled:delivered']);
    expect(latest.qualityOf(rows.length)).toEqual({ exact: true, rowsWithStatusChanges: 1 });
    expect(searches.sort()).toEqual(['', 'gettingStatus,pending,recalled', 'rows']);
  });

  it('answers unchanged days from the cache and looks a day up again once it changes', async () => {
    const range = [`${DAY1}T00:00:00Z`, `${DAY2}T23:00:00Z`] as const;
    await latestRows(true, ...range);
    searches.length = 0;
    expect((await latestRows(true, ...range)).rows).toContain('in-flight:pending');
    // Only the count of the days: both were answered from the cache.
    expect(searches).toEqual(['days,inView']);

    await observe('in-flight', `${DAY2}T10:00:00Z`, 'delivered');
    searches.length = 0;
    const { rows } = await latestRows(true, ...range);
    expect(rows).toContain('in-flight:delivered');
    expect(rows).not.toContain('in-flight:pending');
    // The changed day's two searches (rows in flux, then which settled); the other day cached.
    expect(searches).toEqual(['days,inView', 'gettingStatus,pending,recalled', 'rows']);
  });

  it('forgets a day after the time to live', async () => {
    const range = [`${DAY1}T00:00:00Z`, `${DAY2}T23:00:00Z`] as const;
    await latestRows(true, ...range);
    clockMs += 16 * 60_000;
    searches.length = 0;
    await latestRows(true, ...range);
    expect(searches.filter((search) => search.startsWith('gettingStatus'))).toHaveLength(2);
  });
});
