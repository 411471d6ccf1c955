import * as t from 'io-ts';
import { formatCodecErrors } from '../codec_errors';
import { wholeNumber, withFieldCheck } from '../http_api/view_codecs';
import { connectionIdsCodec, namespacesCodec } from '../http_api/views';
import { UNDELIVERED_STATUSES } from '../message_status';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time';

/**
 * The rule types' params: the one definition the server validates with (`validate.params`) and
 * the browser's params editors check against before they save.
 */

export const RULE_TYPE_IDS = {
  suspiciousSender: 'exchangeMessageTrace.suspiciousSender',
  deliveryFailures: 'exchangeMessageTrace.deliveryFailures',
  collectionHealth: 'exchangeMessageTrace.collectionHealth',
} as const;
export type RuleTypeId = (typeof RULE_TYPE_IDS)[keyof typeof RULE_TYPE_IDS];

/** The highest score a sender can reach: every reason's weight (sender_score.ts REASON_WEIGHTS). */
export const MAX_SENDER_SCORE = 190;
const MAX_WINDOW_HOURS = 30 * (DAY_MS / HOUR_MS);

/**
 * The connections a rule reads (an MSSP's one tenant), as the views' filter names them; every
 * connection when absent or empty, as rules saved before it had the param.
 */
const connectionIdsParam = t.partial({ connectionIds: connectionIdsCodec });
/** The connections and namespaces a rule reads, as the page it was made from; all when absent. */
const sourcesParam = t.partial({ connectionIds: connectionIdsCodec, namespaces: namespacesCodec });

export const suspiciousSenderParamsCodec = t.intersection([
  t.type({
    /** A sender alerts when its score reaches this. */
    threshold: wholeNumber(1, MAX_SENDER_SCORE),
    /** The period each run scores, ending when the run starts. */
    windowHours: wholeNumber(1, MAX_WINDOW_HOURS),
    groupBy: t.keyof({ sender: null, domain: null }),
  }),
  sourcesParam,
]);
export type SuspiciousSenderParams = t.TypeOf<typeof suspiciousSenderParamsCodec>;

const undeliveredStatusCodec = t.keyof(
  Object.fromEntries(UNDELIVERED_STATUSES.map((status) => [status, null])) as Record<
    (typeof UNDELIVERED_STATUSES)[number],
    null
  >
);

const deliveryFailuresFields = t.intersection([
  t.type({
    /** The rows counted as failures: any of failed, quarantined, filteredAsSpam. */
    statuses: t.array(undeliveredStatusCodec),
    /** `count`: rows; `share`: percent of all rows in the window (or of the recipient domain's). */
    thresholdType: t.keyof({ count: null, share: null }),
    threshold: t.number,
    groupBy: t.keyof({ all: null, recipientDomain: null }),
    windowMinutes: wholeNumber(5, (7 * DAY_MS) / MINUTE_MS),
    /** A share is judged only over at least this many rows: 1 failure of 2 is no spike. */
    minMessages: wholeNumber(1, 1_000_000),
  }),
  sourcesParam,
]);

export const deliveryFailuresParamsCodec = withFieldCheck(deliveryFailuresFields, (params) => {
  if (params.statuses.length === 0 || new Set(params.statuses).size !== params.statuses.length) {
    return {
      key: 'statuses',
      value: params.statuses,
      message: `must name each of ${UNDELIVERED_STATUSES.join(', ')} at most once, and at least one`,
    };
  }
  const { threshold, thresholdType } = params;
  if (thresholdType === 'share' && !(threshold > 0 && threshold <= 100)) {
    return { key: 'threshold', value: threshold, message: 'must be a percentage above 0, to 100' };
  }
  if (thresholdType === 'count' && !(Number.isInteger(threshold) && threshold >= 1)) {
    return {
      key: 'threshold',
      value: threshold,
      message: 'must be a whole number of rows, 1 or more',
    };
  }
  return undefined;
});
export type DeliveryFailuresParams = t.TypeOf<typeof deliveryFailuresFields>;

export const collectionHealthParamsCodec = t.intersection([
  t.type({
    /** Throttled by Graph with no successful run for longer than this. */
    throttledMinutes: wholeNumber(1, (DAY_MS / MINUTE_MS) * 7),
    /** Collected data older than this (now − collected until). */
    lagMinutes: wholeNumber(5, (DAY_MS / MINUTE_MS) * 30),
    /** A client secret or certificate that expires within this many days. */
    expiryDays: wholeNumber(1, 365),
  }),
  connectionIdsParam,
]);
export type CollectionHealthParams = t.TypeOf<typeof collectionHealthParamsCodec>;

/** Kibana's `validate.params` contract: the params, or an Error whose message names the fields. */
export function paramsValidator<A>(codec: t.Decoder<unknown, A>) {
  return {
    validate(params: unknown): A {
      const decoded = codec.decode(params);
      if (decoded._tag === 'Left') throw new Error(formatCodecErrors(decoded.left).join('; '));
      return decoded.right;
    },
  };
}

/** Each field's problems, as a params editor shows them under its field. */
export function paramsErrors(codec: t.Decoder<unknown, unknown>, params: unknown) {
  const decoded = codec.decode(params);
  const errors: Record<string, string[]> = {};
  if (decoded._tag === 'Right') return errors;
  for (const line of formatCodecErrors(decoded.left)) {
    const separator = line.indexOf(': ');
    const field = separator > 0 ? line.slice(0, separator) : '';
    (errors[field] ??= []).push(separator > 0 ? line.slice(separator + 2) : line);
  }
  return errors;
}
