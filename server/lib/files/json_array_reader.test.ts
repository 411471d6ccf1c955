import { readJsonArrayItems, type JsonItem } from './json_array_reader';

async function items(text: string, chunk = 1): Promise<JsonItem[]> {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += chunk)
    chunks.push(text.slice(start, start + chunk));
  const found: JsonItem[] = [];
  for await (const item of readJsonArrayItems(
    (async function* () {
      yield* chunks;
    })()
  )) {
    found.push(item);
  }
  return found;
}

describe('readJsonArrayItems', () => {
  it.each([1, 3, 1000])('reads a top-level array in chunks of %i', async (chunk) => {
    const text = '[\n {"a":"x]},\\"y"},\n [1,2],\n 3, "s"\n]\n';
    expect(await items(text, chunk)).toEqual([
      { line: 2, index: 0, value: { a: 'x]},"y' } },
      { line: 3, index: 1, value: [1, 2] },
      { line: 4, index: 2, value: 3 },
      { line: 4, index: 3, value: 's' },
    ]);
  });

  it.each([1, 1000])(
    'reads only the top-level value array of a page (chunks of %i)',
    async (chunk) => {
      const text =
        '{"@odata.context":"x","nested":{"value":[9]},"v\\u0061lue":[{"id":1},{"id":2}],"after":[7]}';
      expect(await items(text, chunk)).toEqual([
        { line: 1, index: 0, value: { id: 1 } },
        { line: 1, index: 1, value: { id: 2 } },
      ]);
    }
  );

  it('reports a broken item and reads on', async () => {
    expect(await items('[{"a":tru},{"b":1}]')).toEqual([
      { line: 1, index: 0, reason: expect.stringMatching(/^value\[0\] is not valid JSON/) },
      { line: 1, index: 1, value: { b: 1 } },
    ]);
  });

  it('refuses what is not a JSON document of rows', async () => {
    await expect(items('{"value":[1]} x')).rejects.toThrow(
      'Unexpected text after the JSON document'
    );
    await expect(items('[1}')).rejects.toThrow('Unbalanced "}": this is not a JSON document');
    await expect(items('{"other":[1]}')).rejects.toThrow('The JSON document has no rows');
    await expect(items('[{"a":1},{"b"')).rejects.toThrow(
      expect.objectContaining({ line: 1, message: expect.stringMatching(/truncated/) })
    );
  });
});
