import { useState } from 'react';
import {
  EuiButtonEmpty,
  EuiCallOut,
  EuiComboBox,
  EuiFormRow,
  EuiSpacer,
  EuiSwitch,
  EuiTitle,
} from '@elastic/eui';
import type { TestConnectionRequest } from '../../../common/http_api/connections';
import { useAppServices } from '../../components/app_services';
import type { ConnectionForm } from './use_connection_form';

interface DomainFieldsProps {
  form: ConnectionForm;
  /** The credentials to ask Microsoft with, or undefined (their errors are then shown). */
  credentials(): TestConnectionRequest | undefined;
}

type Discovery =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'found'; count: number }
  | { kind: 'unavailable'; reason: string };

/** The organisation's own domains, which decide a message's direction; typed or read from Entra. */
export function DomainFields({ form, credentials }: DomainFieldsProps) {
  const { api, core } = useAppServices();
  const { values, setField, touch, errorsFor } = form;
  const [discovery, setDiscovery] = useState<Discovery>({ kind: 'idle' });
  const errors = errorsFor('localDomains');

  const addDomains = (domains: string[]) => {
    const normalized = domains.map((domain) => domain.trim().toLowerCase()).filter(Boolean);
    setField('localDomains', [...new Set([...values.localDomains, ...normalized])]);
    touch('localDomains');
  };

  const discover = async () => {
    const request = credentials();
    if (!request) return;
    setDiscovery({ kind: 'loading' });
    try {
      const answer = await api.discoverDomains(request);
      if (answer.available) {
        addDomains(answer.domains);
        setDiscovery({ kind: 'found', count: answer.domains.length });
      } else {
        setDiscovery({ kind: 'unavailable', reason: answer.reason });
      }
    } catch (error) {
      setDiscovery({ kind: 'idle' });
      if (!form.showServerErrors(error)) {
        core.notifications.toasts.addError(error as Error, {
          title: 'Could not read the domains from the tenant',
        });
      }
    }
  };

  return (
    <>
      <EuiTitle size="xs">
        <h3>Mail domains</h3>
      </EuiTitle>
      <EuiSpacer size="s" />
      <EuiFormRow
        label="Local domains"
        helpText={
          discovery.kind === 'found'
            ? `Read ${discovery.count} verified domain${discovery.count === 1 ? '' : 's'} from the tenant.`
            : 'Mail between these domains is internal; to or from them, inbound or outbound.'
        }
        labelAppend={
          <EuiButtonEmpty
            size="xs"
            iconType="importAction"
            isLoading={discovery.kind === 'loading'}
            onClick={discover}
            data-test-subj="emtDiscoverDomains"
          >
            Discover from tenant
          </EuiButtonEmpty>
        }
        isInvalid={Boolean(errors)}
        error={errors}
      >
        <EuiComboBox
          noSuggestions
          placeholder="contoso.com"
          selectedOptions={values.localDomains.map((domain) => ({ label: domain }))}
          onCreateOption={(domain) => addDomains([domain])}
          onChange={(options) => {
            setField(
              'localDomains',
              options.map((option) => option.label)
            );
            touch('localDomains');
          }}
          onBlur={() => touch('localDomains')}
          delimiter=","
          fullWidth
          isInvalid={Boolean(errors)}
          data-test-subj="emtField-localDomains"
        />
      </EuiFormRow>
      {discovery.kind === 'unavailable' && (
        <>
          <EuiCallOut
            size="s"
            color="warning"
            iconType="warning"
            title="Domains cannot be read from this tenant"
            data-test-subj="emtDiscoverUnavailable"
          >
            <p>{discovery.reason}</p>
          </EuiCallOut>
          <EuiSpacer size="s" />
        </>
      )}
      <EuiFormRow helpText="mail.contoso.com counts as contoso.com.">
        <EuiSwitch
          label="Include subdomains"
          checked={values.matchSubdomains}
          onChange={(event) => setField('matchSubdomains', event.target.checked)}
          data-test-subj="emtField-matchSubdomains"
        />
      </EuiFormRow>
    </>
  );
}
