import type { TrailEvent } from './http_api/views';
import { deliveryFailureOf, enhancedStatusCodeOf, explainStatusCode } from './delivery_failure';

/** Graph's Fail event for a recipient that does not exist (the shape getDetailsByRecipient returns). */
const RECIPIENT_NOT_FOUND =
  'Reason: [{LED=550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup};{MSG=};{FQDN=};{IP=};{LRT=}]. OutboundProxyTargetIP: . OutboundProxyTargetHostName: ';

const at = (minute: number) => `2026-11-24T10:0${minute}:00Z`;
const receive: TrailEvent = {
  dateTime: at(0),
  event: 'Receive',
  description: 'Message received by: X',
};

describe('delivery failures in words', () => {
  it('reads the enhanced status code after the SMTP reply code, never part of a longer number', () => {
    expect(enhancedStatusCodeOf('550 5.1.10 RESOLVER.ADR.RecipientNotFound')).toBe('5.1.10');
    expect(enhancedStatusCodeOf('451 4.4.7 Message expired')).toBe('4.4.7');
    expect(enhancedStatusCodeOf('5.7.1 Delivery not authorized')).toBe('5.7.1');
    expect(enhancedStatusCodeOf('sent to 10.4.4.7 and 2.5.4.100')).toBeUndefined();
    expect(enhancedStatusCodeOf('The message was successfully delivered.')).toBeUndefined();
  });

  it("explains a Fail event with Microsoft's meaning of its code, the likely fix and the server's words", () => {
    expect(
      deliveryFailureOf([
        receive,
        { dateTime: at(1), event: 'Fail', description: RECIPIENT_NOT_FOUND },
      ])
    ).toEqual({
      code: '5.1.10',
      permanent: true,
      sentence:
        "The recipient's address was not found by SMTP address lookup: no such mailbox or contact exists.",
      fix: 'Check the address for typos; if the recipient is ours, check that the mailbox exists and is licensed, and look for broken forwarding.',
      response:
        '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    });
  });

  it.each([
    [
      '550 5.7.1 Delivery not authorized, message refused',
      'The sender is not allowed to send to this recipient (for example a group that accepts only its members), or a mail flow rule refused it.',
      "Ask the recipient's admin to allow the sender, or find the mail flow rule that matched.",
    ],
    [
      '550 5.7.1 Unable to relay',
      "The receiving system does not accept mail for the recipient's domain from this sender (unable to relay).",
      "Check the domain's MX record, and that the sending system may relay through the receiving one.",
    ],
    [
      '530 5.7.1 Client was not authenticated',
      'The receiving system requires the sending system to authenticate first.',
      'Configure the sending system to authenticate with the receiving system.',
    ],
    [
      '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)',
      "The recipient's address does not exist: it was refused at the edge (recipient address rejected: access denied).",
      'Check the address; if the recipient should exist, create it or sync it to Exchange Online.',
    ],
    [
      '550 5.4.1 Relay Access Denied',
      "The receiving mail server does not accept mail for the recipient's domain (relay access denied).",
      "Check the domain's MX records and that the receiving server lists it as an accepted domain.",
    ],
    [
      '550 4.4.7 QUEUE.Expired; message expired',
      'The message expired in the queue: the receiving server did not accept it before the expiration time.',
      'Check the recipient address and that the receiving server is set up to receive mail, then send again.',
    ],
    [
      '550 5.4.14 Hop count exceeded - possible mail loop ATTR34',
      'A configuration error made the message loop between servers (routing loop detected).',
      "Check forwarding in the sender's and recipient's mailbox rules and the connectors' routing.",
    ],
    [
      '550 5.7.23 The message was rejected because of Sender Policy Framework violation',
      "The recipient's system refused the message because it failed SPF.",
      "Fix the sending domain's SPF record so it lists every server that sends its mail.",
    ],
    [
      '550 5.7.509 Access denied, sending domain contoso.com does not pass DMARC verification',
      "The sender's domain fails DMARC and its DMARC policy is reject.",
      "Make the sending domain's SPF or DKIM pass and align with the From address.",
    ],
    [
      '550 5.7.620 Access denied, banned sending IP [192.0.2.7]',
      'The sending IP address is banned.',
      'Check that the IP address was not abused, then ask for it to be removed with the delist portal.',
    ],
    [
      '451 4.7.650 The mail server [192.0.2.7] has been temporarily rate limited',
      'Sending is restricted for a while: suspicious activity was detected and is being evaluated.',
      'If the mail is legitimate the restriction is lifted shortly; if not, check the sender for compromise.',
    ],
    [
      '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException',
      "The recipient's mailbox is full.",
      'The recipient must free up space, or an admin raise their quota; then send again.',
    ],
    [
      '550 5.2.2 Submission quota exceeded',
      'The sender exceeded the recipient or message rate limit (submission quota exceeded).',
      'Wait until the limit resets; the account may be compromised and sending spam, so check it.',
    ],
    [
      '550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup',
      'The recipient is a group that accepts mail only from inside its own organization.',
      "Only the recipient organization's email admin can let outside senders in.",
    ],
  ])('%s', (response, sentence, fix) => {
    const failure = deliveryFailureOf([{ dateTime: at(1), event: 'Fail', description: response }]);
    expect(failure && { sentence: failure.sentence, fix: failure.fix }).toEqual({ sentence, fix });
  });

  it('says what the class means for a code Microsoft does not list', () => {
    expect(explainStatusCode('5.3.4', '552 5.3.4 Message size exceeds fixed limit')).toMatchObject({
      permanent: true,
      sentence: 'The receiving side refused the message for good (status code 5.3.4).',
    });
    expect(
      deliveryFailureOf([
        receive,
        {
          dateTime: at(1),
          event: 'Defer',
          description:
            'The message was deferred. Reason: 451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped."',
        },
      ])
    ).toMatchObject({
      code: '4.4.0',
      permanent: false,
      sentence: 'Delivery was deferred (status code 4.4.0); Exchange Online keeps trying.',
    });
  });

  it('has nothing to explain when the message was delivered after a deferral, or never failed', () => {
    const deferred: TrailEvent = {
      dateTime: at(1),
      event: 'Defer',
      description: 'The message was deferred. Reason: 451 4.4.7 Message expired',
    };
    const delivered: TrailEvent = {
      dateTime: at(2),
      event: 'Deliver',
      description: 'The message was successfully delivered.',
    };
    expect(deliveryFailureOf([receive, deferred, delivered])).toBeUndefined();
    expect(deliveryFailureOf([receive, delivered])).toBeUndefined();
    expect(deliveryFailureOf([])).toBeUndefined();
  });
});
