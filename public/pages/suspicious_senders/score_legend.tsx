import { useState } from 'react';
import {
  EuiBadge,
  EuiButtonEmpty,
  EuiPopover,
  EuiPopoverTitle,
  EuiSpacer,
  EuiTable,
  EuiTableBody,
  EuiTableHeader,
  EuiTableHeaderCell,
  EuiTableRow,
  EuiTableRowCell,
  EuiText,
} from '@elastic/eui';
import {
  HIGH_SCORE,
  MEDIUM_SCORE,
  REASON_LABELS,
  REASON_MEANINGS,
  REASON_WEIGHTS,
  SENDER_REASON_CODES,
} from '../../../common/sender_reasons';

/** What a score means: the sum of its reasons' weights, each reason's weight, and the bands. */
export function ScoreLegend() {
  const [open, setOpen] = useState(false);
  return (
    <EuiPopover
      isOpen={open}
      closePopover={() => setOpen(false)}
      anchorPosition="downRight"
      button={
        <EuiButtonEmpty
          size="s"
          iconType="info"
          onClick={() => setOpen((current) => !current)}
          data-test-subj="emtScoreLegendButton"
        >
          How scores work
        </EuiButtonEmpty>
      }
    >
      <EuiPopoverTitle>How scores work</EuiPopoverTitle>
      <div style={{ maxWidth: 560 }} data-test-subj="emtScoreLegend">
        <EuiText size="s">
          <p>
            A score adds up the weights of the reasons a sender has.{' '}
            <EuiBadge color="danger">{HIGH_SCORE}+</EuiBadge> is very likely unwanted,{' '}
            <EuiBadge color="warning">
              {MEDIUM_SCORE}–{HIGH_SCORE - 1}
            </EuiBadge>{' '}
            deserves a look, below {MEDIUM_SCORE} is a single weak sign.
          </p>
        </EuiText>
        <EuiSpacer size="s" />
        <EuiTable compressed>
          <EuiTableHeader>
            <EuiTableHeaderCell width="12em">Reason</EuiTableHeaderCell>
            <EuiTableHeaderCell width="5em" align="right">
              Adds up to
            </EuiTableHeaderCell>
            <EuiTableHeaderCell>When</EuiTableHeaderCell>
          </EuiTableHeader>
          <EuiTableBody>
            {SENDER_REASON_CODES.map((code) => (
              <EuiTableRow key={code} data-test-subj={`emtLegend-${code}`}>
                <EuiTableRowCell>{REASON_LABELS[code]}</EuiTableRowCell>
                <EuiTableRowCell align="right">{REASON_WEIGHTS[code]}</EuiTableRowCell>
                <EuiTableRowCell>{REASON_MEANINGS[code]}</EuiTableRowCell>
              </EuiTableRow>
            ))}
          </EuiTableBody>
        </EuiTable>
      </div>
    </EuiPopover>
  );
}
