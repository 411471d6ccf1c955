import { Readable } from 'node:stream';
import { API_PRIVILEGES } from '../../../common/constants';
import {
  EXPORT_ROW_CAP_HEADER,
  EXPORT_TOTAL_HEADER,
  MAX_EXPORT_ROWS,
  MESSAGES_CSV_API_PATH,
  messageExportRequestCodec,
} from '../../../common/http_api/message_export';
import { validateWith } from '../../lib/route_validation';
import { exportMessages } from '../../lib/views/message_export';
import type { RouteDependencies } from '../types';
import { answerView } from './view_handler';

/**
 * Message rows as a CSV download, streamed: the first page is read before the answer starts, so
 * a refusal (privileges, a bad field) is still a 4xx; the rest follows page by page.
 */
export function registerMessageExportRoute(dependencies: RouteDependencies) {
  dependencies.router.post(
    {
      path: MESSAGES_CSV_API_PATH,
      validate: { body: validateWith(messageExportRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.read] } },
      options: { access: 'internal' },
    },
    async (context, request, response) =>
      answerView(dependencies, context, request, response, async (target) => {
        const { elasticsearch } = await context.core;
        const exported = await exportMessages(
          { ...target, client: elasticsearch.client.asCurrentUser },
          request.body,
          { maxRows: MAX_EXPORT_ROWS }
        );
        return response.ok({
          body: Readable.from(exported.lines),
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="message-trace.csv"',
            [EXPORT_ROW_CAP_HEADER]: String(MAX_EXPORT_ROWS),
            [EXPORT_TOTAL_HEADER]: String(exported.total),
          },
        });
      })
  );
}
