import { screen } from '@testing-library/react';
import { STATUS_API_PATH } from '../../../common/constants';
import { CONNECTIONS_API_PATH } from '../../../common/http_api/connections';
import type { FleetPackage, StatusResponse } from '../../../common/http_api/status';
import { renderWithServices } from '../../test_support/fake_core';
import { SettingsPage } from './settings_page';

const DATASET = 'microsoft_exchange_online_message_trace.log';

function renderWith(fleetPackage: FleetPackage) {
  const status: StatusResponse = {
    kibanaVersion: '9.5.3',
    elasticsearch: { clusterName: 'test-cluster', version: '9.5.0' },
    canEncrypt: true,
    fleetPackage,
  };
  return renderWithServices(<SettingsPage />, {
    canManage: true,
    routes: {
      [`GET ${CONNECTIONS_API_PATH}`]: () => ({ connections: [] }),
      [`GET ${STATUS_API_PATH}`]: () => status,
    },
  });
}

const present: FleetPackage = {
  state: 'present',
  templates: [
    { name: `logs-${DATASET}`, priority: 200, indexPatterns: [`logs-${DATASET}-*`] },
    {
      name: `logs-${DATASET}@namespace.agents`,
      priority: 250,
      indexPatterns: [`logs-${DATASET}-agents`],
    },
  ],
  pipelines: ['.fleet_final_pipeline-1', `logs-${DATASET}-2.1.1`],
  ourPriority: 300,
  ourNamespaces: ['default'],
  sharedNamespaces: [],
};

describe('the settings page beside the Fleet integration', () => {
  it('says what was done: its templates left alone, ours above them, none of its pipelines', async () => {
    renderWith(present);
    const callOut = await screen.findByTestId('emtFleetPackagePresent');
    expect(callOut.textContent).toContain(
      "Elastic's Microsoft Exchange Online Message Trace integration is installed here too"
    );
    expect(screen.getByTestId('emtFleetPackageTemplates').textContent).toBe(
      `Its index templates are left as they are: logs-${DATASET} (200), ` +
        `logs-${DATASET}@namespace.agents (250).`
    );
    expect(screen.getByTestId('emtFleetPackageOurs').textContent).toBe(
      'Each namespace this plugin writes (default) has its own template at priority 300, above ' +
        "the integration's: its documents keep this plugin's mappings and run none of the " +
        `integration's pipelines (.fleet_final_pipeline-1, logs-${DATASET}-2.1.1). The ` +
        "integration's data streams in every other namespace keep its template and pipelines."
    );
    expect(screen.queryByTestId('emtFleetPackageShared')).toBeNull();
  });

  it('warns about a namespace both write', async () => {
    renderWith({ ...present, ourNamespaces: ['agents', 'default'], sharedNamespaces: ['agents'] });
    expect((await screen.findByTestId('emtFleetPackageShared')).textContent).toBe(
      "The integration has a template for agents as well: data its agents send there now gets this plugin's " +
        "mappings and no pipeline. Give the integration's agent policy or this plugin's connection " +
        'another namespace.'
    );
  });

  it('says why it could not check, when the templates cannot be read', async () => {
    const reason =
      'security_exception: action [indices:admin/index_template/get] is unauthorized for user [kibana_system]';
    renderWith({ state: 'unknown', reason });
    await screen.findByTestId('emtFleetPackageUnknown');
    expect(screen.getByTestId('emtFleetPackageReason').textContent).toBe(reason);
    expect(screen.queryByTestId('emtFleetPackagePresent')).toBeNull();
  });

  it('says nothing where the integration is absent', async () => {
    renderWith({ state: 'absent' });
    await screen.findByTestId('emtStatus');
    expect(screen.queryByTestId('emtFleetPackagePresent')).toBeNull();
    expect(screen.queryByTestId('emtFleetPackageUnknown')).toBeNull();
  });
});
