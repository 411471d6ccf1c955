import { API_PRIVILEGES } from '../../../common/constants';
import {
  DISCOVER_DOMAINS_API_PATH,
  testConnectionRequestCodec,
} from '../../../common/http_api/connections';
import { discoverDomains } from '../../lib/diagnostics/domain_discovery';
import { validateWith } from '../../lib/route_validation';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { respondWithDiagnosis } from './connection_under_test';

/** Manage privilege: the request carries a secret. Expected failures are answers, not errors. */
export function registerDiscoverDomainsRoute({ router, getServices }: RouteDependencies) {
  router.post(
    {
      path: DISCOVER_DOMAINS_API_PATH,
      validate: { body: validateWith(testConnectionRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.manage] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () =>
        respondWithDiagnosis(await getServices(), request, response, discoverDomains)
      )
  );
}
