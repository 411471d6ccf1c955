/**
 * Emulated Entra tenants: verified domains, app registrations (secrets, certificates, consented
 * application permissions) and the message-trace prerequisite — the service principal of
 * Microsoft's "Transport Data Platform" app — each switchable at run time.
 */
import { ExplicitRowSource, type ExplicitRow } from './explicit_rows';
import { parseCertificate, type ParsedCertificate } from './certificate';
import { SyntheticTenant, type SyntheticTenantOptions } from './synthetic_tenant';
import type { RowSource } from './trace_record';

/** The first-party app whose service principal must exist before message trace works (reference A7). */
export const TRANSPORT_DATA_PLATFORM_APP_ID = '8bd644d1-64a1-4d4b-ae52-2e0cbf64e373';
export const MESSAGE_TRACE_PERMISSION = 'ExchangeMessageTrace.Read.All';
export const DOMAIN_READ_PERMISSION = 'Domain.Read.All';

export interface AppSecretSpec {
  value: string;
  /** The secret's ID (a GUID) — what people paste by mistake instead of the value. */
  id?: string;
  /** Epoch ms; a secret used after this gets AADSTS7000222. */
  expiresAt?: number;
}

export interface AppSpec {
  clientId: string;
  displayName?: string;
  secrets?: AppSecretSpec[];
  /** PEM certificates registered on the app (public part only, like the portal upload). */
  certificates?: string[];
  /** Application permissions granted with admin consent. Default: message trace + Domain.Read.All. */
  grantedPermissions?: string[];
}

export interface DomainSpec {
  id: string;
  isDefault?: boolean;
  isInitial?: boolean;
  isVerified?: boolean;
}

export interface TenantSpec {
  tenantId: string;
  displayName?: string;
  /** Default: contoso.com (default), contoso.co.uk, mail.contoso.com, contoso.onmicrosoft.com (initial). */
  domains?: Array<string | DomainSpec>;
  apps: AppSpec[];
  /** Whether the Transport Data Platform service principal exists. Default true. */
  transportServicePrincipal?: boolean;
  /** Explicit rows (tests); takes precedence over `synthetic`. */
  rows?: ExplicitRow[];
  /** Synthetic mail flow; `anchorMs` defaults to the emulator clock's now, floored to the hour. */
  synthetic?: Omit<SyntheticTenantOptions, 'anchorMs'> & { anchorMs?: number };
  /** Any other row source. */
  source?: RowSource;
}

export interface EmulatedApp {
  clientId: string;
  displayName: string;
  secrets: AppSecretSpec[];
  certificates: ParsedCertificate[];
  grantedPermissions: Set<string>;
}

export class EmulatedTenant {
  readonly tenantId: string;
  readonly displayName: string;
  readonly domains: Required<DomainSpec>[];
  readonly apps = new Map<string, EmulatedApp>();
  readonly source: RowSource;
  /** Set when the tenant is synthetic: planted senders, population, bucket access. */
  readonly synthetic: SyntheticTenant | undefined;
  transportServicePrincipal: boolean;

  constructor(spec: TenantSpec, nowMs: number) {
    this.tenantId = spec.tenantId.toLowerCase();
    this.displayName = spec.displayName ?? 'Contoso';
    const domains = spec.domains ?? [
      { id: 'contoso.com', isDefault: true },
      'contoso.co.uk',
      'mail.contoso.com',
      { id: 'contoso.onmicrosoft.com', isInitial: true },
    ];
    this.domains = domains.map((d, i) => {
      const domain = typeof d === 'string' ? { id: d } : d;
      return {
        id: domain.id.toLowerCase(),
        isDefault:
          domain.isDefault ??
          (i === 0 && !domains.some((x) => typeof x !== 'string' && x.isDefault)),
        isInitial: domain.isInitial ?? false,
        isVerified: domain.isVerified ?? true,
      };
    });
    for (const app of spec.apps) this.upsertApp(app);
    this.transportServicePrincipal = spec.transportServicePrincipal ?? true;
    if (spec.rows) {
      this.source = new ExplicitRowSource(spec.rows);
      this.synthetic = undefined;
    } else if (spec.source) {
      this.source = spec.source;
      this.synthetic = undefined;
    } else {
      this.synthetic = new SyntheticTenant({
        seed: 1,
        ...spec.synthetic,
        localDomains:
          spec.synthetic?.localDomains ??
          this.domains
            .filter((d) => !d.isInitial && d.id.split('.').length <= 3 && !d.id.startsWith('mail.'))
            .map((d) => d.id),
        anchorMs: spec.synthetic?.anchorMs ?? Math.floor(nowMs / 3_600_000) * 3_600_000,
      });
      this.source = this.synthetic;
    }
  }

  upsertApp(app: AppSpec): EmulatedApp {
    const emulated: EmulatedApp = {
      clientId: app.clientId.toLowerCase(),
      displayName: app.displayName ?? 'Exchange message trace collector',
      secrets: app.secrets ?? [],
      certificates: (app.certificates ?? []).map(parseCertificate),
      grantedPermissions: new Set(
        app.grantedPermissions ?? [MESSAGE_TRACE_PERMISSION, DOMAIN_READ_PERMISSION]
      ),
    };
    this.apps.set(emulated.clientId, emulated);
    return emulated;
  }

  app(clientId: string): EmulatedApp | undefined {
    return this.apps.get(clientId.toLowerCase());
  }

  /** Tenant path segment: the GUID or any verified domain (Entra accepts both). */
  answersTo(segment: string): boolean {
    const s = segment.toLowerCase();
    return s === this.tenantId || this.domains.some((d) => d.isVerified && d.id === s);
  }

  grant(clientId: string, permission: string): void {
    this.app(clientId)?.grantedPermissions.add(permission);
  }

  revoke(clientId: string, permission: string): void {
    this.app(clientId)?.grantedPermissions.delete(permission);
  }
}
