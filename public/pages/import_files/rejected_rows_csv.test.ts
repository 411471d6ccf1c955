import { rejectedRowsCsv, rejectedRowsFileName } from './rejected_rows_csv';

describe('the rejected rows as CSV', () => {
  it('quotes what needs quoting and keeps a spreadsheet from running a reason as a formula', () => {
    const csv = rejectedRowsCsv('trace, "old".csv', [
      { line: 8, reason: '"20/11/2026 15:04:05" is not an en-US date; it reads as en-GB or fr-FR' },
      { line: 12, reason: '=HYPERLINK("http://evil.example") is not an address' },
      { line: 30, reason: 'the subject runs\nover two lines' },
    ]);
    expect(csv).toBe(
      [
        'file,line,reason',
        '"trace, ""old"".csv",8,"""20/11/2026 15:04:05"" is not an en-US date; it reads as en-GB or fr-FR"',
        `"trace, ""old"".csv",12,"'=HYPERLINK(""http://evil.example"") is not an address"`,
        '"trace, ""old"".csv",30,"the subject runs\nover two lines"',
        '',
      ].join('\r\n')
    );
  });

  it('is named after the file it reports on', () => {
    expect(rejectedRowsFileName('trace.csv')).toBe('trace-rejected-rows.csv');
    expect(rejectedRowsFileName('archive.ndjson.gz')).toBe('archive.ndjson-rejected-rows.csv');
  });
});
