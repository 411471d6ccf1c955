import { useCallback, useState } from 'react';
import type { ConnectionView } from '../../../common/http_api/connections';
import { useAppServices } from '../../components/app_services';
import { statusCodeOf } from '../../services/http_errors';

/**
 * Run now, enable/disable and delete, each reported by a toast; `pendingIds` holds the connections
 * with a request under way, and `onChanged` refreshes the list once one is answered.
 */
export function useConnectionActions(onChanged: () => void) {
  const { api, core } = useAppServices();
  const { toasts } = core.notifications;
  const [pendingIds, setPendingIds] = useState<ReadonlySet<string>>(new Set());

  const withPending = useCallback(
    async (id: string, action: () => Promise<void>) => {
      setPendingIds((current) => new Set([...current, id]));
      try {
        await action();
      } finally {
        setPendingIds((current) => new Set([...current].filter((pending) => pending !== id)));
        onChanged();
      }
    },
    [onChanged]
  );

  const runNow = (connection: ConnectionView) =>
    withPending(connection.id, async () => {
      try {
        await api.runNow(connection.id);
        toasts.addSuccess(`Collecting ${connection.settings.name} now`);
      } catch (error) {
        if (statusCodeOf(error) === 409) {
          toasts.addWarning(`${connection.settings.name} is already running`);
        } else {
          toasts.addError(error as Error, { title: `Could not run ${connection.settings.name}` });
        }
      }
    });

  const toggleEnabled = (connection: ConnectionView) =>
    withPending(connection.id, async () => {
      const enabled = !connection.settings.enabled;
      try {
        await api.update(connection.id, { ...connection.settings, enabled });
        toasts.addSuccess(
          `${enabled ? 'Enabled' : 'Disabled'} collection for ${connection.settings.name}`
        );
      } catch (error) {
        toasts.addError(error as Error, {
          title: `Could not ${enabled ? 'enable' : 'disable'} ${connection.settings.name}`,
        });
      }
    });

  const reauthorize = (connection: ConnectionView) =>
    withPending(connection.id, async () => {
      try {
        await api.authorize(connection.id);
        toasts.addSuccess(`Re-authorised ${connection.settings.name}: collection resumes`);
      } catch (error) {
        toasts.addError(error as Error, {
          title: `Could not re-authorise ${connection.settings.name}`,
        });
      }
    });

  /** Resolves true once deleted. */
  const remove = async (connection: ConnectionView) => {
    let deleted = false;
    await withPending(connection.id, async () => {
      try {
        await api.remove(connection.id);
        deleted = true;
        toasts.addSuccess(`Deleted ${connection.settings.name}`);
      } catch (error) {
        toasts.addError(error as Error, { title: `Could not delete ${connection.settings.name}` });
      }
    });
    return deleted;
  };

  return { pendingIds, runNow, toggleEnabled, reauthorize, remove };
}
