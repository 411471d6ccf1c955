import { Stream, type Readable } from 'node:stream';
import type {
  KibanaRequest,
  KibanaResponseFactory,
  Logger,
  RequestHandlerContext,
  RouteValidationFunction,
} from '@kbn/core/server';
import { API_PRIVILEGES } from '../../../common/constants';
import {
  FILES_IMPORT_API_PATH,
  importFileQueryCodec,
  type FileImportSummary,
  type ImportFileQuery,
  type ImportFileResponse,
} from '../../../common/http_api/files';
import { dataStreamName, DEFAULT_NAMESPACE } from '../../lib/data_stream/data_stream_name';
import type { MessageTraceMappingOptions } from '../../lib/ecs/message_trace_document';
import {
  FileImportLimitError,
  FileImportWriteError,
  importFile,
} from '../../lib/files/import_file';
import { FileFormatError } from '../../lib/files/types';
import { limitBytes, type UploadLimits } from '../../lib/files/upload_limits';
import { validateWith } from '../../lib/route_validation';
import { isAuthorizationStatus } from '../../lib/writer/es_errors';
import type { ExchangeMessageTraceServices } from '../../types';
import { answerWith } from '../error_response';
import { abortSignalOf } from '../request_signal';
import type { RouteDependencies } from '../types';
import { discardRest, readUpload } from './upload_body';

/** Kibana hands a body with `output: 'stream'` to the validation as a stream, never parsed. */
const fileStream: RouteValidationFunction<Readable> = (data, { ok, badRequest }) =>
  data instanceof Stream
    ? ok(data as Readable)
    : badRequest('expected the file as the request body');

/** Local domains and namespace: given with the upload, else the chosen connection's. */
async function mappingFor(
  services: ExchangeMessageTraceServices,
  request: KibanaRequest,
  query: ImportFileQuery
): Promise<MessageTraceMappingOptions & { namespace: string; dataset: string }> {
  const dataset = services.dataset;
  if (!query.connectionId) {
    return {
      dataset,
      localDomains: query.localDomains ?? [],
      matchSubdomains: query.matchSubdomains ?? false,
      namespace: query.namespace ?? DEFAULT_NAMESPACE,
    };
  }
  // Read with the user's own saved object access: a connection they cannot see is a 404.
  const { id, settings } = await services.connections.get(request, query.connectionId);
  return {
    dataset,
    localDomains: query.localDomains ?? settings.localDomains,
    matchSubdomains: query.matchSubdomains ?? settings.matchSubdomains,
    namespace: query.namespace ?? settings.namespace,
    tenantId: settings.tenantId,
    connectionName: settings.name,
    connectionId: id,
  };
}

function importFailure(response: KibanaResponseFactory, error: unknown) {
  const body = { message: (error as Error).message };
  if (error instanceof FileImportLimitError) return response.customError({ statusCode: 413, body });
  // The file is the request body: its problem is named the way Kibana names the body's.
  if (error instanceof FileFormatError) {
    return response.badRequest({ body: { message: `[request body]: ${body.message}` } });
  }
  if (error instanceof FileImportWriteError) {
    // The user's own privileges write: a refusal is theirs to fix, anything else is worth a retry.
    if (isAuthorizationStatus(error.failure.status)) return response.forbidden({ body });
    return response.customError({ statusCode: 503, body });
  }
  return undefined;
}

interface UploadImport {
  context: RequestHandlerContext;
  request: KibanaRequest<unknown, ImportFileQuery, Readable>;
  services: ExchangeMessageTraceServices;
  limits: UploadLimits;
  signal: AbortSignal;
  logger: Logger;
}

async function importUpload({ context, request, services, limits, signal, logger }: UploadImport) {
  const { query } = request;
  const mapping = await mappingFor(services, request, query);
  const { elasticsearch } = await context.core;
  await services.ensureNamespaceTemplate(mapping.namespace);
  let stored: FileImportSummary | undefined;
  try {
    return await importFile(limitBytes(readUpload(request.body), limits.maxBytes, 'bytes'), {
      client: elasticsearch.client.asCurrentUser,
      dataStream: dataStreamName(mapping.dataset, mapping.namespace),
      mapping,
      pipeline: services.ingestPipeline(),
      signal,
      limits,
      onProgress: (summary) => (stored = summary),
      format: query.format,
      timeZone: query.timezone,
      dateCulture: query.dateCulture,
    });
  } catch (error) {
    if (!signal.aborted) throw error;
    // A chunk cut off in flight may still be stored: Elasticsearch finishes a bulk it has begun.
    logger.info(
      `An upload's client went away; its import stopped after ${stored?.rows ?? 0} rows (${stored?.documentsCreated ?? 0} documents created), not counting a chunk cut off while being written`
    );
    // Whatever broke first (the request's stream, a bulk request), the client left.
    throw signal.reason;
  }
}

/**
 * Imports one uploaded export, streamed from the request into the data stream with the uploading
 * user's own Elasticsearch privileges, and answers the import's summary.
 */
export function registerImportFileRoute(dependencies: RouteDependencies) {
  const limits = dependencies.fileUploadLimits;
  const logger = dependencies.logger.get('files');
  dependencies.router.post(
    {
      path: FILES_IMPORT_API_PATH,
      validate: { query: validateWith(importFileQueryCodec), body: fileStream },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.manage] } },
      options: {
        access: 'internal',
        body: { output: 'stream', parse: false, maxBytes: limits.maxBytes },
        // Reading waits for Elasticsearch; a busy cluster must not close the upload's socket.
        timeout: { idleSocket: 10 * 60_000 },
      },
    },
    async (context, request, response) => {
      // Before any wait: `aborted$` tells only those subscribed when the client goes away.
      const signal = abortSignalOf(request);
      try {
        return await answerWith(response, async () => {
          const services = await dependencies.getServices();
          try {
            const body: ImportFileResponse = await importUpload({
              context,
              request,
              services,
              limits,
              signal,
              logger,
            });
            return response.ok({ body });
          } catch (error) {
            const failure = importFailure(response, error);
            if (failure) return failure;
            throw error;
          }
        });
      } finally {
        await discardRest(request.body, limits.maxBytes);
      }
    }
  );
}
