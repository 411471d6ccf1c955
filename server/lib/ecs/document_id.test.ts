import { messageTraceDocumentId, messageTraceRowId } from './document_id';
import { toMessageTraceDocument } from './message_trace_document';

const row = {
  id: '4C1B2D3E-0000-4000-8000-00000000ABCD',
  recipientAddress: 'Bob@Contoso.com',
  status: 'Delivered',
  receivedDateTime: '2026-03-01T10:20:30Z',
};

describe('messageTraceDocumentId', () => {
  it('is stable and base64url', () => {
    const id = messageTraceDocumentId(row);
    expect(id).toBe(messageTraceDocumentId({ ...row }));
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('ignores case of trace id and recipient, and the status spelling (beta vs v1.0)', () => {
    expect(
      messageTraceDocumentId({
        id: row.id.toLowerCase(),
        recipientAddress: ' bob@contoso.com ',
        status: 'delivered',
      })
    ).toBe(messageTraceDocumentId(row));
  });

  it('differs per recipient, status and trace id', () => {
    const ids = new Set([
      messageTraceDocumentId(row),
      messageTraceDocumentId({ ...row, recipientAddress: 'carol@contoso.com' }),
      messageTraceDocumentId({ ...row, status: 'Pending' }),
      messageTraceDocumentId({ ...row, status: 'somethingNew' }),
      messageTraceDocumentId({ ...row, id: '4c1b2d3e-0000-4000-8000-00000000abce' }),
    ]);
    expect(ids.size).toBe(5);
  });

  it('does not depend on tenant, connection, dataset or anything but the key', () => {
    const a = toMessageTraceDocument(
      { ...row, subject: 'x', size: 1 },
      { tenantId: 'a', connectionId: '1' }
    );
    const b = toMessageTraceDocument(
      { ...row, subject: 'y', size: 2, receivedDateTime: '2026-03-02T00:00:00Z' },
      { tenantId: 'b', connectionName: 'B', dataset: 'other', namespace: 'x' }
    );
    expect(a._id).toBe(b._id);
  });

  it('cannot be forged by moving text between parts', () => {
    expect(messageTraceDocumentId({ id: 'a', recipientAddress: 'b","c', status: 'd' })).not.toBe(
      messageTraceDocumentId({ id: 'a","b', recipientAddress: 'c', status: 'd' })
    );
  });

  it('shares its row id with every status of the same row, case-insensitively', () => {
    const rowId = messageTraceRowId(row);
    expect(rowId).toBe('4c1b2d3e-0000-4000-8000-00000000abcd|bob@contoso.com');
    expect(
      messageTraceRowId({ id: row.id.toLowerCase(), recipientAddress: ' BOB@contoso.com' })
    ).toBe(rowId);
    expect(
      toMessageTraceDocument({ ...row, status: 'Pending' }).document.exchange_message_trace
    ).toEqual({ row_id: rowId });
    expect(messageTraceRowId({ ...row, recipientAddress: 'carol@contoso.com' })).not.toBe(rowId);
  });
});
