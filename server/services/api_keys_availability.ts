import type { SecurityServiceStart } from '@kbn/core/server';
import type { Clock } from '../lib/collector/clock';
import { MINUTE_MS } from '../../common/time';

/**
 * Whether Elasticsearch has API keys (security on, keys enabled). Kibana answers by sending a
 * request to Elasticsearch each time (invalidating a made-up key), so the answer is kept for a
 * minute: the settings page asks on every list, and the file task on every run.
 */
export class ApiKeysAvailability {
  private known: { enabled: boolean; until: number } | undefined;

  constructor(
    private readonly authc: SecurityServiceStart['authc'],
    private readonly clock: Pick<Clock, 'now'>
  ) {}

  async enabled(): Promise<boolean> {
    const now = this.clock.now();
    if (this.known && now < this.known.until) return this.known.enabled;
    const enabled = await this.authc.apiKeys.areAPIKeysEnabled();
    this.known = { enabled, until: now + MINUTE_MS };
    return enabled;
  }
}
