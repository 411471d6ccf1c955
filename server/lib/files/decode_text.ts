/**
 * Which encoding the first bytes announce. Windows PowerShell 5.1 writes UTF-16LE with a BOM
 * (`Out-File`, `>`) or UTF-8 with a BOM (`-Encoding UTF8`); PowerShell 7 and everything else
 * write UTF-8. A BOM is dropped by the decoder.
 */
function decoderFor(head: Buffer): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be');
  // UTF-16LE without a BOM: ASCII text with a zero after every byte.
  if (head.length >= 4 && head[0] !== 0 && head[1] === 0 && head[2] !== 0 && head[3] === 0) {
    return new TextDecoder('utf-16le');
  }
  return new TextDecoder('utf-8');
}

/** Bytes to text, chunk by chunk; a character split between chunks is kept whole. */
export async function* decodeText(
  source: AsyncIterable<Buffer>
): AsyncGenerator<string, void, undefined> {
  let decoder: TextDecoder | undefined;
  let head = Buffer.alloc(0);
  for await (const chunk of source) {
    if (!decoder) {
      head = Buffer.concat([head, chunk]);
      if (head.length < 4) continue;
      decoder = decoderFor(head);
      const text = decoder.decode(head, { stream: true });
      if (text) yield text;
      continue;
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  // A file of fewer than 4 bytes never got a decoder in the loop.
  const rest = decoder ? decoder.decode() : decoderFor(head).decode(head);
  if (rest) yield rest;
}
