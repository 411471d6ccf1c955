import type { estypes } from '@elastic/elasticsearch';
import type { MessageSearchFields } from '../../../common/http_api/views';
import { FIELDS, statusFilter } from './view_scope';

type Query = estypes.QueryDslQueryContainer;

/** `*` matches anything; every other character stands for itself, case-insensitively. */
function keywordMatch(field: string, value: string): Query {
  const trimmed = value.trim();
  if (!trimmed.includes('*')) {
    return { term: { [field]: { value: trimmed, case_insensitive: true } } };
  }
  // A run of `*` matches what one does, with a smaller automaton.
  const pattern = trimmed.replace(/[?\\]/g, (c) => `\\${c}`).replace(/\*+/g, '*');
  return { wildcard: { [field]: { value: pattern, case_insensitive: true } } };
}

/** An address matches the address field; anything without `@` also matches the domain. */
function addressOrDomain(addressField: string, domainField: string, value: string): Query {
  if (value.includes('@')) return keywordMatch(addressField, value);
  return {
    bool: {
      should: [keywordMatch(addressField, value), keywordMatch(domainField, value)],
      minimum_should_match: 1,
    },
  };
}

/** Graph writes message IDs with angle brackets; people paste them with or without. */
function messageIdMatch(value: string): Query {
  const bare = value.trim().replace(/^<|>$/g, '');
  return {
    bool: {
      should: [keywordMatch(FIELDS.messageId, `<${bare}>`), keywordMatch(FIELDS.messageId, bare)],
      minimum_should_match: 1,
    },
  };
}

function subjectMatch(value: string): Query {
  return value.includes('*')
    ? keywordMatch(FIELDS.subject, value)
    : { match: { [FIELDS.subjectText]: { query: value, operator: 'and' } } };
}

function ipMatch(value: string): Query {
  return {
    bool: {
      should: [
        { term: { [FIELDS.sourceIp]: value.trim() } },
        { term: { [FIELDS.destinationIp]: value.trim() } },
      ],
      minimum_should_match: 1,
    },
  };
}

/**
 * The messages page's search fields as filters. Status is not among them: it must apply after
 * the latest-status exclusion (see latestStatusFilter), so it comes back apart.
 */
export function messageFieldFilters(fields: MessageSearchFields): {
  filters: Query[];
  status?: Query;
  /** Whether the filters keep few rows: all but direction do. */
  narrowed: boolean;
} {
  const filters: Query[] = [];
  if (fields.sender)
    filters.push(addressOrDomain(FIELDS.sender, FIELDS.senderDomain, fields.sender));
  if (fields.recipient) {
    filters.push(addressOrDomain(FIELDS.recipient, FIELDS.recipientDomain, fields.recipient));
  }
  if (fields.subject) filters.push(subjectMatch(fields.subject));
  if (fields.messageId) filters.push(messageIdMatch(fields.messageId));
  if (fields.traceId) filters.push(keywordMatch(FIELDS.traceId, fields.traceId));
  if (fields.ip) filters.push(ipMatch(fields.ip));
  const narrowed = filters.length > 0;
  if (fields.direction?.length) filters.push({ terms: { [FIELDS.direction]: fields.direction } });
  return {
    filters,
    narrowed,
    ...(fields.statuses?.length ? { status: statusFilter(fields.statuses) } : {}),
  };
}
