import { useState } from 'react';
import { EuiFilterButton, EuiFilterGroup, EuiPopover, EuiSelectable } from '@elastic/eui';
import {
  REASON_LABELS,
  SENDER_REASON_CODES,
  type SenderReasonCode,
} from '../../../common/sender_reasons';

interface ReasonFilterProps {
  selected: readonly SenderReasonCode[];
  onChange(reasons: SenderReasonCode[]): void;
}

/** Only senders with one of the chosen reasons; none chosen lists every sender. */
export function ReasonFilter({ selected, onChange }: ReasonFilterProps) {
  const [open, setOpen] = useState(false);
  const options = SENDER_REASON_CODES.map((code) => ({
    key: code,
    label: REASON_LABELS[code],
    checked: selected.includes(code) ? ('on' as const) : undefined,
    'data-test-subj': `emtReasonOption-${code}`,
  }));
  return (
    <EuiFilterGroup compressed>
      <EuiPopover
        isOpen={open}
        closePopover={() => setOpen(false)}
        panelPaddingSize="none"
        button={
          <EuiFilterButton
            iconType="arrowDown"
            onClick={() => setOpen((current) => !current)}
            isSelected={open}
            hasActiveFilters={selected.length > 0}
            numActiveFilters={selected.length}
            numFilters={SENDER_REASON_CODES.length}
            data-test-subj="emtReasonFilter"
          >
            Reasons
          </EuiFilterButton>
        }
      >
        <EuiSelectable
          aria-label="Show senders with these reasons"
          options={options}
          listProps={{ isVirtualized: false }}
          onChange={(next) =>
            onChange(
              next
                .filter((option) => option.checked === 'on')
                .map((option) => option.key as SenderReasonCode)
            )
          }
          data-test-subj="emtReasonFilterList"
        >
          {(list) => <div style={{ width: 240 }}>{list}</div>}
        </EuiSelectable>
      </EuiPopover>
    </EuiFilterGroup>
  );
}
