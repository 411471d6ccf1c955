import type { IRouter, Logger, RequestHandlerContext } from '@kbn/core/server';
import type { UploadLimits } from '../lib/files/upload_limits';
import type { ExchangeMessageTraceServices } from '../types';

export interface RouteDependencies {
  router: IRouter<RequestHandlerContext>;
  logger: Logger;
  kibanaVersion: string;
  /** kibana.yml's `exchange_message_trace.dataStream.dataset`. */
  dataset: string;
  /** kibana.yml's `exchange_message_trace.files.maxUpload*`. */
  fileUploadLimits: UploadLimits;
  /**
   * The started plugin's services; rejects with a ServiceUnavailableError (503) while it cannot
   * start, after at most a short wait.
   */
  getServices(): Promise<ExchangeMessageTraceServices>;
  /** Why the plugin cannot serve yet, or undefined once it can. */
  notReadyReason(): string | undefined;
  /** Whether Kibana has an encryption key for the connections' secrets. */
  canEncrypt(): boolean;
}
