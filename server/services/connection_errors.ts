import { ENCRYPTION_KEY_HOW, ENCRYPTION_KEY_SETTING } from '../../common/encryption_key';

/** No connection with this id (404). */
export class ConnectionNotFoundError extends Error {
  constructor(id: string) {
    super(`Connection "${id}" not found`);
  }
}

/** The request cannot be carried out as asked; the message names the field (400). */
export class InvalidConnectionRequestError extends Error {}

/** The connection's current state refuses the request, e.g. a run is in progress (409). */
export class ConnectionConflictError extends Error {}

const statusOf = (error: unknown) =>
  (error as { output?: { statusCode?: number } }).output?.statusCode;

/** Saved objects and Task Manager throw Boom-shaped errors; this is how a missing one looks. */
export const isNotFoundError = (error: unknown) => statusOf(error) === 404;
export const isConflictError = (error: unknown) => statusOf(error) === 409;

/** Kibana has no key to encrypt connection secrets with (400, naming the setting). */
export class EncryptionKeyMissingError extends Error {
  constructor() {
    super(
      "Kibana cannot encrypt the connection's client secret or private key: set " +
        `${ENCRYPTION_KEY_SETTING} in kibana.yml (${ENCRYPTION_KEY_HOW}) and restart Kibana.`
    );
  }
}
