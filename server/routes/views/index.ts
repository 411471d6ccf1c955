import type { RouteDependencies } from '../types';
import { registerCampaignRoute } from './campaign';
import { registerDeliveryStatusRoute } from './delivery_status';
import { registerKnownSenderRoutes } from './known_senders';
import { registerMessageDetailRoute } from './message_detail';
import { registerMessageExportRoute } from './message_export';
import { registerMessageTrailRoute } from './message_trail';
import { registerSearchMessagesRoute } from './search_messages';
import { registerSenderExportRoute } from './sender_export';
import { registerSuspiciousSendersRoute } from './suspicious_senders';

/** The views' routes: they read with the user's privileges; known-good writes need manage. */
export function registerViewRoutes(dependencies: RouteDependencies) {
  registerDeliveryStatusRoute(dependencies);
  registerSuspiciousSendersRoute(dependencies);
  registerSearchMessagesRoute(dependencies);
  registerMessageDetailRoute(dependencies);
  registerMessageTrailRoute(dependencies);
  registerKnownSenderRoutes(dependencies);
  registerCampaignRoute(dependencies);
  registerMessageExportRoute(dependencies);
  registerSenderExportRoute(dependencies);
}
