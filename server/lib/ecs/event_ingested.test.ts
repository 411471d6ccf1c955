import { messageTraceMappings } from '../data_stream/mappings';
import { withEventIngested } from './event_ingested';

describe('withEventIngested', () => {
  it('adds event.ingested as an ISO date, keeping the other event fields, on a copy', () => {
    const document = { '@timestamp': '2026-12-02T01:00:00.000Z', event: { outcome: 'success' } };
    expect(withEventIngested(document, Date.parse('2026-12-02T06:00:00.123Z'))).toEqual({
      '@timestamp': '2026-12-02T01:00:00.000Z',
      event: { outcome: 'success', ingested: '2026-12-02T06:00:00.123Z' },
    });
    expect(document.event).toEqual({ outcome: 'success' });
  });

  it('is mapped as a date, which the rules range on', () => {
    const event = messageTraceMappings.properties?.event as {
      properties: Record<string, unknown>;
    };
    expect(event.properties.ingested).toEqual({ type: 'date' });
  });
});
