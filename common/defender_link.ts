/**
 * The Microsoft Defender portal's email explorer, filtered to one message by its network message
 * ID (Graph's message trace ID is Exchange's network message ID), in the message's tenant.
 *
 * The page is Microsoft's: https://security.microsoft.com/realtimereportsv3 is Real-time
 * detections (Defender for Office 365 Plan 1; Plan 2 tenants are taken on to Threat Explorer),
 * per MicrosoftDocs/defender-docs, defender-office-365/threat-explorer-real-time-detections-about.md,
 * which also lists the "Network message ID" filter. Microsoft documents no URL parameters for that
 * filter, and says the Email entity page has no direct link (mdo-email-entity-page.md). The
 * parameters here are those CIPP's message trace page links with ("View in Explorer", CIPP issue
 * #3801): `tid` the tenant, `query-NetworkMessageId` the filter. Unconfirmed by Microsoft.
 */
export function defenderExplorerUrl(tenantId: string, networkMessageId: string): string {
  const query = new URLSearchParams({
    tid: tenantId,
    dltarget: 'Explorer',
    dlstorage: 'Url',
    viewid: 'allemail',
    'query-NetworkMessageId': networkMessageId,
  });
  return `https://security.microsoft.com/realtimereportsv3?${query.toString()}`;
}
