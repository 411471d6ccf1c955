/**
 * The reasons a sender is suspicious: what the server scores and the page explains, filters by
 * and sums up in its legend. A score is the sum of its reasons' weights.
 */
export const SENDER_REASON_CODES = [
  'ownDomainFromOutside',
  'lookalikeDomain',
  'undeliveredRatio',
  'newSourceNetwork',
  'manyRecipients',
  'volumeSpike',
  'firstSeen',
] as const;

export type SenderReasonCode = (typeof SENDER_REASON_CODES)[number];

/** What each reason adds to a score at most; the explanations say why it applies. */
export const REASON_WEIGHTS: Record<SenderReasonCode, number> = {
  ownDomainFromOutside: 40,
  lookalikeDomain: 40,
  undeliveredRatio: 40,
  newSourceNetwork: 25,
  manyRecipients: 20,
  volumeSpike: 15,
  firstSeen: 10,
};

export const REASON_LABELS: Record<SenderReasonCode, string> = {
  ownDomainFromOutside: 'Our domain from outside',
  lookalikeDomain: 'Lookalike domain',
  undeliveredRatio: 'Often not delivered',
  newSourceNetwork: 'New source network',
  manyRecipients: 'Many recipients',
  volumeSpike: 'Volume spike',
  firstSeen: 'First seen',
};

/** Each reason in a sentence, with how its weight is reached when it is not fixed. */
export const REASON_MEANINGS: Record<SenderReasonCode, string> = {
  ownDomainFromOutside:
    'Mail claiming one of our domains came from a network none of our own senders use.',
  lookalikeDomain:
    'The sending domain imitates ours: punycode 40, look-alike characters 35, one character off or our name under another suffix 30, two characters off or our name inside it 20.',
  undeliveredRatio:
    'A quarter or more of its mail was quarantined, filtered as spam or failed: 40 times the share not delivered.',
  newSourceNetwork: 'It sent from a network of another provider than it used before.',
  manyRecipients: 'It wrote to 20 or more people, more than twice as many as before.',
  volumeSpike: 'It sent four times its usual daily volume, and at least 10 messages.',
  firstSeen: 'No mail from it before this period.',
};

/** Score bands, as the badges colour them. */
export const HIGH_SCORE = 60;
export const MEDIUM_SCORE = 30;
