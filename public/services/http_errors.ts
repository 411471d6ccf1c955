import type { IHttpFetchError, ResponseErrorBody } from '@kbn/core/public';

/** The status code of a failed `core.http` call: Kibana's error body carries it, as does the response. */
export function statusCodeOf(error: unknown): number | undefined {
  const fetchError = error as Partial<IHttpFetchError<Partial<ResponseErrorBody>>> | undefined;
  return fetchError?.body?.statusCode ?? fetchError?.response?.status;
}

/**
 * A 400 from route validation reads `[request body]: field: reason; other: reason`
 * (validateWith joins formatCodecErrors' lines); this gives those lines back.
 */
export function badRequestLines(error: unknown): string[] | undefined {
  if (statusCodeOf(error) !== 400) return undefined;
  const message = (error as Error).message ?? '';
  return message
    .replace(/^\[[^\]]+\]: /, '')
    .split('; ')
    .filter((line) => line.length > 0);
}
