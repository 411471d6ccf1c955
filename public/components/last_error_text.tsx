import { useState } from 'react';
import { EuiButtonEmpty, EuiCodeBlock, EuiText } from '@elastic/eui';
import type { ConnectionStatus } from '../../common/connection_status';
import { errorDetailsText, lastErrorInWords } from '../../common/last_error_words';
import { useFormatDate } from './app_services';

interface LastErrorTextProps {
  error: NonNullable<ConnectionStatus['lastError']>;
  'data-test-subj': string;
}

/**
 * A connection's last error in words (what happened, what to do); the recorded error, without API
 * key ids, only on demand: it is for whoever debugs, not the first thing a person reads.
 */
export function LastErrorText({ error, 'data-test-subj': testSubj }: LastErrorTextProps) {
  const [showDetails, setShowDetails] = useState(false);
  const formatDate = useFormatDate();
  const { happened, toDo } = lastErrorInWords(error);
  return (
    <div data-test-subj={testSubj}>
      <EuiText size="xs" color="danger" data-test-subj={`${testSubj}-happened`}>
        {happened}
      </EuiText>
      <EuiText size="xs" data-test-subj={`${testSubj}-toDo`}>
        {toDo}
      </EuiText>
      <EuiButtonEmpty
        size="xs"
        flush="left"
        iconType={showDetails ? 'arrowDown' : 'arrowRight'}
        onClick={() => setShowDetails(!showDetails)}
        aria-expanded={showDetails}
        data-test-subj={`${testSubj}-details`}
      >
        {showDetails ? 'Hide details' : 'Details'}
      </EuiButtonEmpty>
      {showDetails && (
        <EuiCodeBlock
          fontSize="s"
          paddingSize="s"
          transparentBackground
          whiteSpace="pre-wrap"
          data-test-subj={`${testSubj}-detailsText`}
        >
          {`${formatDate(error.at)} (${error.kind})\n${errorDetailsText(error)}`}
        </EuiCodeBlock>
      )}
    </div>
  );
}
