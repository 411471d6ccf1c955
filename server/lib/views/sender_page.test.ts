import type { SuspiciousSender } from '../../../common/http_api/views';
import type { SenderReasonCode } from '../../../common/sender_reasons';
import { pageOfSenders } from './sender_page';

const sender = (
  name: string,
  score: number,
  messages: number,
  codes: SenderReasonCode[]
): SuspiciousSender => ({
  sender: name,
  score,
  reasons: codes.map((code) => ({ code, weight: 10, explanation: code })),
  messages,
  recipients: 1,
  undelivered: 0,
  sourceIps: [],
  firstSeen: '2026-11-20T00:00:00.000Z',
  lastSeen: `2026-11-20T0${messages % 10}:00:00.000Z`,
  knownGood: false,
});

const ranked = [
  sender('c@x.example', 60, 5, ['lookalikeDomain', 'firstSeen']),
  sender('a@x.example', 40, 9, ['undeliveredRatio']),
  sender('b@x.example', 40, 2, ['lookalikeDomain']),
  sender('d@x.example', 10, 7, ['firstSeen']),
];
const names = (senders: SuspiciousSender[]) => senders.map((s) => s.sender);

describe('pageOfSenders', () => {
  it('keeps the ranking by default, ties by volume', () => {
    expect(names(pageOfSenders(ranked, {}).senders)).toEqual([
      'c@x.example',
      'a@x.example',
      'b@x.example',
      'd@x.example',
    ]);
  });

  it('sorts by a column either way, ties in rank order', () => {
    expect(
      names(pageOfSenders(ranked, { sortField: 'messages', sortDirection: 'asc' }).senders)
    ).toEqual(['b@x.example', 'c@x.example', 'd@x.example', 'a@x.example']);
    expect(
      names(pageOfSenders(ranked, { sortField: 'sender', sortDirection: 'asc' }).senders)
    ).toEqual(['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example']);
    expect(
      names(pageOfSenders(ranked, { sortField: 'score', sortDirection: 'asc' }).senders)
    ).toEqual(['d@x.example', 'b@x.example', 'a@x.example', 'c@x.example']);
  });

  it('keeps senders with any asked reason, and counts them over every page', () => {
    const page = pageOfSenders(ranked, {
      reasons: ['lookalikeDomain', 'undeliveredRatio'],
      pageIndex: 1,
      pageSize: 2,
    });
    expect(page).toEqual({ senders: [ranked[2]], total: 3 });
  });
});
