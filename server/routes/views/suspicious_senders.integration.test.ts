import {
  KNOWN_SENDERS_API_PATH,
  SUSPICIOUS_SENDERS_API_PATH,
  knownSenderPath,
  type ListKnownSendersResponse,
  type SenderReasonCode,
  type SuspiciousSendersResponse,
} from '../../../common/http_api/views';
import type { GraphEmulator, PlantedKind } from '../../../test/graph_emulator';
import { startEmulatedGraphHost } from '../../../test/host/emulated_graph_host';
import type { KibanaHost } from '../../../test/host/kibana_host';
import { callRoute } from '../../../test/host/test_support';
import {
  BASELINE_DAYS,
  PERIOD_DAYS,
  collectViewsTenant,
  type ViewsTenant,
} from '../../../test/host/views_tenant';

const DAY = 86_400_000;

/** The reason each planted sender is there for. */
const EXPECTED_REASON: Record<PlantedKind, SenderReasonCode> = {
  lookalikeDomain: 'lookalikeDomain',
  homoglyphDomain: 'lookalikeDomain',
  spray: 'manyRecipients',
  spamHeavy: 'undeliveredRatio',
  spoofedLocalDomain: 'ownDomainFromOutside',
  newSourceNetwork: 'newSourceNetwork',
};

describe('suspicious senders over the collected synthetic tenant', () => {
  let host: KibanaHost;
  let emulator: GraphEmulator;
  let tenant: ViewsTenant;
  let request: Record<string, unknown>;

  beforeAll(async () => {
    ({ host, emulator } = await startEmulatedGraphHost());
    tenant = await collectViewsTenant(host, emulator, { seed: 9502 });
    request = {
      start: new Date(tenant.anchorMs - PERIOD_DAYS * DAY).toISOString(),
      end: new Date(tenant.collected.endMs).toISOString(),
      baselineDays: BASELINE_DAYS,
      connectionIds: [tenant.connection.id],
    };
  }, 240_000);

  afterAll(async () => {
    await host.stop();
    await emulator.stop();
  });

  const senders = async (body: Record<string, unknown> = request) => {
    const response = await callRoute(host, 'POST', SUSPICIOUS_SENDERS_API_PATH, {
      user: 'soc_analyst',
      body,
    });
    expect(response.status).toBe(200);
    return response.body as SuspiciousSendersResponse;
  };

  it('ranks the planted senders on top, each with the reason it was planted for', async () => {
    const body = await senders();
    const planted = tenant.synthetic.plantedSenders;
    const top = body.senders.slice(0, planted.length);
    expect(new Set(top.map((sender) => sender.sender))).toEqual(
      new Set(planted.map((p) => p.senderAddress))
    );
    for (const p of planted) {
      const found = top.find((sender) => sender.sender === p.senderAddress)!;
      expect(found.reasons.map((reason) => reason.code)).toContain(EXPECTED_REASON[p.kind]);
      for (const reason of found.reasons) expect(reason.explanation.length).toBeGreaterThan(20);
      expect(found.score).toBe(found.reasons.reduce((sum, reason) => sum + reason.weight, 0));
    }
    const spray = top.find(
      (s) => s.sender === planted.find((p) => p.kind === 'spray')!.senderAddress
    )!;
    // The burst picks its ~80 recipients at random: count the distinct ones the emulator served.
    const sprayRecipients = new Set(
      emulator
        .truthObservations(tenant.tenantId, {
          start: Date.parse(request.start as string),
          end: Date.parse(request.end as string),
          at: Date.now(),
        })
        .filter(
          (row) => tenant.source.find(row.id, row.recipientAddress)!.senderAddress === spray.sender
        )
        .map((row) => row.recipientAddress.toLowerCase())
    );
    expect(sprayRecipients.size).toBeGreaterThan(60);
    expect(spray.recipients).toBe(sprayRecipients.size);
    expect(spray.reasons.map((reason) => reason.code)).toContain('firstSeen');
    expect(body.baseline.hasData).toBe(true);
    expect(body.localDomains.sort()).toEqual(['contoso.co.uk', 'contoso.com']);
  });

  it('does not list the busy legitimate senders', async () => {
    const { population } = tenant.synthetic;
    const listed = new Set((await senders()).senders.map((sender) => sender.sender));
    for (const legitimate of [...population.newsletters, ...population.partners]) {
      expect(listed.has(legitimate.address)).toBe(false);
    }
  });

  it('ranks sending domains too', async () => {
    const body = await senders({ ...request, groupBy: 'domain' });
    const domains = body.senders.map((sender) => sender.sender);
    expect(domains).toEqual(expect.arrayContaining(['c0ntoso.com', 'docsign-secure.net']));
    expect(domains).not.toContain('email.northwindtraders.com');
  });

  it('leaves out a known-good sender, reversibly; only managers may mark one', async () => {
    const spam = tenant.synthetic.plantedSenders.find((p) => p.kind === 'spamHeavy')!.senderAddress;
    const refused = await callRoute(host, 'POST', KNOWN_SENDERS_API_PATH, {
      user: 'soc_analyst',
      body: { sender: spam },
    });
    expect(refused.status).toBe(403);

    const marked = await callRoute(host, 'POST', KNOWN_SENDERS_API_PATH, {
      user: 'mail_admin',
      body: { sender: spam.toUpperCase(), note: 'Our marketing vendor' },
    });
    // Stored lower-cased, with who marked it.
    expect(marked).toEqual({
      status: 200,
      body: {
        sender: spam,
        note: 'Our marketing vendor',
        markedAt: expect.any(String),
        markedBy: 'mail_admin',
      },
    });
    const list = await callRoute(host, 'GET', KNOWN_SENDERS_API_PATH, { user: 'soc_analyst' });
    expect((list.body as ListKnownSendersResponse).knownSenders.map((k) => k.sender)).toContain(
      spam
    );

    const hidden = await senders();
    expect(hidden.senders.map((sender) => sender.sender)).not.toContain(spam);
    expect(hidden.knownGoodHidden).toBe(1);
    const shown = await senders({ ...request, includeKnownGood: true });
    expect(shown.senders.find((sender) => sender.sender === spam)).toMatchObject({
      knownGood: true,
    });

    const unmarked = await callRoute(host, 'DELETE', knownSenderPath(spam), { user: 'mail_admin' });
    expect(unmarked.status).toBe(204);
    expect((await senders()).senders.map((sender) => sender.sender)).toContain(spam);
    const again = await callRoute(host, 'DELETE', knownSenderPath(spam), { user: 'mail_admin' });
    expect(again.status).toBe(404);
  });

  it('validates the request field by field', async () => {
    const response = await callRoute(host, 'POST', SUSPICIOUS_SENDERS_API_PATH, {
      user: 'soc_analyst',
      body: { start: 'yesterday', end: request.end, baselineDays: 0 },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('start: must be a date');
    expect(response.body.message).toContain('baselineDays: must be a whole number from 1 to 60');
  });
});
