import { act, fireEvent, screen, within } from '@testing-library/react';
import { CONNECTIONS_API_PATH } from '../../../common/http_api/connections';
import type { FileImportSummary } from '../../../common/http_api/files';
import { connectionView } from '../../test_support/connection_fixtures';
import { renderWithServices } from '../../test_support/fake_core';
import { installFakeUploads } from '../../test_support/fake_uploads';
import { ImportFilesPage } from './import_files_page';

const summary = (overrides: Partial<FileImportSummary> = {}): FileImportSummary => ({
  format: 'powershell_csv',
  rows: 8,
  documentsCreated: 5,
  alreadyPresent: 0,
  rejectedCount: 3,
  rejected: [
    { line: 8, reason: '"20/11/2026 15:04:05" is not an en-US date' },
    { line: 9, reason: 'id is missing' },
    { line: 10, reason: 'the row has 7 fields where the header has 17' },
  ],
  dataStream: 'logs-microsoft_exchange_online_message_trace.log-default',
  ...overrides,
});

const csv = (name: string, bytes: number) => new File(['x'.repeat(bytes)], name);

function renderPage() {
  return renderWithServices(<ImportFilesPage />, {
    path: '/import',
    routes: {
      [`GET ${CONNECTIONS_API_PATH}`]: () => ({
        connections: [
          connectionView({
            id: 'c1',
            settings: {
              ...connectionView().settings,
              localDomains: ['contoso.com', 'fabrikam.com'],
              namespace: 'contoso',
            },
          }),
        ],
      }),
    },
  });
}

function chooseFiles(files: File[]) {
  const input = screen.getByTestId('emtImportFilePicker') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

const importButton = () => screen.getByTestId('emtImportStart') as HTMLButtonElement;
const queryOf = (url: string) => Object.fromEntries(new URL(url, 'http://kibana').searchParams);
const progressBar = () => screen.getByTestId('emtImportProgress');

describe('the import files page', () => {
  let fake: ReturnType<typeof installFakeUploads>;
  beforeEach(() => (fake = installFakeUploads()));
  afterEach(() => fake.restore());

  it('uploads with the chosen options, follows the bytes sent and shows the result', async () => {
    renderPage();
    expect(importButton().disabled).toBe(true);
    chooseFiles([csv('trace.csv', 2000)]);
    fireEvent.change(screen.getByTestId('emtImportFormat'), {
      target: { value: 'powershell_csv' },
    });
    fireEvent.change(screen.getByTestId('emtImportDateCulture'), { target: { value: 'en-GB' } });

    const timezone = screen.getByTestId('emtImportTimezone');
    fireEvent.change(timezone, { target: { value: 'Mars/Olympus_Mons' } });
    screen.getByText(/Must be an IANA time zone name/);
    expect(importButton().disabled).toBe(true);
    fireEvent.change(timezone, { target: { value: 'Europe/London' } });

    const domains = within(screen.getByTestId('emtImportLocalDomains')).getByRole('combobox');
    fireEvent.change(domains, { target: { value: 'Contoso.com' } });
    fireEvent.keyDown(domains, { key: 'Enter' });
    expect(importButton().disabled).toBe(false);

    fireEvent.click(importButton());
    const [upload] = fake.uploads;
    expect(queryOf(upload!.url)).toEqual({
      format: 'powershell_csv',
      timezone: 'Europe/London',
      dateCulture: 'en-GB',
      localDomains: 'contoso.com',
    });
    expect(importButton().disabled).toBe(true);

    act(() => upload!.progress(500));
    expect(progressBar().getAttribute('value')).toBe('500');
    expect(progressBar().getAttribute('max')).toBe('2000');
    screen.getByText('Uploading trace.csv');

    await act(async () => upload!.respond(200, summary()));
    expect(progressBar().getAttribute('value')).toBe('2000');
    expect(progressBar().getAttribute('data-phase')).toBe('done');
    const result = screen.getByTestId('emtImportResult');
    expect(within(result).getByTestId('emtImportStat-created').textContent).toContain('5');
    expect(within(result).getByTestId('emtRejectedRow-9').textContent).toContain('id is missing');
    expect(importButton().disabled).toBe(false);
  });

  it('takes the local domains from a chosen connection', async () => {
    renderPage();
    chooseFiles([csv('trace.csv', 10)]);
    const select = screen.getByTestId('emtImportConnection');
    await within(select).findByText('Contoso (contoso.com, fabrikam.com)');
    fireEvent.change(select, { target: { value: 'c1' } });
    expect(screen.queryByTestId('emtImportLocalDomains')).toBeNull();
    screen.getByText(/namespace \(contoso\)/);

    fireEvent.click(importButton());
    expect(queryOf(fake.uploads[0]!.url)).toEqual({
      connectionId: 'c1',
      timezone: 'UTC',
      dateCulture: 'en-US',
    });
  });

  it('imports several files one after the other; a file over the limit is a toast naming it', async () => {
    const { toasts } = renderPage();
    chooseFiles([csv('big.csv', 3000), csv('small.csv', 1000)]);
    fireEvent.click(importButton());

    expect(fake.uploads).toHaveLength(1);
    await act(async () =>
      fake.uploads[0]!.respond(413, {
        statusCode: 413,
        message: 'Payload content length greater than maximum allowed: 1073741824',
      })
    );
    expect(toasts).toEqual([
      {
        kind: 'error',
        title: 'big.csv is too large to upload',
        text: expect.stringContaining('larger than 1.0 GB, the upload limit set in kibana.yml'),
      },
    ]);

    const second = fake.uploads[1]!;
    act(() => second.progress(1000));
    expect(progressBar().getAttribute('value')).toBe('4000');
    screen.getByText('Importing small.csv (2 of 2) into Elasticsearch');
    await act(async () => second.respond(200, summary({ documentsCreated: 0, alreadyPresent: 5 })));
    expect(screen.getAllByTestId('emtImportResult')).toHaveLength(1);
    expect(screen.getByTestId('emtImportStat-created').textContent).toContain('0');
  });

  it('shows the route’s 413 as it is: the limit it names and what was imported before it', async () => {
    const { toasts } = renderPage();
    chooseFiles([csv('many.csv', 3000)]);
    fireEvent.click(importButton());
    const message =
      'The file has more than 1000000 rows, the limit set in kibana.yml (exchange_message_trace.files.maxUploadRows). ' +
      'The 1000000 rows before it, the last starting at line 1000001, were read: 999998 created, 0 already present, 2 rejected. Nothing after that row was written.';
    await act(async () =>
      fake.uploads[0]!.respond(413, { statusCode: 413, error: 'Payload Too Large', message })
    );
    expect(toasts).toEqual([
      {
        kind: 'error',
        title: 'many.csv is too large to upload',
        text: `${message} Split it, or import it from a configured path or with the command line.`,
      },
    ]);
  });

  it('cancels an upload under way', async () => {
    const { toasts } = renderPage();
    chooseFiles([csv('trace.csv', 100)]);
    fireEvent.click(importButton());
    await act(async () => fireEvent.click(screen.getByTestId('emtImportCancel')));
    expect(fake.uploads[0]!.aborted).toBe(true);
    expect(progressBar().getAttribute('data-phase')).toBe('cancelled');
    expect(toasts).toEqual([]);
    expect(importButton().disabled).toBe(false);
  });
});
