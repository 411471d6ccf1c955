import type { IKibanaResponse, KibanaResponseFactory } from '@kbn/core/server';
import { NoOnDemandShare } from '../lib/budget/on_demand_share';
import { BudgetWaitTooLong } from '../lib/budget/request_budget';
import { GraphError } from '../lib/graph/graph_error';
import { ViewSearchTimeoutError } from '../lib/views/view_search';
import { errorStatus, isAbortError, isTransientError } from '../lib/writer/es_errors';
import {
  ConnectionConflictError,
  ConnectionNotFoundError,
  EncryptionKeyMissingError,
  InvalidConnectionRequestError,
} from '../services/connection_errors';
import { MissingIndexPrivilegesError } from '../services/index_privileges';
import { KnownSenderNotFoundError } from '../services/known_sender_store';
import { ServiceUnavailableError } from '../services/startup_gate';
import { ApiKeysDisabledError, CannotGrantApiKeyError } from '../services/writer_api_key';
import { budgetUsedUpAnswer } from './budget_used_up_answer';
import { refusedInput, type RequestInput } from './elasticsearch_refusals';

const BAD_REQUEST = [
  InvalidConnectionRequestError,
  EncryptionKeyMissingError,
  CannotGrantApiKeyError,
  ApiKeysDisabledError,
  RangeError,
];

/**
 * Kibana answers a thrown error with a logged 500, so every failure a route expects becomes its
 * own status here, with a message that says what happened; anything else stays a 500. `input`:
 * the request fields a route hands to Elasticsearch, for naming the one it refused.
 */
export async function answerWith(
  response: KibanaResponseFactory,
  handle: () => Promise<IKibanaResponse>,
  input?: RequestInput
): Promise<IKibanaResponse> {
  try {
    return await handle();
  } catch (error) {
    const body = { message: (error as Error).message };
    // Nobody reads it: the client went away (abortSignalOf). hapi's status for a disconnect.
    if (isAbortError(error)) {
      return response.customError({ statusCode: 499, body: { message: 'The client went away' } });
    }
    if (BAD_REQUEST.some((kind) => error instanceof kind)) return response.badRequest({ body });
    if (error instanceof ConnectionNotFoundError || error instanceof KnownSenderNotFoundError) {
      return response.notFound({ body });
    }
    if (error instanceof ConnectionConflictError) return response.conflict({ body });
    if (error instanceof MissingIndexPrivilegesError) return response.forbidden({ body });
    if (error instanceof ViewSearchTimeoutError) {
      return response.customError({ statusCode: 504, body });
    }
    if (error instanceof ServiceUnavailableError) {
      return response.customError({ statusCode: 503, body });
    }
    // The tenant's Graph request budget: a user's share of it used up, or none to spare.
    if (error instanceof BudgetWaitTooLong) return budgetUsedUpAnswer(response, error);
    if (error instanceof NoOnDemandShare) return response.conflict({ body });
    if (error instanceof GraphError) {
      if (error.kind === 'notFound') return response.notFound({ body });
      return response.customError({
        statusCode: 502,
        body: { message: `Microsoft Graph: ${error.message}` },
      });
    }
    if (errorStatus(error) === undefined && isTransientError(error)) {
      return response.customError({
        statusCode: 503,
        body: { message: `Elasticsearch cannot be reached: ${(error as Error).message}` },
      });
    }
    // Elasticsearch refused the caller: its own words say which privilege is missing.
    if (errorStatus(error) === 403) return response.forbidden({ body });

    // Elasticsearch refused what the user asked for (a pattern too complex, a page too far, …):
    // a 400 naming the field. See elasticsearch_refusals.ts.
    const refused = refusedInput(error, input);
    if (refused) return response.badRequest({ body: { message: refused } });

    throw error;
  }
}
