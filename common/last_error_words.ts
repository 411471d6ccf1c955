import type { ConnectionStatus } from './connection_status';

type LastError = NonNullable<ConnectionStatus['lastError']>;

/** A collection failure said for a person: what happened, and what to do about it. */
export interface ErrorInWords {
  happened: string;
  toDo: string;
}

const GRAPH_UNREACHABLE: ErrorInWords = {
  happened: 'Microsoft Graph could not be reached or did not answer in time.',
  toDo: 'Usually this passes by itself: the next run tries again.',
};

/**
 * Keyed by the kinds the collect task records (GraphFailureKind, REAUTHORIZE_ERROR_KIND,
 * ELASTICSEARCH_UNREACHABLE_ERROR_KIND, LOST_RUN_ERROR_KIND, `elasticsearchWrite`, `internal`).
 */
const WORDS: Record<string, ErrorInWords> = {
  authentication: {
    happened:
      "Microsoft refused the app's sign-in: the client secret or certificate is wrong or has expired.",
    toDo: 'Edit the connection, enter the current client secret (its Value, not its ID) or certificate, and test it.',
  },
  servicePrincipalMissing: {
    happened: "The tenant has no service principal yet for Microsoft's Exchange message trace app.",
    toDo: 'Edit the connection and test it: the test shows the command that creates it (it can take hours to work).',
  },
  forbidden: {
    happened: 'Microsoft Graph refused to read message traces: the app lacks the permission.',
    toDo: "Grant the app's permission with admin consent in Microsoft Entra, then run it again.",
  },
  throttled: {
    happened: 'Microsoft Graph asked collection to slow down.',
    toDo: 'Nothing to do: collection goes on when Microsoft allows.',
  },
  unavailable: GRAPH_UNREACHABLE,
  timeout: GRAPH_UNREACHABLE,
  network: GRAPH_UNREACHABLE,
  invalidResponse: GRAPH_UNREACHABLE,
  badRequest: {
    happened: 'Microsoft Graph refused the request.',
    toDo: 'Check the tenant ID and client ID (Edit, then test the connection).',
  },
  notFound: {
    happened: 'Microsoft Graph did not find the tenant or the app.',
    toDo: 'Check the tenant ID and client ID (Edit, then test the connection).',
  },
  aborted: {
    happened: 'The run was stopped before it finished.',
    toDo: 'Nothing to do: the next run goes on from where it stopped.',
  },
  reauthorize: {
    happened:
      'Elasticsearch refused the API key that collection writes with (it was removed, or its owner lost privileges).',
    toDo: 'Re-authorise the connection: a new key is granted as you, and collection resumes where it stopped.',
  },
  elasticsearchWrite: {
    happened: 'Elasticsearch did not store every document of the run.',
    toDo: "Check Elasticsearch's health: the next run writes the same documents again.",
  },
  elasticsearchUnreachable: {
    happened: 'Elasticsearch could not be reached during the run.',
    toDo: 'Check that Elasticsearch is up: the next run tries again.',
  },
  runResultLost: {
    happened: 'The last run ended without its result being recorded.',
    toDo: 'Run it now, or wait for Task Manager to run it again.',
  },
};

const UNEXPECTED: ErrorInWords = {
  happened: 'The last run failed unexpectedly.',
  toDo: 'Open the details for the error; the next run tries again.',
};

/** Backfill failures are recorded with this prefix (collect_task_runner). */
const BACKFILL_PREFIX = 'Backfill: ';

export function lastErrorInWords(error: LastError): ErrorInWords {
  const words = WORDS[error.kind] ?? UNEXPECTED;
  if (!error.message.startsWith(BACKFILL_PREFIX)) return words;
  return { ...words, happened: `The backfill stopped. ${words.happened}` };
}

/** Elasticsearch names the key it refused ("API key id [Hx3…]"); a key id is not for display. */
const API_KEY_ID = /(api[ _-]?key(?:[ _-]?id)?\s*[[:=]\s*\[?)[A-Za-z0-9_-]{6,}/gi;

/** The raw error, for the details: Elasticsearch's API key ids taken out. */
export function errorDetailsText(error: LastError): string {
  return error.message.replace(API_KEY_ID, '$1(hidden)');
}
