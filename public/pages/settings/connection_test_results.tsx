import {
  EuiBadge,
  EuiCallOut,
  EuiCodeBlock,
  EuiSpacer,
  EuiSteps,
  EuiText,
  type EuiStepsProps,
} from '@elastic/eui';
import type {
  TestConnectionResponse,
  TestStep,
  TestStepOutcome,
} from '../../../common/http_api/connections';

type StepStatus = NonNullable<EuiStepsProps['steps'][number]['status']>;

const STEP_STATUS: Record<TestStepOutcome, StepStatus> = {
  passed: 'complete',
  failed: 'danger',
  warning: 'warning',
  skipped: 'disabled',
};

function StepDetails({ step }: { step: TestStep }) {
  return (
    <EuiText size="s">
      <p>
        {step.message}
        {step.code && (
          <>
            {' '}
            <EuiBadge color="hollow">{step.code}</EuiBadge>
          </>
        )}
        {step.durationMs !== undefined && (
          <EuiText size="xs" color="subdued" component="span">
            {' '}
            ({step.durationMs} ms)
          </EuiText>
        )}
      </p>
      {step.cause && (
        <p>
          <strong>Likely cause:</strong> {step.cause}
        </p>
      )}
      {step.fix && (
        <p>
          <strong>Fix:</strong> {step.fix}
        </p>
      )}
      {step.command && (
        <EuiCodeBlock language="powershell" isCopyable fontSize="s" paddingSize="s">
          {step.command}
        </EuiCodeBlock>
      )}
    </EuiText>
  );
}

/** Each step of a connection test (sign-in, permission, service principal, query) and its outcome. */
export function ConnectionTestResults({ result }: { result: TestConnectionResponse }) {
  const steps: EuiStepsProps['steps'] = result.steps.map((step) => ({
    title: step.title,
    status: STEP_STATUS[step.outcome],
    children: <StepDetails step={step} />,
    'data-test-subj': `emtTestStep-${step.id}`,
    ...{ 'data-outcome': step.outcome },
  }));
  return (
    <div data-test-subj="emtTestResults">
      <EuiCallOut
        size="s"
        color={result.ok ? 'success' : 'danger'}
        iconType={result.ok ? 'check' : 'error'}
        title={result.ok ? 'The connection works' : 'The connection test failed'}
        data-test-subj="emtTestOutcome"
      />
      <EuiSpacer size="m" />
      <EuiSteps titleSize="xs" steps={steps} />
    </div>
  );
}
