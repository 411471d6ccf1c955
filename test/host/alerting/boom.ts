import { STATUS_CODES } from 'node:http';
import { SavedObjectError } from '../saved_objects/saved_object_errors';

/**
 * The alerting and actions plugins throw hapi Boom errors, which their routes answer with the
 * error's status and message (`router.handleLegacyErrors`); the host's errors have Boom's shape.
 */
export function boom(statusCode: number, message: string) {
  return new SavedObjectError(statusCode, STATUS_CODES[statusCode] ?? 'Error', message);
}

export function isBoom(error: unknown): error is SavedObjectError {
  return (error as { isBoom?: boolean } | null)?.isBoom === true;
}
