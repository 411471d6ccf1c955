import {
  EuiButton,
  EuiFlexGroup,
  EuiFlexItem,
  EuiInMemoryTable,
  EuiPanel,
  EuiSpacer,
  EuiStat,
  EuiText,
  EuiTitle,
  type EuiBasicTableColumn,
} from '@elastic/eui';
import type { FileImportSummary, RejectedRow } from '../../../common/http_api/files';
import { formatCount } from '../settings/format';
import { downloadRejectedRows } from './rejected_rows_csv';

const REJECTED_COLUMNS: Array<EuiBasicTableColumn<RejectedRow>> = [
  { field: 'line', name: 'Line', width: '96px', dataType: 'number', sortable: true },
  { field: 'reason', name: 'Reason' },
];

interface ImportResultPanelProps {
  fileName: string;
  summary: FileImportSummary;
}

/** One file's import: what was read, stored, already there and rejected, and why. */
export function ImportResultPanel({ fileName, summary }: ImportResultPanelProps) {
  const stats = [
    { id: 'rows', title: summary.rows, description: 'Rows read' },
    { id: 'created', title: summary.documentsCreated, description: 'Documents created' },
    { id: 'present', title: summary.alreadyPresent, description: 'Already present' },
    {
      id: 'rejected',
      title: summary.rejectedCount,
      description: 'Rejected',
      color: summary.rejectedCount > 0 ? 'danger' : undefined,
    },
  ];
  const { rejected } = summary;
  return (
    <EuiPanel hasBorder data-test-subj="emtImportResult">
      <EuiTitle size="xs">
        <h3>{fileName}</h3>
      </EuiTitle>
      <EuiText size="s" color="subdued">
        <p>
          Read as <code>{summary.format}</code>, into <code>{summary.dataStream}</code>
        </p>
      </EuiText>
      <EuiSpacer size="m" />
      <EuiFlexGroup gutterSize="s" wrap responsive={false}>
        {stats.map((stat) => (
          <EuiFlexItem key={stat.id} style={{ minWidth: 150 }}>
            <EuiPanel paddingSize="s" hasBorder data-test-subj={`emtImportStat-${stat.id}`}>
              <EuiStat
                title={formatCount(stat.title)}
                description={stat.description}
                titleSize="s"
                titleColor={stat.color}
                reverse
              />
            </EuiPanel>
          </EuiFlexItem>
        ))}
      </EuiFlexGroup>
      {rejected.length > 0 && (
        <>
          <EuiSpacer size="m" />
          <EuiFlexGroup alignItems="center" justifyContent="spaceBetween" responsive={false}>
            <EuiFlexItem grow={false}>
              <EuiText size="s">
                <p>
                  {rejected.length < summary.rejectedCount
                    ? `The first ${rejected.length} of ${formatCount(summary.rejectedCount)} rejected rows; the rows around them were imported.`
                    : 'Rejected rows, by their line in the file; the rows around them were imported.'}
                </p>
              </EuiText>
            </EuiFlexItem>
            <EuiFlexItem grow={false}>
              <EuiButton
                size="s"
                iconType="download"
                onClick={() => downloadRejectedRows(fileName, rejected)}
                data-test-subj="emtDownloadRejected"
              >
                Download errors (CSV)
              </EuiButton>
            </EuiFlexItem>
          </EuiFlexGroup>
          <EuiSpacer size="s" />
          <EuiInMemoryTable
            tableCaption={`Rejected rows of ${fileName}`}
            items={rejected}
            columns={REJECTED_COLUMNS}
            pagination={rejected.length > 10 ? { pageSizeOptions: [10, 25, 100] } : undefined}
            rowProps={(row) => ({ 'data-test-subj': `emtRejectedRow-${row.line}` })}
            data-test-subj="emtRejectedRows"
          />
        </>
      )}
    </EuiPanel>
  );
}
