import type { Client } from '@elastic/elasticsearch';
import { rawDocumentOf, rawIdOf } from './raw_document';

/**
 * Stores objects of one type in a single bulk request, each as `create` would store it (without
 * the encryption transforms, like an internal repository). For tests that need more objects than
 * creating them one by one allows in reasonable time; plugins get no such call from the host.
 */
export async function seedSavedObjects(
  es: Client,
  index: string,
  type: string,
  objects: Array<{ id: string; attributes: Record<string, unknown> }>
): Promise<void> {
  const result = await es.bulk({
    refresh: 'wait_for',
    operations: objects.flatMap(({ id, attributes }) => [
      { create: { _index: index, _id: rawIdOf(type, id) } },
      rawDocumentOf(type, attributes),
    ]),
  });
  const failed = result.items.find((item) => item.create?.error);
  if (failed) throw new Error(`Seeding ${type} failed: ${JSON.stringify(failed.create!.error)}`);
}
