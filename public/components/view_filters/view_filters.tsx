import { useMemo, type ReactNode } from 'react';
import {
  EuiCallOut,
  EuiFlexGroup,
  EuiFlexItem,
  EuiSuperDatePicker,
  type EuiSuperDatePickerCommonRange,
} from '@elastic/eui';
import { useAppServices } from '../app_services';
import { CollectionHealth } from '../collection_health';
import { useConnections } from '../../hooks/use_connections';
import type { QueryParams } from '../../hooks/use_query_params';
import { SourceComboBox } from './source_combo_box';
import type { ViewScopeControls } from './use_view_scope';

interface QuickRange {
  from: string;
  to: string;
  display: string;
}

/** Kibana's `timepicker:quickRanges` as the date picker's Commonly used, mapped as its query bar does. */
function useQuickRanges(): EuiSuperDatePickerCommonRange[] {
  const { core } = useAppServices();
  return useMemo(
    () =>
      core.uiSettings
        .get<QuickRange[]>('timepicker:quickRanges')
        .map(({ from, to, display }) => ({ start: from, end: to, label: display })),
    [core]
  );
}

/** What a view reads from: the connections by name and the namespaces. */
function SourceFilter({ controls }: { controls: ViewScopeControls }) {
  const { api } = useAppServices();
  const { connections } = useConnections(api);
  return (
    <SourceComboBox
      aria-label="Connections and namespaces"
      connections={connections}
      connectionIds={controls.state.connectionIds}
      namespaces={controls.state.namespaces}
      onChange={controls.setSources}
      data-test-subj="emtSourceFilter"
    />
  );
}

/**
 * The bar above every view: where from, when, and the page's own controls. `pendingParams` are
 * applied with a new time or a refresh, as Kibana's query bar submits its query with the date
 * picker's Update and Refresh.
 */
export function ViewFilters({
  controls,
  isLoading,
  pendingParams,
  children,
}: {
  controls: ViewScopeControls;
  isLoading: boolean;
  pendingParams?: QueryParams;
  children?: ReactNode;
}) {
  const problem = controls.rangeProblem;
  const { formatDate } = useAppServices();
  const quickRanges = useQuickRanges();
  return (
    <>
      <EuiFlexGroup gutterSize="s" alignItems="center" wrap data-test-subj="emtViewFilters">
        {children}
        <EuiFlexItem style={{ minWidth: 240 }}>
          <SourceFilter controls={controls} />
        </EuiFlexItem>
        <EuiFlexItem grow={false}>
          <EuiSuperDatePicker
            start={controls.state.start}
            end={controls.state.end}
            isLoading={isLoading}
            commonlyUsedRanges={quickRanges}
            dateFormat={formatDate.pattern}
            // An inverted range is taken too: the page says what is wrong with it, not "no results".
            onTimeChange={({ start, end }) => controls.setTime(start, end, pendingParams)}
            onRefresh={() => {
              controls.refresh();
              if (pendingParams) controls.setParams(pendingParams);
            }}
            data-test-subj="emtDatePicker"
          />
        </EuiFlexItem>
      </EuiFlexGroup>
      {problem && (
        <EuiCallOut
          color="warning"
          iconType="calendar"
          title={problem.title}
          style={{ marginTop: 8 }}
          data-test-subj="emtRangeProblem"
        >
          <p>{problem.body}</p>
        </EuiCallOut>
      )}
      <CollectionHealth controls={controls} />
    </>
  );
}
