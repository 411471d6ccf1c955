/**
 * Kibana's saved objects client throws hapi Boom errors; callers read `output.statusCode`
 * (SavedObjectsErrorHelpers does the same), so the host throws errors of that shape.
 */
export class SavedObjectError extends Error {
  readonly isBoom = true;
  readonly output: {
    statusCode: number;
    payload: { statusCode: number; error: string; message: string };
  };

  constructor(statusCode: number, error: string, message: string) {
    super(message);
    this.output = { statusCode, payload: { statusCode, error, message } };
  }
}

export const notFound = (type: string, id: string) =>
  new SavedObjectError(404, 'Not Found', `Saved object [${type}/${id}] not found`);

export const conflict = (type: string, id: string) =>
  new SavedObjectError(409, 'Conflict', `Saved object [${type}/${id}] conflict`);

export const unsupportedType = (type: string) =>
  new SavedObjectError(400, 'Bad Request', `Unsupported saved object type: '${type}': Bad Request`);

export const badRequest = (message: string) => new SavedObjectError(400, 'Bad Request', message);
