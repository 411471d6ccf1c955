import type { estypes } from '@elastic/elasticsearch';

/**
 * Elastic Security's prebuilt rules that read this dataset, as the query DSL their engines run.
 * Written from the rules' text (elastic/detection-rules @ 14cf530f0d2177023092449cd9d9348b4a8884c2,
 * as gathered in shared/reference/elastic_security_and_analyst_tools.md §3), not from our code:
 * - ES|QL `==` is a term, `in` terms, `like` a case-sensitive wildcard;
 * - KQL `field:*` is an exists query;
 * - a threat_match rule adds, per indicator, one `match` of the event field against the indicator's
 *   value for each mapping entry (security_solution `createInnerAndClauses`).
 */
export interface PrebuiltRule {
  name: string;
  ruleId: string;
  index: string[];
  /** The rule's look-back, to `now`. */
  from: string;
  query: estypes.QueryDslQueryContainer;
}

const like = (pattern: string): estypes.QueryDslQueryContainer => ({
  wildcard: { 'email.subject': { value: pattern } },
});

const anyOf = (clauses: estypes.QueryDslQueryContainer[]): estypes.QueryDslQueryContainer => ({
  bool: { should: clauses, minimum_should_match: 1 },
});

const exists = (field: string): estypes.QueryDslQueryContainer => ({ exists: { field } });

/** The subject patterns of initial_access_azure_monitor_callback_phishing_email.toml, in order. */
const FINANCIAL_SUBJECTS = [
  '*INV-*',
  '*invoice*',
  '*payment*',
  '*order-*',
  '*purchase*',
  '*funds*',
  '*receipt*',
  '*billing*',
  '*transaction*',
  '*refund*',
  '*charge*',
  '*subscription*',
  '*renewal*',
  '*overdue*',
  '*past due*',
  '*amount due*',
  '*wire transfer*',
  '*bank account*',
  '*credit card*',
  '*financial*',
  '*remittance*',
];

export const azureMonitorFinancialTheme: PrebuiltRule = {
  name: 'M365 Azure Monitor Alert Email with Financial or Billing Theme',
  ruleId: 'a6129187-c47b-48ab-a412-67a44836d918',
  index: ['logs-microsoft_exchange_online_message_trace.*'],
  from: 'now-9m',
  query: {
    bool: {
      filter: [
        { term: { 'data_stream.dataset': 'microsoft_exchange_online_message_trace.log' } },
        { term: { 'email.from.address': 'azure-noreply@microsoft.com' } },
        { terms: { 'event.outcome': ['success', 'unknown'] } },
        like('*Azure Monitor alert*'),
        anyOf(FINANCIAL_SUBJECTS.map(like)),
      ],
    },
  },
};

function indicatorMatch(fields: string[], indicators: string[]): estypes.QueryDslQueryContainer {
  return anyOf(
    indicators.flatMap((indicator) => fields.map((field) => ({ match: { [field]: indicator } })))
  );
}

const EMAIL_FIELDS = [
  'email.from.address',
  'email.sender.address',
  'email.reply_to.address',
  'email.to.address',
];

export function threatIntelEmailMatch(indicators: string[]): PrebuiltRule {
  return {
    name: 'Threat Intel Email Indicator Match',
    ruleId: 'fcf18de8-ad7d-4d01-b3f7-a11d5b3883af',
    index: ['filebeat-*', 'logs-*'],
    from: 'now-65m',
    query: {
      bool: {
        filter: [anyOf(EMAIL_FIELDS.map(exists)), indicatorMatch(EMAIL_FIELDS, indicators)],
      },
    },
  };
}

export function threatIntelIpMatch(indicators: string[]): PrebuiltRule {
  const fields = ['source.ip', 'destination.ip'];
  return {
    name: 'Threat Intel IP Address Indicator Match',
    ruleId: '0c41e478-5263-4c69-8f9e-7dfd2c22da64',
    index: ['auditbeat-*', 'endgame-*', 'filebeat-*', 'logs-*', 'packetbeat-*', 'winlogbeat-*'],
    from: 'now-65m',
    query: { bool: { filter: [anyOf(fields.map(exists)), indicatorMatch(fields, indicators)] } },
  };
}

/**
 * The detection engine's window with `timestamp_override = "event.ingested"` and the fallback on:
 * the override in range, or absent and `@timestamp` in range. elastic/kibana
 * x-pack/solutions/security/plugins/security_solution/server/lib/detection_engine/rule_types/utils/build_events_query.ts
 * @ 8554dcacd1eb9a827c8d9ea44a3b4aa7f884baa7 (`buildTimeRangeFilter`).
 */
export function ruleWindow(from: string): estypes.QueryDslQueryContainer {
  const range = (field: string) => ({
    range: { [field]: { gte: from, lte: 'now', format: 'strict_date_optional_time' } },
  });
  return anyOf([
    range('event.ingested'),
    { bool: { filter: [range('@timestamp'), { bool: { must_not: exists('event.ingested') } }] } },
  ]);
}
