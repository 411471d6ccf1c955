/**
 * ECS `event.ingested`: when the document reached Elasticsearch. Elastic Security's prebuilt rules
 * for this dataset take their time window from it (`timestamp_override = "event.ingested"`), so a
 * row received hours ago and collected now still falls in their 9- or 65-minute look-back; without
 * it they fall back to `@timestamp` (the received time) and never fire. It is stamped on the copy
 * sent in a `create`, so a document already stored keeps its own: a later observation of the row
 * (another status) is another document, and a re-read of the same one writes nothing.
 */
export function withEventIngested<T extends object>(document: T, at: number): T {
  const event = (document as { event?: object }).event;
  return { ...document, event: { ...event, ingested: new Date(at).toISOString() } };
}
