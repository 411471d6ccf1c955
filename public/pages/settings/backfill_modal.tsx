import { useState } from 'react';
import moment, { type Moment } from 'moment';
import {
  EuiButton,
  EuiButtonEmpty,
  EuiCallOut,
  EuiDatePicker,
  EuiDatePickerRange,
  EuiFormRow,
  EuiModal,
  EuiModalBody,
  EuiModalFooter,
  EuiModalHeader,
  EuiModalHeaderTitle,
  EuiProgress,
  EuiSpacer,
  EuiText,
  useGeneratedHtmlId,
} from '@elastic/eui';
import { formatCodecErrors } from '../../../common/codec_errors';
import {
  backfillRequestCodec,
  type BackfillProgress,
  type BackfillRequest,
  type ConnectionView,
} from '../../../common/http_api/connections';
import { useAppServices, useFormatDate } from '../../components/app_services';
import { badRequestLines } from '../../services/http_errors';
import { formatCount } from './format';
import { backfillProgress } from './health_badges';

/** Microsoft keeps message traces this long. */
const RETENTION_DAYS = 90;

interface BackfillModalProps {
  /** The connection as last polled, so the progress follows the task. */
  connection: ConnectionView;
  onClose(): void;
  onStarted(connection: ConnectionView): void;
}

function validateRange(
  start: Moment,
  end: Moment
): { request?: BackfillRequest; errors: string[] } {
  const decoded = backfillRequestCodec.decode({
    start: start.toISOString(),
    end: end.toISOString(),
  });
  if (decoded._tag === 'Left') return { errors: formatCodecErrors(decoded.left) };
  const errors = [
    ...(start.isBefore(end) ? [] : ['The start must be before the end.']),
    ...(start.isBefore(moment().subtract(RETENTION_DAYS, 'days'))
      ? [`Microsoft keeps message traces for ${RETENTION_DAYS} days; start later.`]
      : []),
  ];
  return errors.length ? { errors } : { request: decoded.right, errors };
}

function latest(...backfills: Array<BackfillProgress | undefined>) {
  return backfills.reduce<BackfillProgress | undefined>(
    (newest, candidate) =>
      candidate && (!newest || Date.parse(candidate.requestedAt) > Date.parse(newest.requestedAt))
        ? candidate
        : newest,
    undefined
  );
}

function Progress({ backfill }: { backfill: BackfillProgress }) {
  const { value, max, percent } = backfillProgress(backfill);
  const formatDate = useFormatDate();
  return (
    <>
      <EuiProgress
        value={value}
        max={max}
        valueText={`${percent}%`}
        label={
          backfill.done
            ? `Finished ${formatDate(backfill.finishedAt ?? backfill.readUntil)}`
            : `Read up to ${formatDate(backfill.readUntil)}`
        }
        color={backfill.done ? 'success' : 'primary'}
        size="m"
        data-test-subj="emtBackfillProgress"
      />
      <EuiSpacer size="s" />
      <EuiText size="s" color="subdued">
        {formatDate(backfill.start)} to {formatDate(backfill.end)}:{' '}
        <span data-test-subj="emtBackfillDocuments">{formatCount(backfill.documents)}</span>{' '}
        documents so far.
      </EuiText>
    </>
  );
}

/** Re-read a past range (within Microsoft's 90 days) and follow the task's progress. */
export function BackfillModal({ connection, onClose, onStarted }: BackfillModalProps) {
  const { api, core } = useAppServices();
  const titleId = useGeneratedHtmlId({ prefix: 'emtBackfillTitle' });
  const [start, setStart] = useState(() => moment().subtract(7, 'days').startOf('day'));
  const [end, setEnd] = useState(() => moment().startOf('minute'));
  const [submitting, setSubmitting] = useState(false);
  const [serverErrors, setServerErrors] = useState<string[]>([]);
  // The POST answers with the new backfill before the next poll has it.
  const [started, setStarted] = useState<BackfillProgress>();
  const backfill = latest(connection.backfill, started);
  const inProgress = backfill !== undefined && !backfill.done;
  const { request, errors } = validateRange(start, end);
  const shownErrors = [...errors, ...serverErrors];

  const submit = async () => {
    if (!request) return;
    setSubmitting(true);
    setServerErrors([]);
    try {
      const updated = await api.backfill(connection.id, request);
      setStarted(updated.backfill);
      onStarted(updated);
    } catch (error) {
      const lines = badRequestLines(error);
      if (lines) setServerErrors(lines);
      else
        core.notifications.toasts.addError(error as Error, {
          title: 'Could not start the backfill',
        });
    } finally {
      setSubmitting(false);
    }
  };

  const oldest = moment().subtract(RETENTION_DAYS, 'days');
  const picker = (value: Moment, onChange: (date: Moment) => void, label: string) => (
    <EuiDatePicker
      selected={value}
      onChange={(date) => date && onChange(date)}
      showTimeSelect
      minDate={oldest}
      maxDate={moment()}
      aria-label={label}
      data-test-subj={`emtBackfill${label}`}
    />
  );

  return (
    <EuiModal onClose={onClose} aria-labelledby={titleId} data-test-subj="emtBackfillModal">
      <EuiModalHeader>
        <EuiModalHeaderTitle id={titleId}>Backfill {connection.settings.name}</EuiModalHeaderTitle>
      </EuiModalHeader>
      <EuiModalBody>
        {backfill && <Progress backfill={backfill} />}
        {!inProgress && (
          <>
            {backfill && <EuiSpacer />}
            <EuiText size="s">
              <p>
                Reads a past range again, beside the regular schedule. Documents already collected
                are updated, not duplicated.
              </p>
            </EuiText>
            <EuiSpacer size="m" />
            <EuiFormRow
              label="Range"
              helpText={`Within the last ${RETENTION_DAYS} days.`}
              isInvalid={shownErrors.length > 0}
              error={shownErrors}
              fullWidth
            >
              <EuiDatePickerRange
                isInvalid={shownErrors.length > 0}
                startDateControl={picker(start, setStart, 'Start')}
                endDateControl={picker(end, setEnd, 'End')}
                fullWidth
              />
            </EuiFormRow>
          </>
        )}
        {inProgress && (
          <>
            <EuiSpacer />
            <EuiCallOut size="s" iconType="clock" title="The backfill runs in the background">
              <p>You can close this window; the table shows its progress too.</p>
            </EuiCallOut>
          </>
        )}
      </EuiModalBody>
      <EuiModalFooter>
        <EuiButtonEmpty onClick={onClose} data-test-subj="emtCloseBackfill">
          Close
        </EuiButtonEmpty>
        {!inProgress && (
          <EuiButton
            fill
            onClick={submit}
            isLoading={submitting}
            isDisabled={!request}
            data-test-subj="emtStartBackfill"
          >
            Start backfill
          </EuiButton>
        )}
      </EuiModalFooter>
    </EuiModal>
  );
}
