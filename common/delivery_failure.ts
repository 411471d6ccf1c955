/**
 * Why a recipient's message was not delivered, in words: the enhanced status code (RFC 3463) of
 * the trail's last Fail or Defer event, with what it means and what usually fixes it.
 *
 * Every meaning below is Microsoft's, from "Email non-delivery reports and SMTP errors in Exchange
 * Online" (https://learn.microsoft.com/troubleshoot/exchange/email-delivery/ndr/non-delivery-reports-in-exchange-online;
 * source MicrosoftDocs/SupportArticles-docs
 * Exchange/ExchangeOnline/email-delivery/ndr/non-delivery-reports-in-exchange-online.md @ 0118461),
 * one table row each, rephrased for an analyst; the fixes are that row's "Additional information".
 * Where a meaning is not from that table, its comment says where it is from. A code the table
 * does not list is told by its class (RFC 3463 section 3.1: 4 = persistent transient, 5 = permanent).
 */
import type { TrailEvent } from './http_api/views';

export interface DeliveryFailure {
  /** The enhanced status code, e.g. `5.1.10`. */
  code: string;
  /** 5.x.x: refused for good; 4.x.x: deferred, Exchange Online keeps trying. */
  permanent: boolean;
  sentence: string;
  fix: string;
  /** The server's own words, e.g. `550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not …`. */
  response: string;
}

interface Meaning {
  sentence: string;
  fix: string;
  /** For a code Microsoft lists with several texts: the row whose text the response carries. */
  when?: RegExp;
}

const NOT_AUTHENTICATED_FOR = (what: string): Meaning => ({
  sentence: `The recipient is a ${what} that accepts mail only from inside its own organization.`,
  fix: "Only the recipient organization's email admin can let outside senders in.",
});
const BANNED_ACCOUNT: Meaning = {
  sentence: 'The sending account is banned because spam was detected from it.',
  fix: "Resolve the account's issues and reset its credentials, then ask Microsoft support to restore its sending.",
};
const RATE_LIMIT_FIX =
  'Wait until the limit resets; the account may be compromised and sending spam, so check it.';

