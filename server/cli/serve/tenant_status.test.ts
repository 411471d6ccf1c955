import { prometheusText, TenantStatus } from './tenant_status';

describe('prometheusText', () => {
  it('writes one series per tenant and metric, with help and type, escaping label values', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    const healthy = new TenantStatus('contoso', 't1', 'default', 60);
    healthy.set('caught up');
    healthy.collectedUntil = now - 90_000;
    healthy.lastSuccessAt = now - 1500;
    healthy.documents = 1234;
    healthy.graphRequests = 7;
    const failing = new TenantStatus('fab"rikam', 't2', 'fab', 40);
    failing.set('failing', 'AADSTS7000215', 'authentication');

    const lines = prometheusText([healthy, failing], now).split('\n');

    expect(lines).toContain('# TYPE exchange_message_trace_lag_seconds gauge');
    expect(lines).toContain(
      'exchange_message_trace_lag_seconds{tenant="contoso",namespace="default"} 90'
    );
    // No checkpoint read yet: no lag rather than a made-up one.
    expect(
      lines.filter((line) => line.startsWith('exchange_message_trace_lag_seconds{'))
    ).toHaveLength(1);
    expect(lines).toContain(
      'exchange_message_trace_documents_total{tenant="contoso",namespace="default"} 1234'
    );
    expect(lines).toContain(
      'exchange_message_trace_last_success_timestamp_seconds{tenant="contoso",namespace="default"} 1796205598'
    );
    expect(lines).toContain(
      'exchange_message_trace_failing{tenant="fab\\"rikam",namespace="fab",kind="authentication"} 1'
    );
    expect(lines).toContain(
      'exchange_message_trace_failing{tenant="contoso",namespace="default"} 0'
    );
    expect(lines).toContain(
      'exchange_message_trace_budget_limit{tenant="fab\\"rikam",namespace="fab"} 40'
    );
  });
});
