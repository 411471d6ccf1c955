import type { HttpStart } from '@kbn/core/public';
import {
  DELIVERY_STATUS_API_PATH,
  KNOWN_SENDERS_API_PATH,
  MESSAGE_DETAIL_API_PATH,
  MESSAGE_TRAIL_API_PATH,
  MESSAGES_API_PATH,
  SUSPICIOUS_SENDERS_API_PATH,
  knownSenderPath,
  type DeliveryStatusRequest,
  type DeliveryStatusResponse,
  type KnownSender,
  type ListKnownSendersResponse,
  type MarkKnownSenderRequest,
  type MessageDetail,
  type MessageDetailRequest,
  type MessageSearchRequest,
  type MessageSearchResponse,
  type MessageTrail,
  type MessageTrailRequest,
  type SuspiciousSendersRequest,
  type SuspiciousSendersResponse,
} from '../../common/http_api/views';

import {
  CAMPAIGN_API_PATH,
  type CampaignRequest,
  type CampaignResponse,
} from '../../common/http_api/campaign';
import {
  EXPORT_ROW_CAP_HEADER,
  EXPORT_TOTAL_HEADER,
  MESSAGES_CSV_API_PATH,
  type MessageExportRequest,
} from '../../common/http_api/message_export';
import { SENDERS_CSV_API_PATH } from '../../common/http_api/sender_export';

const json = (body: unknown, signal?: AbortSignal) => ({ body: JSON.stringify(body), signal });

export interface CsvDownload {
  csv: string;
  /** Rows that matched, and how many an export holds at most. */
  total: number;
  rowCap: number;
}

async function csvDownload(http: HttpStart, path: string, request: unknown): Promise<CsvDownload> {
  const { body, response } = await http.post<string>(path, {
    ...json(request),
    asResponse: true,
  });
  return {
    csv: body ?? '',
    total: Number(response?.headers.get(EXPORT_TOTAL_HEADER)),
    rowCap: Number(response?.headers.get(EXPORT_ROW_CAP_HEADER)),
  };
}

/** The views' calls, typed by the contract in common/http_api/views.ts. */
export function createViewsApi(http: HttpStart) {
  return {
    deliveryStatus: (request: DeliveryStatusRequest, signal?: AbortSignal) =>
      http.post<DeliveryStatusResponse>(DELIVERY_STATUS_API_PATH, json(request, signal)),
    suspiciousSenders: (request: SuspiciousSendersRequest, signal?: AbortSignal) =>
      http.post<SuspiciousSendersResponse>(SUSPICIOUS_SENDERS_API_PATH, json(request, signal)),
    searchMessages: (request: MessageSearchRequest, signal?: AbortSignal) =>
      http.post<MessageSearchResponse>(MESSAGES_API_PATH, json(request, signal)),
    messageDetail: (request: MessageDetailRequest, signal?: AbortSignal) =>
      http.post<MessageDetail>(MESSAGE_DETAIL_API_PATH, json(request, signal)),
    messageTrail: (request: MessageTrailRequest) =>
      http.post<MessageTrail>(MESSAGE_TRAIL_API_PATH, json(request)),
    campaign: (request: CampaignRequest, signal?: AbortSignal) =>
      http.post<CampaignResponse>(CAMPAIGN_API_PATH, json(request, signal)),
    /** The CSV as text, with how many rows matched and how many an export holds at most. */
    exportMessages: (request: MessageExportRequest) =>
      csvDownload(http, MESSAGES_CSV_API_PATH, request),
    /** The senders' ranking as CSV, every page of it, with the same counts. */
    exportSenders: (request: SuspiciousSendersRequest) =>
      csvDownload(http, SENDERS_CSV_API_PATH, request),
    knownSenders: (signal?: AbortSignal) =>
      http.get<ListKnownSendersResponse>(KNOWN_SENDERS_API_PATH, { signal }),
    markKnownSender: (request: MarkKnownSenderRequest) =>
      http.post<KnownSender>(KNOWN_SENDERS_API_PATH, json(request)),
    unmarkKnownSender: (sender: string) => http.delete<void>(knownSenderPath(sender)),
  };
}

export type ViewsApi = ReturnType<typeof createViewsApi>;
