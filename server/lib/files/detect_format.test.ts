import { detectFormat } from './detect_format';

describe('detectFormat', () => {
  it.each([
    ['[{"id":"x"}]', 'graph_json'],
    ['{\n  "value": []\n}', 'graph_json'],
    ['{"id":"x","receivedDateTime":"2026-01-01T00:00:00Z"}\n{"id":"y"}', 'graph_ndjson'],
    ['{"value":[{"id":"x","receivedDateTime":"t"}]}\n', 'graph_ndjson'],
    ['{"MessageTraceId":"x","Received":"2022-11-29T05:35:08.2652371"}\n', 'legacy_ndjson'],
    ['{"odata.metadata":"m","value":[]}\n', 'legacy_ndjson'],
    [
      '#TYPE Deserialized.X\r\n"Received","RecipientAddress","MessageTraceId"\r\n',
      'powershell_csv',
    ],
    ['"Received";"SenderAddress";"RecipientAddress";"MessageTraceId"\n', 'powershell_csv'],
    ['origin_timestamp_utc,sender_address,recipient_status\n', 'eac_report_csv'],
  ])('%j is %s', (head, format) => {
    expect(detectFormat(head, false)).toBe(format);
  });

  it('takes a whole one-line file as NDJSON and a long first line as a JSON document', () => {
    expect(detectFormat('{"Received":"x","MessageTraceId":"y"}', true)).toBe('legacy_ndjson');
    expect(detectFormat('{"value":[{"id":"x"},', false)).toBe('graph_json');
  });

  it('names what it expected when it knows nothing of the file', () => {
    expect(() => detectFormat('name,age\n', true)).toThrow(/^Unknown file format/);
  });
});
