/** What one upload may cost, from kibana.yml's `exchange_message_trace.files.*`. */
export interface UploadLimits {
  /** Bytes sent, and bytes once gunzipped: a `.gz` cannot hide its size (`maxUploadBytes`). */
  maxBytes: number;
  /** Rows read, rejected ones included (`maxUploadRows`). */
  maxRows: number;
}

export function uploadLimitsOf(files: {
  maxUploadBytes: number;
  maxUploadRows: number;
}): UploadLimits {
  return { maxBytes: files.maxUploadBytes, maxRows: files.maxUploadRows };
}

export type UploadLimitKind = 'bytes' | 'decompressedBytes' | 'rows';

const DESCRIPTIONS: Record<UploadLimitKind, { past: (max: number) => string; setting: string }> = {
  bytes: { past: (max) => `The file is larger than ${max} bytes`, setting: 'maxUploadBytes' },
  decompressedBytes: {
    past: (max) => `The file is larger than ${max} bytes once decompressed`,
    setting: 'maxUploadBytes',
  },
  rows: { past: (max) => `The file has more than ${max} rows`, setting: 'maxUploadRows' },
};

/** Reading went past one of the upload limits; nothing beyond it was read. */
export class UploadLimitError extends Error {
  constructor(
    readonly kind: UploadLimitKind,
    readonly max: number
  ) {
    const { past, setting } = DESCRIPTIONS[kind];
    super(`${past(max)}, the limit set in kibana.yml (exchange_message_trace.files.${setting})`);
  }
}

/**
 * Passes the first `maxBytes` bytes through, then throws: the bytes up to the limit are still
 * read, so the rows wholly before it go in. Kibana refuses a body whose declared length is too
 * large before the handler runs; a body sent in chunks declares none, and a gunzipped one has
 * none to declare.
 */
export async function* limitBytes(
  source: AsyncIterable<Buffer>,
  maxBytes: number,
  kind: Exclude<UploadLimitKind, 'rows'>
): AsyncGenerator<Buffer, void, undefined> {
  let total = 0;
  for await (const chunk of source) {
    const room = maxBytes - total;
    total += chunk.length;
    if (total <= maxBytes) {
      yield chunk;
      continue;
    }
    if (room > 0) yield chunk.subarray(0, room);
    throw new UploadLimitError(kind, maxBytes);
  }
}