/** Keyed by code; the table's rows for 5.4.1 and 5.7.1 are told apart by the response's text. */
const MEANINGS: Record<string, Meaning[]> = {
  '4.3.2': [
    {
      sentence:
        "The recipient's mailbox is receiving too many messages too quickly, so delivery to it is throttled.",
      fix: 'Nothing to do: Exchange Online keeps trying; if it lasts, look for a mail storm to this mailbox.',
    },
  ],
  '4.4.316': [
    {
      sentence:
        "Exchange Online could not connect to the recipient's mail server: the connection was refused.",
      fix: "The receiving server or its network is at fault: tell the recipient's email admin (the response names the server).",
    },
  ],
  '4.4.7': [
    {
      sentence:
        'The message expired in the queue: the receiving server did not accept it before the expiration time.',
      fix: 'Check the recipient address and that the receiving server is set up to receive mail, then send again.',
    },
  ],
  '4.5.3': [
    {
      sentence: 'The message has more than 200 envelope recipients in the same domain.',
      fix: 'The sending server must split the recipients into smaller batches and send again.',
    },
  ],
  '5.0.350': [
    {
      sentence:
        "The recipient's organization refused the message with a generic error (often a policy, a Rich Text header or nested attachments).",
      fix: "Read the response below; ask the recipient's email admin which rule refused it.",
    },
  ],
  '5.1.0': [
    {
      sentence:
        'The recipient address is wrongly formatted or could not be resolved (sender denied).',
      fix: 'Check the recipient address and send again.',
    },
  ],
  '5.1.1': [
    {
      sentence:
        "The recipient's address does not exist in the destination email system (mistyped, changed or removed).",
      fix: "Check the address; remove it from the sender's Outlook Auto-Complete list and type it again.",
    },
  ],
  '5.1.8': [
    {
      sentence:
        'The sending account is blocked for sending too much spam, typically because it was compromised.',
      fix: 'Secure the account (reset its password, check for malware), then have it unblocked.',
    },
  ],
  '5.1.10': [
    {
      sentence:
        "The recipient's address was not found by SMTP address lookup: no such mailbox or contact exists.",
      fix: 'Check the address for typos; if the recipient is ours, check that the mailbox exists and is licensed, and look for broken forwarding.',
    },
  ],
  '5.1.90': [
    {
      sentence: 'The sender reached their daily limit of message recipients.',
      fix: RATE_LIMIT_FIX,
    },
  ],
  '5.2.2': [
    // Not in Microsoft's table: RFC 3463's meaning of X.2.2, which mailbox stores answer with.
    {
      when: /mailbox full/i,
      sentence: "The recipient's mailbox is full.",
      fix: 'The recipient must free up space, or an admin raise their quota; then send again.',
    },
    {
      sentence:
        'The sender exceeded the recipient or message rate limit (submission quota exceeded).',
      fix: RATE_LIMIT_FIX,
    },
  ],
  '5.2.121': [
    {
      sentence: 'The sender exceeded the number of messages allowed per hour to this recipient.',
      fix: 'Send fewer messages per hour to this recipient; an automated mailer should try again later.',
    },
  ],
  '5.2.122': [
    {
      sentence:
        'The recipient exceeded the number of messages they may receive per hour from all senders.',
      fix: 'Try again later, and send less automated mail to this recipient.',
    },
  ],
  '5.4.1': [
    {
      when: /relay access denied/i,
      sentence:
        "The receiving mail server does not accept mail for the recipient's domain (relay access denied).",
      fix: "Check the domain's MX records and that the receiving server lists it as an accepted domain.",
    },
    {
      sentence:
        "The recipient's address does not exist: it was refused at the edge (recipient address rejected: access denied).",
      fix: 'Check the address; if the recipient should exist, create it or sync it to Exchange Online.',
    },
  ],
  '5.4.6': [
    {
      sentence:
        'A configuration error made the message loop between servers (routing loop detected).',
      fix: "Check forwarding in the sender's and recipient's mailbox rules and the connectors' routing.",
    },
  ],
  '5.4.300': [
    {
      sentence:
        'The message expired: the destination server never responded, or its NDR could not be delivered.',
      fix: "Check that the recipient domain's mail server is reachable, then send again.",
    },
  ],
  '5.5.0': [
    {
      sentence: 'The hotmail.com or outlook.com recipient was not found by SMTP address lookup.',
      fix: 'Check the address for typos and send again.',
    },
  ],
  '5.6.11': [
    {
      sentence:
        "The sender's email program put invalid characters (bare line feeds) in the message.",
      fix: 'Update or fix the sending program, or send from another one.',
    },
  ],
  '5.7.1': [
    {
      when: /unable to relay/i,
      sentence:
        "The receiving system does not accept mail for the recipient's domain from this sender (unable to relay).",
      fix: "Check the domain's MX record, and that the sending system may relay through the receiving one.",
    },
    {
      when: /not authenticated/i,
      sentence: 'The receiving system requires the sending system to authenticate first.',
      fix: 'Configure the sending system to authenticate with the receiving system.',
    },
    {
      sentence:
        'The sender is not allowed to send to this recipient (for example a group that accepts only its members), or a mail flow rule refused it.',
      fix: "Ask the recipient's admin to allow the sender, or find the mail flow rule that matched.",
    },
  ],
  '5.7.12': [NOT_AUTHENTICATED_FOR('recipient')],
  '5.7.23': [
    {
      sentence: "The recipient's system refused the message because it failed SPF.",
      fix: "Fix the sending domain's SPF record so it lists every server that sends its mail.",
    },
  ],
  '5.7.57': [
    {
      sentence:
        'An application or device relaying through smtp.office365.com did not authenticate.',
      fix: 'Configure the application or device to authenticate, or relay through a connector.',
    },
  ],
  '5.7.64': [
    {
      sentence:
        'The inbound connector for on-premises mail no longer matches the on-premises environment (TenantAttribution; relay access denied).',
      fix: "Update the inbound connector's certificate or IP addresses to match the on-premises servers.",
    },
  ],
  '5.7.124': [
    {
      sentence: "The sender is not in the distribution group's allowed-senders list.",
      fix: "Ask the group's owner to add the sender.",
    },
  ],
  '5.7.133': [NOT_AUTHENTICATED_FOR('group')],
  '5.7.134': [NOT_AUTHENTICATED_FOR('mailbox')],
  '5.7.135': [NOT_AUTHENTICATED_FOR('public folder')],
  '5.7.136': [NOT_AUTHENTICATED_FOR('mail user')],
  '5.7.501': [BANNED_ACCOUNT],
  '5.7.502': [BANNED_ACCOUNT],
  '5.7.503': [BANNED_ACCOUNT],
  '5.7.504': [
    {
      sentence: 'The recipient address is not valid (recipient address rejected: access denied).',
      fix: 'Check the address and send again.',
    },
  ],
  '5.7.509': [
    {
      sentence: "The sender's domain fails DMARC and its DMARC policy is reject.",
      fix: "Make the sending domain's SPF or DKIM pass and align with the From address.",
    },
  ],
  '5.7.511': [
    {
      sentence: 'The sending IP address is banned.',
      fix: 'Email delist@microsoft.com with the full NDR and the IP address.',
    },
  ],
  '5.7.513': [
    {
      sentence: "The recipient's domain blocks the sending IP address in its own block list.",
      fix: "Ask the recipient's organization to remove the IP address from its block list.",
    },
  ],
  '5.7.703': [
    {
      sentence: "A recipient is blocked by your organization's Tenant Allow/Block List.",
      fix: 'Remove the block entry if the mail should go, then send again.',
    },
  ],
  '5.7.750': [
    {
      sentence: 'The tenant is blocked from sending from domains it has not registered.',
      fix: 'Add and verify every domain you send from in Microsoft 365.',
    },
  ],
};
MEANINGS['5.4.14'] = MEANINGS['5.4.6']!;
MEANINGS['5.7.13'] = MEANINGS['5.7.135']!;

