import { API_PRIVILEGES } from '../../../common/constants';
import {
  EXPORT_ROW_CAP_HEADER,
  EXPORT_TOTAL_HEADER,
} from '../../../common/http_api/message_export';
import {
  SENDERS_CSV_API_PATH,
  senderExportRequestCodec,
} from '../../../common/http_api/sender_export';
import { MAX_SCORED_SENDERS } from '../../../common/http_api/views';
import { validateWith } from '../../lib/route_validation';
import { sendersCsv } from '../../lib/views/sender_export';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { rankSendersFor } from './suspicious_senders';

/**
 * The suspicious senders' ranking as a CSV download: every page of it in one answer (at most
 * MAX_SCORED_SENDERS rows, small enough not to stream), scored as the page scores it.
 */
export function registerSenderExportRoute(dependencies: RouteDependencies) {
  dependencies.router.post(
    {
      path: SENDERS_CSV_API_PATH,
      validate: { body: validateWith(senderExportRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) =>
      answerWith(
        response,
        async () => {
          const ranking = await rankSendersFor(dependencies, context, request, {
            ...request.body,
            pageIndex: 0,
            pageSize: MAX_SCORED_SENDERS,
          });
          return response.ok({
            body: sendersCsv(ranking.senders),
            headers: {
              'content-type': 'text/csv; charset=utf-8',
              'content-disposition': 'attachment; filename="suspicious-senders.csv"',
              [EXPORT_ROW_CAP_HEADER]: String(MAX_SCORED_SENDERS),
              [EXPORT_TOTAL_HEADER]: String(ranking.total),
            },
          });
        },
        request.body
      )
  );
}
