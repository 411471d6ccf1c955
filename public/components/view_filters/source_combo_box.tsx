import { useMemo } from 'react';
import { EuiComboBox, type EuiComboBoxOptionOption } from '@elastic/eui';
import type { ConnectionView } from '../../../common/http_api/connections';
import { connectionNameOf } from '../../../common/connection_names';

type SourceKind = 'connection' | 'namespace';
interface Source {
  kind: SourceKind;
  id: string;
}
type SourceOption = EuiComboBoxOptionOption<Source>;

const connectionOption = (id: string, label: string): SourceOption => ({
  label,
  key: `connection:${id}`,
  value: { kind: 'connection', id },
  'data-test-subj': `emtSourceConnection-${id}`,
});

const namespaceOption = (namespace: string): SourceOption => ({
  label: namespace,
  key: `namespace:${namespace}`,
  value: { kind: 'namespace', id: namespace },
  'data-test-subj': `emtSourceNamespace-${namespace}`,
});

export interface SourceComboBoxProps {
  /** Undefined while they load (or when they could not be read). */
  connections: ConnectionView[] | undefined;
  connectionIds: readonly string[];
  /** Undefined: only connections are offered (what reads no data stream, such as collection health). */
  namespaces?: readonly string[];
  onChange(connectionIds: string[], namespaces: string[]): void;
  isInvalid?: boolean;
  fullWidth?: boolean;
  'aria-label': string;
  'data-test-subj': string;
}

/**
 * Connections by name and namespaces (one data stream each): what a view or a rule reads from.
 * A chosen connection that no longer exists stays shown, saying so, so it can be taken out; until
 * the connections are read, a chosen one shows its ID.
 */
export function SourceComboBox({
  connections,
  connectionIds,
  namespaces,
  onChange,
  isInvalid,
  fullWidth,
  'aria-label': ariaLabel,
  'data-test-subj': dataTestSubj,
}: SourceComboBoxProps) {
  const withNamespaces = namespaces !== undefined;
  const options = useMemo<SourceOption[]>(() => {
    const known = connections ?? [];
    const connectionOptions = known.map((connection) =>
      connectionOption(connection.id, connection.settings.name)
    );
    if (!withNamespaces) return connectionOptions;
    return [
      { label: 'Connections', isGroupLabelOption: true },
      ...connectionOptions,
      { label: 'Namespaces', isGroupLabelOption: true },
      ...[...new Set(known.map((c) => c.settings.namespace))].sort().map(namespaceOption),
    ];
  }, [connections, withNamespaces]);
  const selected = [
    ...connectionIds.map((id) =>
      connectionOption(id, connections ? connectionNameOf(id, connections) : id)
    ),
    ...(namespaces ?? []).map(namespaceOption),
  ];
  const idsOf = (chosen: SourceOption[], kind: SourceKind) =>
    chosen.flatMap((option) => (option.value?.kind === kind ? [option.value.id] : []));
  return (
    <EuiComboBox<Source>
      fullWidth={fullWidth}
      aria-label={ariaLabel}
      placeholder="All connections"
      options={options}
      selectedOptions={selected}
      onChange={(chosen) => onChange(idsOf(chosen, 'connection'), idsOf(chosen, 'namespace'))}
      isLoading={connections === undefined}
      isInvalid={isInvalid}
      data-test-subj={dataTestSubj}
    />
  );
}
