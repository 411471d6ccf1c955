import { useMemo, type ReactNode } from 'react';
import {
  EuiCallOut,
  EuiComboBox,
  EuiFlexGroup,
  EuiFlexItem,
  EuiSuperDatePicker,
  type EuiComboBoxOptionOption,
  type EuiSuperDatePickerCommonRange,
} from '@elastic/eui';
import { useAppServices } from '../app_services';
import { CollectionHealth } from '../collection_health';
import { useConnections } from '../../hooks/use_connections';
import type { QueryParams } from '../../hooks/use_query_params';
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

type SourceOption = EuiComboBoxOptionOption<{ kind: 'connection' | 'namespace'; id: string }>;

/** Connections by name and namespaces (one data stream each): what a view reads from. */
function SourceFilter({ controls }: { controls: ViewScopeControls }) {
  const { api } = useAppServices();
  const { connections } = useConnections(api);
  const options = useMemo<SourceOption[]>(() => {
    const namespaces = [...new Set((connections ?? []).map((c) => c.settings.namespace))].sort();
    return [
      {
        label: 'Connections',
        isGroupLabelOption: true,
      },
      ...(connections ?? []).map((connection) => ({
        label: connection.settings.name,
        key: `connection:${connection.id}`,
        value: { kind: 'connection' as const, id: connection.id },
        'data-test-subj': `emtSourceConnection-${connection.id}`,
      })),
      { label: 'Namespaces', isGroupLabelOption: true },
      ...namespaces.map((namespace) => ({
        label: namespace,
        key: `namespace:${namespace}`,
        value: { kind: 'namespace' as const, id: namespace },
        'data-test-subj': `emtSourceNamespace-${namespace}`,
      })),
    ];
  }, [connections]);
  const { connectionIds, namespaces } = controls.state;
  const selected = options.filter(
    (option) =>
      (option.value?.kind === 'connection' && connectionIds.includes(option.value.id)) ||
      (option.value?.kind === 'namespace' && namespaces.includes(option.value.id))
  );
  const idsOf = (chosen: SourceOption[], kind: 'connection' | 'namespace') =>
    chosen.flatMap((option) => (option.value?.kind === kind ? [option.value.id] : []));
  return (
    <EuiComboBox<{ kind: 'connection' | 'namespace'; id: string }>
      aria-label="Connections and namespaces"
      placeholder="All connections"
      options={options}
      selectedOptions={selected}
      onChange={(chosen) =>
        controls.setSources(idsOf(chosen, 'connection'), idsOf(chosen, 'namespace'))
      }
      isLoading={connections === undefined}
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
