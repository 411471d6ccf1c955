import type { Client } from '@elastic/elasticsearch';

/*
 * Kibana's licensing plugin reads Elasticsearch's own license (`GET _license`, x-pack/platform/
 * plugins/shared/licensing/server/plugin.ts); `License.check(plugin, minimum)` answers unavailable,
 * expired (not active), invalid (below the minimum) or valid
 * (x-pack/platform/plugins/shared/licensing/common/license.ts). Kibana polls every 30 s; the host
 * reads it at each check, so a test that starts the trial sees it at once.
 */

// @kbn/licensing-types LICENSE_TYPE
const LICENSE_RANK: Record<string, number> = {
  basic: 10,
  standard: 20,
  gold: 30,
  platinum: 40,
  enterprise: 50,
  trial: 60,
};

export type LicenseCheck =
  | { state: 'valid'; type: string }
  | { state: 'invalid' | 'expired' | 'unavailable'; type: string | undefined };

export function isLicenseType(value: string) {
  return value in LICENSE_RANK;
}

function checked(
  license: { type: string; status: string } | undefined,
  minimumLicenseRequired: string
): LicenseCheck {
  if (!license) return { state: 'unavailable', type: undefined };
  const type = license.type;
  if (license.status !== 'active') return { state: 'expired', type };
  if ((LICENSE_RANK[type] ?? 0) < (LICENSE_RANK[minimumLicenseRequired] ?? Infinity)) {
    return { state: 'invalid', type };
  }
  return { state: 'valid', type };
}

export class HostLicense {
  /** The license last read, for Kibana's synchronous checks (`isActionTypeEnabled`). */
  private last: { type: string; status: string } | undefined;

  constructor(private readonly internal: Client) {}

  async check(minimumLicenseRequired: string): Promise<LicenseCheck> {
    try {
      ({ license: this.last } = await this.internal.license.get());
    } catch {
      this.last = undefined;
    }
    return checked(this.last, minimumLicenseRequired);
  }

  latest(minimumLicenseRequired: string): boolean {
    return checked(this.last, minimumLicenseRequired).state === 'valid';
  }
}
