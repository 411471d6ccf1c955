import { API_PRIVILEGES } from '../../../common/constants';
import {
  TEST_CONNECTION_API_PATH,
  testConnectionRequestCodec,
} from '../../../common/http_api/connections';
import { runConnectionTest } from '../../lib/diagnostics/connection_test';
import { validateWith } from '../../lib/route_validation';
import type { RouteDependencies } from '../types';
import { answerWith } from '../error_response';
import { respondWithDiagnosis } from './connection_under_test';

/** Manage privilege: the request carries a secret, and the test spends the tenant's budget. */
export function registerTestConnectionRoute({ router, getServices }: RouteDependencies) {
  router.post(
    {
      path: TEST_CONNECTION_API_PATH,
      validate: { body: validateWith(testConnectionRequestCodec) },
      security: { authz: { requiredPrivileges: [API_PRIVILEGES.manage] } },
      options: { access: 'internal' },
    },
    async (_context, request, response) =>
      answerWith(response, async () =>
        respondWithDiagnosis(await getServices(), request, response, runConnectionTest)
      )
  );
}
