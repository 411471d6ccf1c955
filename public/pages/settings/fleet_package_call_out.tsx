import { EuiCallOut, EuiCode, EuiSpacer } from '@elastic/eui';
import type { FleetPackage } from '../../../common/http_api/status';

function codes(values: readonly string[]) {
  return values.map((value, position) => (
    <span key={value}>
      {position > 0 && ', '}
      <EuiCode>{value}</EuiCode>
    </span>
  ));
}

function Present({ found }: { found: Extract<FleetPackage, { state: 'present' }> }) {
  const shared = found.sharedNamespaces;
  return (
    <EuiCallOut
      color={shared.length > 0 ? 'warning' : 'primary'}
      iconType="package"
      title="Elastic's Microsoft Exchange Online Message Trace integration is installed here too"
      data-test-subj="emtFleetPackagePresent"
    >
      <p data-test-subj="emtFleetPackageTemplates">
        Its index templates are left as they are:{' '}
        {codes(found.templates.map((template) => `${template.name} (${template.priority})`))}.
      </p>
      <p data-test-subj="emtFleetPackageOurs">
        {found.ourNamespaces.length > 0 ? (
          <>Each namespace this plugin writes ({codes(found.ourNamespaces)}) has</>
        ) : (
          <>Each namespace this plugin writes gets, before its first document,</>
        )}{' '}
        its own template at priority {found.ourPriority}, above the integration&apos;s: its
        documents keep this plugin&apos;s mappings and run none of the integration&apos;s pipelines
        {found.pipelines.length > 0 && <> ({codes(found.pipelines)})</>}. The integration&apos;s
        data streams in every other namespace keep its template and pipelines.
      </p>
      {shared.length > 0 && (
        <p data-test-subj="emtFleetPackageShared">
          The integration has a template for {codes(shared)} as well: data its agents send there now
          gets this plugin&apos;s mappings and no pipeline. Give the integration&apos;s agent policy
          or this plugin&apos;s connection another namespace.
        </p>
      )}
    </EuiCallOut>
  );
}

/** What the settings page says about the Fleet integration for the same dataset; nothing if absent. */
export function FleetPackageCallOut({ fleetPackage }: { fleetPackage: FleetPackage | undefined }) {
  if (!fleetPackage || fleetPackage.state === 'absent') return null;
  return (
    <>
      {fleetPackage.state === 'present' ? (
        <Present found={fleetPackage} />
      ) : (
        <EuiCallOut
          color="warning"
          iconType="package"
          title="Could not check for Elastic's Fleet integration for this dataset"
          data-test-subj="emtFleetPackageUnknown"
        >
          <p>
            Reading index templates needs the <EuiCode>manage_index_templates</EuiCode> cluster
            privilege, which Kibana&apos;s own user normally has. This plugin still writes each
            namespace through a template of its own, above the integration&apos;s.
          </p>
          <p data-test-subj="emtFleetPackageReason">{fleetPackage.reason}</p>
        </EuiCallOut>
      )}
      <EuiSpacer size="m" />
    </>
  );
}
