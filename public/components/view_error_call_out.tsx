import { EuiCallOut, EuiText } from '@elastic/eui';
import { badRequestLines } from '../services/http_errors';

/** What the views' request fields are called on the page. */
const FIELD_LABELS: Record<string, string> = {
  start: 'The start of the time range',
  end: 'The end of the time range',
  sender: 'Sender',
  recipient: 'Recipient',
  subject: 'Subject',
  messageId: 'Message ID',
  ip: 'IP address',
  statuses: 'Status',
  connectionIds: 'Connections',
  namespaces: 'Namespaces',
};

/** `ip: must be …` as "IP address must be …."; lines without a known field stay as they are. */
function sentenceOf(line: string): string {
  const match = /^([\w.]+): (.*)$/.exec(line);
  const label = match && FIELD_LABELS[match[1]!.split('.')[0]!];
  const sentence = label ? `${label} ${match[2]}` : line;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The sentences of a failed request: each refused field on its own, or the server's message. */
export function errorSentences(error: Error): string[] {
  return [...new Set((badRequestLines(error) ?? [error.message]).map(sentenceOf))];
}

/** A failed request as Kibana shows one: a title that says what failed, the reasons below it. */
export function ViewErrorCallOut({
  title,
  error,
  'data-test-subj': dataTestSubj,
}: {
  title: string;
  error: Error;
  'data-test-subj'?: string;
}) {
  return (
    <EuiCallOut color="danger" iconType="error" title={title} data-test-subj={dataTestSubj}>
      {errorSentences(error).map((sentence) => (
        <EuiText size="s" key={sentence}>
          <p>{sentence}</p>
        </EuiText>
      ))}
    </EuiCallOut>
  );
}
