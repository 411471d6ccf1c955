import { detectDelimiter, readCsvRecords, type CsvRecord } from './csv_reader';

async function parse(text: string, delimiter = ',', chunk = 1): Promise<CsvRecord[]> {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += chunk)
    chunks.push(text.slice(start, start + chunk));
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(
    (async function* () {
      yield* chunks;
    })(),
    delimiter
  )) {
    records.push(record);
  }
  return records;
}

describe('readCsvRecords', () => {
  it.each([1, 2, 3, 1000])(
    'reads quotes, escaped quotes and line breaks in chunks of %i',
    async (chunk) => {
      const text = 'a,"b ""quoted"", with comma","multi\r\nline"\r\n\r\nplain,x,\n"last",2,3';
      expect(await parse(text, ',', chunk)).toEqual([
        { line: 1, fields: ['a', 'b "quoted", with comma', 'multi\r\nline'] },
        { line: 4, fields: ['plain', 'x', ''] },
        { line: 5, fields: ['last', '2', '3'] },
      ]);
    }
  );

  it('keeps text after a closing quote and quotes inside unquoted fields, as Excel does', async () => {
    expect(await parse('"ab"c,d"e"\n')).toEqual([{ line: 1, fields: ['abc', 'd"e"'] }]);
  });

  it('reports a quote that never closes at the record where it opened', async () => {
    expect(await parse('a,b\n"open,c\nmore\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, reason: 'the file ends inside a quoted field (a missing closing quote)' },
    ]);
  });

  it('detects the delimiter of a header', () => {
    expect(detectDelimiter('"Received","Sender;Address","Status"')).toBe(',');
    expect(detectDelimiter('"Received";"SenderAddress";"Status"')).toBe(';');
    expect(detectDelimiter('Received\tSenderAddress\tStatus')).toBe('\t');
  });
});
