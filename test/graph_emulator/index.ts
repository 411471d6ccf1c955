/** Public surface of the Graph / Entra ID emulator for the collector's tests and the demo host. */
export { GraphEmulator, type GraphEmulatorOptions } from './graph_emulator';
export { DrivenClock, systemClock, type AutoAdvanceOptions, type Clock } from './clock';
export { createSelfSignedCertificate, type GeneratedCertificate } from './certificate';
export { createNetworkClient } from './msal_network_client';
export {
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  DEMO_CLIENT_SECRET_ID,
  DEMO_TENANT_ID,
  demoTenantSpec,
} from './demo_tenant';
export {
  DOMAIN_READ_PERMISSION,
  EmulatedTenant,
  MESSAGE_TRACE_PERMISSION,
  TRANSPORT_DATA_PLATFORM_APP_ID,
  type AppSpec,
  type DomainSpec,
  type TenantSpec,
} from './tenant_registry';
export { type ExplicitRow } from './explicit_rows';
export { SyntheticTenant, type SyntheticTenantOptions } from './synthetic_tenant';
export { type PlantedKind, type PlantedSender } from './synthetic_population';
export {
  FINAL_STATUSES,
  statusAt,
  truthObservations,
  type RowSource,
  type TraceRecord,
  type TraceStatus,
  type TruthObservation,
} from './trace_record';
export { FaultInjector, type FaultSpec, type MalformedRowReport } from './faults';
export { RequestLog, type RequestRecord } from './request_log';
export { MESSAGE_TRACE_THROTTLE, type ThrottleOptions } from './throttle';