/** Microsoft lists these as ranges: 4.7.500-699, 4.7.850-899 and 5.7.606-649. */
function rangeMeaning(code: string): Meaning | undefined {
  const [klass, subject, detail] = code.split('.').map(Number) as [number, number, number];
  if (
    klass === 4 &&
    subject === 7 &&
    ((detail >= 500 && detail <= 699) || (detail >= 850 && detail <= 899))
  ) {
    return {
      sentence:
        'Sending is restricted for a while: suspicious activity was detected and is being evaluated.',
      fix: 'If the mail is legitimate the restriction is lifted shortly; if not, check the sender for compromise.',
    };
  }
  if (klass === 5 && subject === 7 && detail >= 606 && detail <= 649) {
    return {
      sentence: 'The sending IP address is banned.',
      fix: 'Check that the IP address was not abused, then ask for it to be removed with the delist portal.',
    };
  }
  return undefined;
}

/** `x.y.z` after the SMTP reply code (or alone), as RFC 3463 writes it. */
const STATUS_CODE = /(?:^|[^\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.]*\d)/;
/** Graph's Fail descriptions wrap the response as `Reason: [{LED=<response>};{MSG=}…]`. */
const LED = /\{LED=([^}]*)\}/;

export function enhancedStatusCodeOf(text: string): string | undefined {
  return STATUS_CODE.exec(text)?.[1];
}

/** The code's meaning; for a code Microsoft does not list, what its class says (RFC 3463). */
export function explainStatusCode(code: string, response: string): DeliveryFailure {
  const permanent = code.startsWith('5.');
  const meaning =
    MEANINGS[code]?.find((candidate) => !candidate.when || candidate.when.test(response)) ??
    rangeMeaning(code);
  if (meaning) return { code, permanent, sentence: meaning.sentence, fix: meaning.fix, response };
  return permanent
    ? {
        code,
        permanent,
        sentence: `The receiving side refused the message for good (status code ${code}).`,
        fix: "Read the response below, and look the code up in Microsoft's list of Exchange Online NDR codes.",
        response,
      }
    : {
        code,
        permanent,
        sentence: `Delivery was deferred (status code ${code}); Exchange Online keeps trying.`,
        fix: 'Nothing to do yet; if it does not go through, read the response below.',
        response,
      };
}

const PROBLEM_EVENTS = new Set(['fail', 'defer', 'drop']);
const DELIVERED_EVENTS = new Set(['deliver', 'send external']);

/**
 * The failure a trail ends in: its last Fail, Defer or Drop event that carries a status code,
 * unless the message was delivered after it.
 */
export function deliveryFailureOf(events: readonly TrailEvent[]): DeliveryFailure | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const { event, description = '' } = events[i]!;
    const name = event.trim().toLowerCase();
    if (DELIVERED_EVENTS.has(name)) return undefined;
    if (!PROBLEM_EVENTS.has(name)) continue;
    const response = (LED.exec(description)?.[1] ?? description).trim();
    const code = enhancedStatusCodeOf(response);
    if (code) return explainStatusCode(code, response);
  }
  return undefined;
}
