import { fireEvent, render, screen, within } from '@testing-library/react';
import { EuiProvider } from '@elastic/eui';
import type { FileImportSummary } from '../../../common/http_api/files';
// Sets data-test-subj as the attribute getByTestId reads.
import '../../test_support/fake_core';
import { ImportResultPanel } from './import_result_panel';

const SUMMARY: FileImportSummary = {
  format: 'eac_report_csv',
  rows: 1204,
  documentsCreated: 1100,
  alreadyPresent: 2,
  rejectedCount: 102,
  rejected: Array.from({ length: 100 }, (_, index) => ({
    line: index + 2,
    reason: index === 0 ? 'recipient_status has no "##" event' : 'message_id is missing',
  })),
  dataStream: 'logs-microsoft_exchange_online_message_trace.log-contoso',
};

function renderPanel(summary: FileImportSummary) {
  return render(
    <EuiProvider>
      <ImportResultPanel fileName="report.csv" summary={summary} />
    </EuiProvider>
  );
}

describe('an import’s result', () => {
  const created: Blob[] = [];
  beforeAll(() => {
    // jsdom has no object URLs; the blob the page makes is what the user would download.
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return `blob:test/${created.length}`;
    };
    URL.revokeObjectURL = () => undefined;
  });

  it('counts what was read, stored, already there and rejected', () => {
    renderPanel(SUMMARY);
    const stat = (id: string) => screen.getByTestId(`emtImportStat-${id}`).textContent;
    expect(stat('rows')).toBe('1,204Rows read');
    expect(stat('created')).toBe('1,100Documents created');
    expect(stat('present')).toBe('2Already present');
    expect(stat('rejected')).toBe('102Rejected');
    screen.getByText(/The first 100 of 102 rejected rows/);
    const first = screen.getByTestId('emtRejectedRow-2');
    within(first).getByText('recipient_status has no "##" event');
  });

  it('downloads the rejected rows as CSV, named after the file', async () => {
    renderPanel(SUMMARY);
    let downloaded: string | undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      downloaded = this.download;
    });
    fireEvent.click(screen.getByTestId('emtDownloadRejected'));
    click.mockRestore();

    expect(downloaded).toBe('report-rejected-rows.csv');
    const blob = created.at(-1)!;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const lines = (await blob.text()).split('\r\n');
    expect(lines.slice(0, 3)).toEqual([
      'file,line,reason',
      'report.csv,2,"recipient_status has no ""##"" event"',
      'report.csv,3,message_id is missing',
    ]);
    expect(lines).toHaveLength(102); // the header, 100 rows and the final line break
  });

  it('has nothing to download when every row went in', () => {
    renderPanel({ ...SUMMARY, rejectedCount: 0, rejected: [] });
    expect(screen.queryByTestId('emtDownloadRejected')).toBeNull();
    expect(screen.queryByTestId('emtRejectedRows')).toBeNull();
  });
});
